// Reading a form response into the submission's answers, by question title; file uploads become Drive links.
import { inspectForm, type FormLayout } from './form-builder';
import { driveFileLink } from './links';
import type { QuestionKey } from './questions';

type Form = GoogleAppsScript.Forms.Form;
type FormResponse = GoogleAppsScript.Forms.FormResponse;
type FormAppService = GoogleAppsScript.Forms.FormApp;

/** What one response says, as text; '' for unanswered questions. */
export interface ResponseAnswers {
  responseId: string;
  timestamp: Date;
  answers: Record<QuestionKey, string>;
  /** Drive links of files uploaded through a file-upload question added by hand. */
  uploads: string[];
}

/** Item id → question key, computed once per form and reused for every response of a sync. */
export interface ResponseMapper {
  layout: FormLayout;
  keyByItemId: Map<number, QuestionKey>;
  uploadIds: Set<number>;
}

export function responseMapper(formApp: FormAppService, form: Form): ResponseMapper {
  const layout = inspectForm(formApp, form);
  const keyByItemId = new Map<number, QuestionKey>();
  for (const [key, item] of Object.entries(layout.items) as [QuestionKey, GoogleAppsScript.Forms.Item][]) {
    keyByItemId.set(item.getId(), key);
  }
  return { layout, keyByItemId, uploadIds: new Set(layout.uploads.map((i) => i.getId())) };
}

function answerText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(answerText).filter((v) => v !== '').join(', ');
  return String(value).trim();
}

/** The answers of `response`; the video link falls back to the first uploaded file's Drive link. */
export function readResponse(mapper: ResponseMapper, response: FormResponse): ResponseAnswers {
  const answers = {
    unit: '',
    entryType: '',
    authors: '',
    title: '',
    videoLink: '',
    length: '',
    contactName: '',
    phone: '',
    email: '',
    pledge: '',
  } as Record<QuestionKey, string>;
  const uploads: string[] = [];
  for (const ir of response.getItemResponses()) {
    const id = ir.getItem().getId();
    const raw = ir.getResponse();
    if (mapper.uploadIds.has(id)) {
      // Google returns the uploaded files' Drive ids.
      const ids = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(/[\s,]+/));
      for (const fileId of ids) if (typeof fileId === 'string' && fileId.trim() !== '') uploads.push(driveFileLink(fileId.trim()));
      continue;
    }
    const key = mapper.keyByItemId.get(id);
    if (key) answers[key] = answerText(raw);
  }
  if (answers.videoLink === '' && uploads.length > 0) answers.videoLink = uploads[0];
  return { responseId: response.getId(), timestamp: new Date(response.getTimestamp().getTime()), answers, uploads };
}

/** True when nothing was answered (Google occasionally fires a trigger with an empty response). */
export function isBlankResponse(r: ResponseAnswers): boolean {
  return Object.values(r.answers).every((v) => v === '') && r.uploads.length === 0;
}
