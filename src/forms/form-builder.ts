// Building, linking and checking the submission Google Form; its unit dropdown; its one onFormSubmit trigger.
import { formatDateTime } from '../domain/parse';
import type { Settings } from '../domain/types';
import { typographicQuotes } from './quotes';
import { ESSENTIAL_QUESTIONS, QUESTIONS, matchTitles, type QuestionKey, type QuestionSpec } from './questions';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type FormAppService = GoogleAppsScript.Forms.FormApp;
type ScriptAppService = GoogleAppsScript.Script.ScriptApp;
type Properties = GoogleAppsScript.Properties.Properties;

/** Handler names of the installable triggers (entry points in src/main.ts). */
export const SUBMIT_HANDLER = 'onFormSubmit';
export const DEADLINE_HANDLER = 'closeFormAtDeadline';
export const SETTINGS_EDIT_HANDLER = 'onSettingsEdit';

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

/** The message a unit sees on the closed form. */
export function closedMessage(settings: Settings): string {
  return `Đã hết hạn nộp bài lúc ${formatDateTime(settings.submissionDeadline, settings.timeZone)}. Cảm ơn các đơn vị đã tham gia ${typographicQuotes(settings.contestName)}.`;
}

/** Prefix of our closed message: tells a form we closed (and may reopen) from one closed by hand. */
export const CLOSED_MESSAGE_PREFIX = 'Đã hết hạn nộp bài lúc ';

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
        form.addMultipleChoiceItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required).setChoiceValues(q.choices ?? []);
        break;
      case 'paragraph':
        form.addParagraphTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
        break;
      case 'checkbox':
        form.addCheckboxItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required).setChoiceValues(q.choices ?? []);
        break;
      case 'text': {
        const item = form.addTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
        if (q.validation === 'url') {
          item.setValidation(
            formApp.createTextValidation().setHelpText('Hãy dán một đường link đầy đủ, bắt đầu bằng https://').requireTextIsUrl().build(),
          );
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
  const list = missing.map((q) => `• "${q.title}" (hoặc: ${q.accepts.filter((a) => a !== q.title).map((a) => `"${a}"`).join(', ')})`);
  return [
    `Tên biểu mẫu: ${form.getTitle()}`,
    `Biểu mẫu này thiếu ${missing.length} câu hỏi cần cho trang "Bài dự thi":`,
    ...list,
    'Hãy thêm các câu hỏi này vào biểu mẫu (đặt tiêu đề như trên) rồi liên kết lại, hoặc để add-on tạo biểu mẫu mới.',
  ].join('\n');
}

/**
 * Sets the unit question's choices to the roster names, in roster order. Returns how many choices it
 * now has, or null when the form's unit question is free text (nothing to sync; intake matches it).
 */
export function syncUnitChoices(formApp: FormAppService, form: Form, unitNames: string[]): number | null {
  const item = inspectForm(formApp, form).items.unit;
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

/**
 * Exactly one onFormSubmit trigger, for `form`: keeps the first existing one, deletes duplicates and
 * triggers left on a previously linked form. Returns true when it had to create one.
 */
export function ensureSubmitTrigger(scriptApp: ScriptAppService, form: Form): boolean {
  if (keepOneTrigger(scriptApp, SUBMIT_HANDLER, form.getId())) return false;
  scriptApp.newTrigger(SUBMIT_HANDLER).forForm(form).onFormSubmit().create();
  return true;
}

/**
 * Exactly one installable edit trigger on the contest spreadsheet, so that typing a new "Hạn nộp bài"
 * moves the closing trigger at once. A simple onEdit cannot do it (it may not call ScriptApp); an
 * installable one runs as the organizer who set up the form. Returns true when it had to create one.
 */
export function ensureSettingsEditTrigger(scriptApp: ScriptAppService, spreadsheetId: string): boolean {
  if (keepOneTrigger(scriptApp, SETTINGS_EDIT_HANDLER, spreadsheetId)) return false;
  scriptApp.newTrigger(SETTINGS_EDIT_HANDLER).forSpreadsheet(spreadsheetId).onEdit().create();
  return true;
}

/**
 * Keeps the first trigger of `handler` whose source is `sourceId` and deletes every other trigger of
 * that handler (duplicates, or ones left on a previously linked form or file). True when one was kept.
 */
function keepOneTrigger(scriptApp: ScriptAppService, handler: string, sourceId: string): boolean {
  let kept = false;
  for (const t of scriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== handler) continue;
    if (!kept && t.getTriggerSourceId() === sourceId) {
      kept = true;
      continue;
    }
    scriptApp.deleteTrigger(t);
  }
  return kept;
}

/** What scheduling the deadline did. */
export type DeadlinePlan =
  | { kind: 'scheduled'; at: Date; reopened: boolean }
  | { kind: 'closedNow' }
  | { kind: 'alreadyClosed' }
  | { kind: 'lateAccepted'; reopened: boolean };

/** True when the form was closed by our deadline trigger (not by an organizer by hand). */
export function closedByDeadline(form: Form): boolean {
  return !form.isAcceptingResponses() && form.getCustomClosedFormMessage().indexOf(CLOSED_MESSAGE_PREFIX) === 0;
}

/** Stops the form accepting responses, with a closed message naming the deadline. */
export function closeForm(form: Form, settings: Settings): void {
  form.setCustomClosedFormMessage(closedMessage(settings));
  form.setAcceptingResponses(false);
}

/**
 * Document property remembering when each deadline trigger fires ({"<trigger unique id>": ms since
 * epoch}). Apps Script cannot tell a clock trigger's time, and without this record every sync had to
 * delete and recreate the trigger. A document property, because triggers belong to the document too;
 * keyed by id, so a copied workbook (whose record names triggers that do not exist) recreates its own.
 */
export const DEADLINE_TRIGGER_PROPERTY = 'hoithi.deadlineTriggers';

type TriggerTimes = Record<string, number>;

function parseTriggerTimes(raw: string | null): TriggerTimes {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as TriggerTimes) : {};
  } catch {
    // A damaged record only costs one recreated trigger.
    return {};
  }
}

