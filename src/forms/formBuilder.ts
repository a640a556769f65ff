// Building and checking the submission Google Form: questions, unit dropdown, destination, and its submit and settings-edit triggers.
import { formatDateTime } from '../domain/parse';
import type { Settings } from '../domain/types';
import { typographicQuotes } from '../domain/quotes';
import { ESSENTIAL_QUESTIONS, QUESTIONS, matchTitles, type QuestionKey, type QuestionSpec } from './questions';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type FormAppService = GoogleAppsScript.Forms.FormApp;

/** Handler names of the installable triggers (entry points in src/main.ts); the deadline's is in deadline.ts. */

/** Form title: what a unit sees at the top after scanning a code. */
export function formTitle(settings: Settings): string {
  return `Nộp bài dự thi – ${typographicQuotes(settings.contestName)}`;
}

/** Form description: organizer, deadline, how to send the clip, and the requirements an appraiser checks. */
export function formDescription(settings: Settings, requirements: string[]): string {
  const deadline = formatDateTime(settings.submissionDeadline, settings.timeZone);
  const lines = [
    `${settings.organizer} tổ chức ${typographicQuotes(settings.contestName)}.`,
    `Hạn nộp bài: ${deadline} (múi giờ ${settings.timeZone}). Biểu mẫu tự đóng khi hết hạn.`,
    'Mỗi đơn vị có thể nộp nhiều bài; mỗi lần nộp một video clip, theo hình thức cá nhân hoặc tập thể.',
    'Tải video lên Google Drive hoặc YouTube rồi dán link vào câu "Link video" (chia sẻ ở chế độ ai có link đều xem được).',
    '',
    'Yêu cầu đối với video clip (Tổ thẩm định kiểm tra từng tiêu chí; clip không đạt sẽ bị loại và không tính vào chỉ tiêu của đơn vị):',
    ...requirements.map((r) => `• ${r}`),
  ];
  return lines.join('\n');
}

/** Adds every question of QUESTIONS to an empty form, the unit dropdown listing `unitNames`. */
export function addQuestions(formApp: FormAppService, form: Form, unitNames: string[]): void {
  for (const q of QUESTIONS) {
    switch (q.kind) {
      case 'list': {
        const item = form.addListItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
        // A dropdown without choices cannot be saved by Google; a placeholder keeps the form valid until units exist.
        item.setChoiceValues(unitNames.length > 0 ? unitNames : [NO_UNITS_CHOICE]);
        break;
      }
      case 'multipleChoice':
        form
          .addMultipleChoiceItem()
          .setTitle(q.title)
          .setHelpText(q.help)
          .setRequired(q.required)
          .setChoiceValues(q.choices ?? []);
        break;
      case 'paragraph':
        form.addParagraphTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
        break;
      case 'checkbox':
        form
          .addCheckboxItem()
          .setTitle(q.title)
          .setHelpText(q.help)
          .setRequired(q.required)
          .setChoiceValues(q.choices ?? []);
        break;
      case 'text': {
        const item = form.addTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
        if (q.validation === 'url') {
          item.setValidation(formApp.createTextValidation().setHelpText('Hãy dán một đường link đầy đủ, bắt đầu bằng https://').requireTextIsUrl().build());
        } else if (q.validation === 'email') {
          item.setValidation(formApp.createTextValidation().setHelpText('Hãy nhập đúng địa chỉ email.').requireTextIsEmail().build());
        }
        break;
      }
    }
  }
}

/** Placeholder choice while "Đơn vị" has no rows. */
export const NO_UNITS_CHOICE = '(Chưa có danh sách đơn vị)';

/** Creates a new form with our title, description, settings and questions. */
export function createContestForm(formApp: FormAppService, settings: Settings, requirements: string[], unitNames: string[]): Form {
  const form = formApp.create(formTitle(settings));
  form
    .setDescription(formDescription(settings, requirements))
    .setConfirmationMessage('Ban tổ chức đã nhận bài dự thi của bạn. Mã bài sẽ được thông báo sau khi bài được ghi nhận.')
    // Units send several clips; a sign-in requirement would lock out members without Google accounts.
    .setShowLinkToRespondAgain(true)
    .setAllowResponseEdits(false)
    .setLimitOneResponsePerUser(false);
  addQuestions(formApp, form, unitNames);
  return form;
}

