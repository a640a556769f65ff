// What the form page does for a respondent (required answers, validation), and a plain description of a form.
import type { FormImpl } from './form';
import { FormResponseImpl, ItemResponseImpl } from './response';
import { CheckboxValidationImpl, TextValidationImpl } from './validation';

export interface FormDescription {
  title: string;
  description: string;
  acceptingResponses: boolean;
  collectEmail: boolean;
  confirmationMessage: string;
  closedMessage: string;
  destinationId: string | null;
  items: {
    id: number;
    type: string;
    title: string;
    helpText: string;
    required: boolean;
    choices: string[];
    validation: { kind: string; args: unknown[]; helpText: string } | null;
  }[];
}

export function describeForm(f: FormImpl): FormDescription {
  return {
    title: f._title,
    description: f._description,
    acceptingResponses: f._accepting,
    collectEmail: f._collectEmail,
    confirmationMessage: f._confirmation,
    closedMessage: f._closedMessage,
    destinationId: f._destinationId,
    items: f._items.map((i) => ({
      id: i._id,
      type: i._type,
      title: i._title,
      helpText: i._helpText,
      required: i._required,
      choices: [...i._choices],
      validation: i._validation ? { kind: i._validation._rule.kind, args: [...i._validation._rule.args], helpText: i._validation._helpText } : null,
    })),
  };
}

/** Builds the response a person would submit; throws the way the page refuses (missing required answer, failed validation). */
export function submitAnswers(f: FormImpl, answers: Record<string, string | string[]>, skipChecks: boolean): FormResponseImpl {
  f._assertAccepting();
  const r = new FormResponseImpl(f._ctr, f);
  const byTitle = new Map(f._items.filter((i) => i._isQuestion()).map((i) => [i._title, i]));
  for (const [title, value] of Object.entries(answers)) {
    const item = byTitle.get(title);
    if (!item) throw new Error(`emulator: the form has no question titled "${title}"`);
    const empty = value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) continue;
    const normalised = item._normalise(item._type === 'CHECKBOX' ? (Array.isArray(value) ? value : [value]) : value);
    if (!skipChecks && item._validation instanceof TextValidationImpl && !item._validation._accepts(String(normalised))) {
      throw new Error(`emulator: the form refuses "${title}": ${item._validation._helpText || 'invalid answer'}`);
    }
    if (!skipChecks && item._validation instanceof CheckboxValidationImpl && !item._validation._accepts(normalised as string[])) {
      throw new Error(`emulator: the form refuses "${title}": ${item._validation._helpText || 'invalid selection'}`);
    }
    r.withItemResponse(new ItemResponseImpl(f._ctr, item, normalised));
  }
  if (!skipChecks) {
    for (const item of byTitle.values()) {
      if (item._required && !r._answers.some((a) => a._item === item)) {
        throw new Error(`emulator: the form requires an answer to "${item._title}"`);
      }
    }
  }
  return r;
}
