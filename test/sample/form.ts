// A sample entry as the unit sends it through the form: answers keyed by the form's question titles (src/forms/questions.ts).
import { PLEDGE_TEXT, questionSpec } from '../../src/forms/questions';
import type { SampleSubmission } from './contest';

export function formAnswers(s: Omit<SampleSubmission, 'at' | 'story'>): Record<string, string | string[]> {
  const t = (key: Parameters<typeof questionSpec>[0]): string => questionSpec(key).title;
  return {
    [t('unit')]: s.unit,
    [t('entryType')]: s.entryType,
    [t('authors')]: s.authors,
    [t('title')]: s.title,
    [t('videoLink')]: s.videoLink,
    [t('length')]: s.length,
    [t('contactName')]: s.contactName,
    [t('phone')]: s.phone,
    [t('email')]: s.email,
    [t('pledge')]: [PLEDGE_TEXT],
  };
}