/** The items of a form matched to our questions, and any file-upload item an organizer added by hand. */
export interface FormLayout {
  items: Partial<Record<QuestionKey, Item>>;
  /** File-upload items (their Drive link stands in for "Link video" when that is blank). */
  uploads: Item[];
  /** Essential questions the form does not have. */
  missing: QuestionSpec[];
}

/** Matches a form's items to our questions by title (see questions.ts). */
export function inspectForm(formApp: FormAppService, form: Form): FormLayout {
  // One getType per item: every call to the Forms service costs time in Apps Script.
  const all = form.getItems().map((item) => ({ item, type: item.getType() }));
  const uploads = all.filter((i) => i.type === formApp.ItemType.FILE_UPLOAD).map((i) => i.item);
  const questions = all.filter((i) => isQuestion(formApp, i.type) && i.type !== formApp.ItemType.FILE_UPLOAD).map((i) => i.item);
  const index = matchTitles(questions.map((i) => i.getTitle()));
  const items: Partial<Record<QuestionKey, Item>> = {};
  for (const [key, i] of Object.entries(index) as [QuestionKey, number][]) items[key] = questions[i];
  const missing = QUESTIONS.filter((q) => ESSENTIAL_QUESTIONS.includes(q.key) && !items[q.key])
    // An upload question can replace the link question.
    .filter((q) => !(q.key === 'videoLink' && uploads.length > 0));
  return { items, uploads, missing };
}

function isQuestion(formApp: FormAppService, t: GoogleAppsScript.Forms.ItemType): boolean {
  const I = formApp.ItemType;
  return t !== I.PAGE_BREAK && t !== I.SECTION_HEADER && t !== I.IMAGE && t !== I.VIDEO;
}

/**
 * Vietnamese message for a linked form missing questions, naming each missing question and its
 * accepted titles. The form's title gets a line of its own: it may hold quotes itself.
 */
export function missingQuestionsMessage(form: Form, missing: QuestionSpec[]): string {
  const list = missing.map(
    (q) =>
      `• "${q.title}" (hoặc: ${q.accepts
        .filter((a) => a !== q.title)
        .map((a) => `"${a}"`)
        .join(', ')})`,
  );
  return [
    `Tên biểu mẫu: ${form.getTitle()}`,
    `Biểu mẫu này thiếu ${missing.length} câu hỏi cần cho trang "Bài dự thi":`,
    ...list,
    'Hãy thêm các câu hỏi này vào biểu mẫu (đặt tiêu đề như trên) rồi liên kết lại, hoặc để add-on tạo biểu mẫu mới.',
  ].join('\n');
}

/**
 * Sets the choices of the form's unit question `item` (from inspectForm) to the roster names, in
 * roster order. Returns how many choices it now has, or null when the question is free text (nothing
 * to sync; intake matches it).
 */
export function syncUnitChoices(formApp: FormAppService, item: Item | undefined, unitNames: string[]): number | null {
  if (!item) return null;
  const choices = unitNames.length > 0 ? unitNames : [NO_UNITS_CHOICE];
  const type = item.getType();
  if (type === formApp.ItemType.LIST) item.asListItem().setChoiceValues(choices);
  else if (type === formApp.ItemType.MULTIPLE_CHOICE) item.asMultipleChoiceItem().setChoiceValues(choices);
  else if (type === formApp.ItemType.CHECKBOX) item.asCheckboxItem().setChoiceValues(choices);
  else return null;
  return unitNames.length;
}

/** Sends the form's responses to this spreadsheet unless they already land here. */
export function ensureDestination(formApp: FormAppService, form: Form, spreadsheetId: string): boolean {
  let current = '';
  try {
    current = form.getDestinationId();
  } catch {
    // Google throws when a form has no destination yet; that is the "not linked" case.
    current = '';
  }
  if (current === spreadsheetId) return false;
  form.setDestination(formApp.DestinationType.SPREADSHEET, spreadsheetId);
  return true;
}
