// Small builders for domain tests: a contest input with District 11 defaults and terse submissions.
import { DEFAULT_APPRAISAL_CRITERIA } from '../../src/domain/appraisal';
import { DEFAULT_RUBRIC } from '../../src/domain/jury';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { AppraisalInput, ContestInput, Settings, Submission, Unit } from '../../src/domain/types';

/** An instant from a wall time in Asia/Ho_Chi_Minh (fixed +07:00, no DST). */
export const vn = (isoLocal: string): Date => new Date(`${isoLocal}+07:00`);

export const unit = (code: string, name: string, aliases: string[] = []): Unit => ({ code, name, aliases, email: '' });

export const submission = (id: string, unitName: string, submittedAt: Date | null = vn('2023-06-05T10:00:00')): Submission => ({
  id,
  submittedAt,
  unit: unitName,
  unitKnown: true,
  entryType: 'Cá nhân',
  authors: `Tác giả ${id}`,
  title: `Clip ${id}`,
  videoLink: `https://example.com/${id}`,
});

/** All ten default criteria ticked. */
export const passed = (clipId: string): AppraisalInput => ({
  clipId,
  ticks: Object.fromEntries(DEFAULT_APPRAISAL_CRITERIA.map((c) => [c.code, true])),
});

export function contest(patch: Partial<ContestInput> & { settingsPatch?: Partial<Settings> } = {}): ContestInput {
  const { settingsPatch, ...rest } = patch;
  return {
    settings: { ...DEFAULT_SETTINGS, ...settingsPatch },
    units: [],
    jurors: [],
    rubric: DEFAULT_RUBRIC,
    criteria: DEFAULT_APPRAISAL_CRITERIA,
    submissions: [],
    appraisals: [],
    juryMarks: [],
    engagement: [],
    shareLog: [],
    ...rest,
  };
}
