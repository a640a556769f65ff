// Reading a form response into the submission's answers, by each answer's question title; file uploads become Drive links.
import { isDate } from '../domain/parse';
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
  if (Array.isArray(value))
    return value
      .map(answerText)
      .filter((v) => v !== '')
      .join(', ');
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

/** Drive links in an answer of a file-upload question as the response sheet shows it ("https://drive.google.com/open?id=…, …"). */
const DRIVE_LINK = /https:\/\/drive\.google\.com\/[^\s,]+/g;

/**
 * The answers of one row of the form's response sheet, given as (header, text) pairs — the header is
 * the question's title, as Google writes it. Unknown headers holding Drive links are file-upload
 * questions added by hand; the video link falls back to the first of them.
 */
export function answersFromSheet(pairs: { title: string; text: string }[]): Pick<ResponseAnswers, 'answers' | 'uploads'> {
  const answers = { unit: '', entryType: '', authors: '', title: '', videoLink: '', length: '', contactName: '', phone: '', email: '', pledge: '' } as Record<
    QuestionKey,
    string
  >;
  const uploads: string[] = [];
  const questions: { title: string; text: string }[] = [];
  for (const p of pairs) {
    const links = p.text.match(DRIVE_LINK);
    if (links && mayBeUpload(p.title, p.text)) uploads.push(...links);
    else questions.push(p);
  }
  const index = matchTitles(questions.map((q) => q.title));
  for (const [key, i] of Object.entries(index) as [QuestionKey, number][]) answers[key] = questions[i].text.trim();
  if (answers.videoLink === '' && uploads.length > 0) answers.videoLink = uploads[0];
  return { answers, uploads };
}

/**
 * A key for a response-sheet row that the submit trigger and "Đồng bộ bài dự thi" both compute from the
 * row's stored values (the sheet has no response id): the timestamp and a hash of every cell. Sorting
 * the sheet does not change it; two identical answers sent in the same millisecond count once.
 */
export function responseRowKey(row: unknown[]): string {
  const text = row.map((v) => (isDate(v) ? String(v.getTime()) : String(v ?? ''))).join('\u001f');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const stamp = row[0];
  const ms = isDate(stamp) ? stamp.getTime() : 0;
  return `dong:${ms.toString(36)}:${hash.toString(36)}`;
}
