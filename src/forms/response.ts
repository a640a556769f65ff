// Reading a form response into the submission's answers, by each answer's question title; file uploads become Drive links.
import { driveFileLink } from './links';
import { QUESTIONS, matchTitles, titleMatches, type QuestionKey } from './questions';

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

function answerText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(answerText).filter((v) => v !== '').join(', ');
  return String(value).trim();
}

/**
 * The answers of `response`; the video link falls back to the first uploaded file's Drive link.
 *
 * Each answer is identified by its own item's title (matched as inspectForm matches a form's items),
 * so no pass over the whole form is needed: the Forms service is slow per call, and this costs
 * getItemResponses + 3 calls per answered question (getItem, getTitle, getResponse). The item type is
 * asked only where an answer could come from a file-upload question added by hand: Google returns
 * those answers as an array of Drive file ids, and such a question's title matches either no question
 * of ours or "Link video".
 */
export function readResponse(formApp: FormAppService, response: FormResponse): ResponseAnswers {
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
  const questions: { title: string; raw: unknown }[] = [];
  for (const ir of response.getItemResponses()) {
    const item = ir.getItem();
    const title = item.getTitle();
    const raw: unknown = ir.getResponse();
    if (mayBeUpload(title, raw) && item.getType() === formApp.ItemType.FILE_UPLOAD) {
      // Google returns the uploaded files' Drive ids.
      const ids = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(/[\s,]+/));
      for (const fileId of ids) if (typeof fileId === 'string' && fileId.trim() !== '') uploads.push(driveFileLink(fileId.trim()));
      continue;
    }
    questions.push({ title, raw });
  }
  const index = matchTitles(questions.map((q) => q.title));
  for (const [key, i] of Object.entries(index) as [QuestionKey, number][]) answers[key] = answerText(questions[i].raw);
  if (answers.videoLink === '' && uploads.length > 0) answers.videoLink = uploads[0];
  return { responseId: response.getId(), timestamp: new Date(response.getTimestamp().getTime()), answers, uploads };
}

/** True when an answer might be a file-upload question's (see readResponse): an array, or a title that is not one of ours or is "Link video". */
function mayBeUpload(title: string, raw: unknown): boolean {
  if (Array.isArray(raw)) return true;
  const spec = QUESTIONS.find((q) => titleMatches(title, q));
  return !spec || spec.key === 'videoLink';
}

/** True when nothing was answered (Google occasionally fires a trigger with an empty response). */
export function isBlankResponse(r: ResponseAnswers): boolean {
  return Object.values(r.answers).every((v) => v === '') && r.uploads.length === 0;
}
