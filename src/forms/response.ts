// Reading a response (a row of the form's response sheet) into the submission's answers, by question title; uploads are Drive links.
import { isDate } from '../domain/parse';
import { QUESTIONS, matchTitles, titleMatches, type QuestionKey } from './questions';

/** What one response says, as text; '' for unanswered questions. */
export interface ResponseAnswers {
  responseId: string;
  timestamp: Date;
  answers: Record<QuestionKey, string>;
  /** Drive links of files uploaded through a file-upload question added by hand. */
  uploads: string[];
}

/** True when an answer might be a file-upload question's (see answersFromSheet): an array, or a title that is not one of ours or is "Link video". */
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