/**
 * Leaves exactly the deadline trigger `closesAt` needs (none when null): the caller's existing one is
 * kept when the record says it fires at `closesAt`, unless `replace` (the trigger running now: a
 * one-time trigger does not fire twice). Every other deadline trigger of the caller is deleted.
 * Entries for triggers the caller cannot see (another organizer's) stay in the record.
 */
function placeDeadlineTrigger(scriptApp: ScriptAppService, store: Properties | null, closesAt: Date | null, replace: boolean): void {
  const raw = store ? store.getProperty(DEADLINE_TRIGGER_PROPERTY) : null;
  const times = parseTriggerTimes(raw);
  let kept = false;
  for (const t of scriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== DEADLINE_HANDLER) continue;
    const id = t.getUniqueId();
    if (!kept && !replace && closesAt !== null && times[id] === closesAt.getTime()) {
      kept = true;
      continue;
    }
    scriptApp.deleteTrigger(t);
    delete times[id];
  }
  if (closesAt !== null && !kept) times[scriptApp.newTrigger(DEADLINE_HANDLER).timeBased().at(closesAt).create().getUniqueId()] = closesAt.getTime();
  const text = JSON.stringify(times);
  if (store && text !== (raw ?? '{}')) store.setProperty(DEADLINE_TRIGGER_PROPERTY, text);
}

/**
 * Schedules the deadline: one time-driven trigger at `Hạn nộp bài`, so changing the deadline and
 * re-running setup or a sync moves it (one already at that time is kept). A deadline already past
 * closes the form now; a form we closed is reopened when the deadline moved later (or late entries are
 * now accepted). With late entries accepted no trigger is kept: the form stays open and late rows are
 * flagged "Nộp trễ". `replace`: called from the deadline trigger itself, which never fires again.
 */
export function scheduleDeadline(
  scriptApp: ScriptAppService,
  form: Form,
  settings: Settings,
  now: Date,
  store: Properties | null = null,
  replace = false,
): DeadlinePlan {
  const deadline = settings.submissionDeadline;
  // The deadline minute itself is still open (23:59 accepts 23:59:59), as for the voting window.
  const closesAt = new Date(Math.floor(deadline.getTime() / 60000) * 60000 + 60000);
  const reopen = (): boolean => {
    if (!closedByDeadline(form)) return false;
    form.setAcceptingResponses(true);
    return true;
  };
  const open = !settings.acceptLateEntries && now.getTime() < closesAt.getTime();
  placeDeadlineTrigger(scriptApp, store, open ? closesAt : null, replace);
  if (settings.acceptLateEntries) return { kind: 'lateAccepted', reopened: reopen() };
  if (!open) {
    if (!form.isAcceptingResponses()) return { kind: 'alreadyClosed' };
    closeForm(form, settings);
    return { kind: 'closedNow' };
  }
  return { kind: 'scheduled', at: closesAt, reopened: reopen() };
}

/** Vietnamese one-liner for a deadline plan (summary dialogs and "Nhật ký"). */
export function describeDeadlinePlan(plan: DeadlinePlan, settings: Settings): string {
  const deadline = formatDateTime(settings.submissionDeadline, settings.timeZone);
  switch (plan.kind) {
    case 'scheduled':
      return `Biểu mẫu sẽ tự đóng sau ${deadline}${plan.reopened ? ' (đã mở lại vì hạn nộp bài được dời)' : ''}.`;
    case 'closedNow':
      return `Đã đóng biểu mẫu vì đã quá hạn nộp bài (${deadline}).`;
    case 'alreadyClosed':
      return `Biểu mẫu đã đóng; hạn nộp bài ${deadline} đã qua.`;
    case 'lateAccepted':
      return `Nhận bài nộp trễ: biểu mẫu không tự đóng; bài nộp sau ${deadline} được đánh dấu "Nộp trễ"${plan.reopened ? ' (đã mở lại biểu mẫu)' : ''}.`;
  }
}
