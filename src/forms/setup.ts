// Form menu flows: create/link the form, sync the unit dropdown, sync submissions, and the deadline trigger handler.
import { DEFAULT_APPRAISAL_CRITERIA } from '../domain/appraisal';
import { normalizeName } from '../domain/parse';
import type { Settings } from '../domain/types';
import { APPRAISAL_CRITERIA, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { appendAudit, joinAuditDetails } from '../sheets/audit';
import { parseSettings } from '../domain/settings';
import { CONFIG, configRows, readSettings, upsertConfigValues } from '../sheets/config';
import { ContestError } from '../sheets/errors';
import { readTable, updateRows } from '../sheets/table';
import { UNITS, readUnits, type UnitRow } from '../sheets/units';
import {
  createContestForm,
  describeDeadlinePlan,
  ensureDestination,
  ensureSettingsEditTrigger,
  ensureSubmitTrigger,
  inspectForm,
  missingQuestionsMessage,
  scheduleDeadline,
  syncUnitChoices,
  type DeadlinePlan,
} from './form-builder';
import { LockBusyError, SYNC_LOCK_WAIT_MS, ingestResponses, type IntakeDeps } from './intake';

type Form = GoogleAppsScript.Forms.Form;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every service the form flows use, handed in by src/main.ts (or the emulator in tests). */
export interface FormDeps extends IntakeDeps {
  scriptApp: GoogleAppsScript.Script.ScriptApp;
  utilities: GoogleAppsScript.Utilities.Utilities;
  /**
   * () => PropertiesService.getDocumentProperties(): remembers when the deadline trigger fires, so a
   * re-run keeps a trigger already at the right time (without it the trigger is recreated each run).
   * A function, so executions that never schedule (every form submission) do not pay the call.
   */
  documentProperties?: () => GoogleAppsScript.Properties.Properties;
}

/** "Cấu hình" rows where the form is recorded (visible to organizers, who copy the links from there). */
export const CONFIG_FORM_ID = 'ID biểu mẫu';
export const CONFIG_FORM_URL = 'Link biểu mẫu';
export const CONFIG_FORM_EDIT_URL = 'Link sửa biểu mẫu';

/** Settings or a ContestError listing the "Cấu hình" problems. */
export function requireSettings(ss: Spreadsheet): Settings {
  const parsed = readSettings(ss);
  if (!parsed.ok) throw new ContestError(parsed.problems);
  return parsed.value;
}

/** The form id recorded in "Cấu hình", '' when none. */
export function recordedFormId(ss: Spreadsheet): string {
  const sheet = ss.getSheetByName(CONFIG.name);
  if (!sheet) return '';
  const row = configRows(readTable(sheet, CONFIG)).find((r) => normalizeName(r.label) === normalizeName(CONFIG_FORM_ID));
  return row ? String(row.value ?? '').trim() : '';
}

/** The contest's form, or null when none is recorded or it can no longer be opened (deleted, no access). */
export function openContestForm(deps: FormDeps): Form | null {
  const id = recordedFormId(deps.spreadsheet);
  if (id === '') return null;
  try {
    return deps.formApp.openById(id);
  } catch {
    // A deleted or unshared form: the caller creates or asks for a new one.
    return null;
  }
}

/** The form or a Vietnamese error telling the organizer to create it first. */
export function requireContestForm(deps: FormDeps): Form {
  const form = openContestForm(deps);
  if (form) return form;
  throw new ContestError([
    {
      code: 'form.missing',
      message: 'Chưa có biểu mẫu nộp bài (hoặc không mở được biểu mẫu ghi trong trang "Cấu hình"). Hãy chạy "Hội thi → Tạo / liên kết biểu mẫu".',
      sheet: CONFIG.name,
    },
  ]);
}

function rosterUnits(ss: Spreadsheet): { units: UnitRow[]; notes: string[] } {
  const sheet = ss.getSheetByName(UNITS.name);
  if (!sheet) return { units: [], notes: [`Chưa có trang "${UNITS.name}"; danh sách đơn vị trên biểu mẫu để trống.`] };
  const { units, problems } = readUnits(readTable(sheet, UNITS));
  return { units, notes: problems.map((p) => p.message) };
}

function requirementTexts(ss: Spreadsheet): string[] {
  const sheet = ss.getSheetByName(APPRAISAL_CRITERIA.name);
  const criteria = sheet ? readAppraisalCriteria(readTable(sheet, APPRAISAL_CRITERIA)).criteria : DEFAULT_APPRAISAL_CRITERIA;
  return (criteria.length > 0 ? criteria : DEFAULT_APPRAISAL_CRITERIA).map((c) => c.text);
}

/**
 * The prefilled link of each unit (unit question answered with its roster name) and the general link.
 * With a free-text unit question the name is prefilled as text.
 */
export function unitLinks(deps: FormDeps, form: Form, units: UnitRow[]): { general: string; byUnit: Map<number, string> } {
  const item = inspectForm(deps.formApp, form).items.unit;
  const byUnit = new Map<number, string>();
  if (item) {
    const type = item.getType();
    const I = deps.formApp.ItemType;
    for (const u of units) {
      const answer =
        type === I.LIST
          ? item.asListItem().createResponse(u.name)
          : type === I.MULTIPLE_CHOICE
            ? item.asMultipleChoiceItem().createResponse(u.name)
            : type === I.CHECKBOX
              ? item.asCheckboxItem().createResponse([u.name])
              : type === I.PARAGRAPH_TEXT
                ? item.asParagraphTextItem().createResponse(u.name)
                : item.asTextItem().createResponse(u.name);
      byUnit.set(u.row, form.createResponse().withItemResponse(answer).toPrefilledUrl());
    }
  }
  return { general: form.getPublishedUrl(), byUnit };
}

/** Writes each unit's link to "Link nộp bài" (one setValues); returns how many rows got a link. */
export function writeUnitLinks(ss: Spreadsheet, byUnit: Map<number, string>): number {
  const sheet = ss.getSheetByName(UNITS.name);
  if (!sheet || byUnit.size === 0) return 0;
  const table = readTable(sheet, UNITS);
  const updates = new Map<number, unknown[]>();
  for (const [row, url] of byUnit) updates.set(row, [url]);
  updateRows(table, ['link'], updates);
  return byUnit.size;
}

/** Summary of a form action: Vietnamese lines for the dialog; the same text goes to "Nhật ký". */
export interface FormActionSummary {
  lines: string[];
  warnings: string[];
}

/** What "Tạo / liên kết biểu mẫu" did. */
export interface FormSetupResult extends FormActionSummary {
  form: Form;
  created: boolean;
  triggerCreated: boolean;
  plan: DeadlinePlan;
}

/**
 * "Tạo / liên kết biểu mẫu": links the form at `linkUrl` (checked for the expected questions), else
 * reuses the recorded form, else creates one. Then: responses to this spreadsheet, unit dropdown from
 * "Đơn vị", exactly one onFormSubmit trigger, the deadline trigger, the form recorded in "Cấu hình",
 * and each unit's link in "Link nộp bài". Safe to re-run.
 */
export function setupForm(deps: FormDeps, linkUrl?: string): FormSetupResult {
  const ss = deps.spreadsheet;
  const settings = requireSettings(ss);
  const { units, notes } = rosterUnits(ss);
  const lines: string[] = [];
  const warnings = [...notes];

  let form: Form | null = null;
  let created = false;
  const url = (linkUrl ?? '').trim();
  if (url !== '') {
    try {
      form = deps.formApp.openByUrl(url);
    } catch {
      throw new ContestError([{ code: 'form.open', message: `Không mở được biểu mẫu "${url}". Hãy kiểm tra link (link sửa biểu mẫu, dạng https://docs.google.com/forms/d/…/edit) và quyền chỉnh sửa của bạn.` }]);
    }
  } else {
    form = openContestForm(deps);
    const recorded = recordedFormId(ss);
    if (!form && recorded !== '') warnings.push(`Không mở được biểu mẫu đã ghi trong "Cấu hình" (ID ${recorded}); một biểu mẫu mới được tạo thay thế.`);
  }
  if (form) {
    const layout = inspectForm(deps.formApp, form);
    if (layout.missing.length > 0) {
      throw new ContestError([{ code: 'form.questions_missing', message: missingQuestionsMessage(form, layout.missing) }]);
    }
    // A title is not put in quotes: ours holds the contest's own (“Tuổi trẻ…”), a linked one may too.
    lines.push(`${url !== '' ? 'Đã liên kết biểu mẫu' : 'Đã kiểm tra biểu mẫu'}: ${form.getTitle()}.`);
    if (layout.uploads.length > 0) lines.push(`Biểu mẫu có ${layout.uploads.length} câu hỏi tải tệp lên: link Google Drive của tệp được dùng khi "Link video" để trống.`);
  } else {
    form = createContestForm(deps.formApp, settings, requirementTexts(ss), units.map((u) => u.name));
    created = true;
    lines.push(`Đã tạo biểu mẫu: ${form.getTitle()}.`);
  }

  if (ensureDestination(deps.formApp, form, ss.getId())) lines.push('Câu trả lời của biểu mẫu được lưu vào bảng tính này.');
  const choices = syncUnitChoices(deps.formApp, form, units.map((u) => u.name));
  if (choices === null) warnings.push('Câu hỏi "Đơn vị" của biểu mẫu là câu trả lời tự do: tên đơn vị sẽ được đối chiếu với trang "Đơn vị" khi nhận bài.');
  else lines.push(`Danh sách đơn vị trên biểu mẫu: ${choices} đơn vị.`);
  if (units.length === 0) warnings.push(`Trang "${UNITS.name}" chưa có đơn vị nào; hãy nhập danh sách rồi chạy "Đồng bộ danh sách đơn vị".`);
  const triggerCreated = ensureSubmitTrigger(deps.scriptApp, form);
  lines.push(triggerCreated ? 'Đã cài trình kích hoạt nhận bài tự động.' : 'Trình kích hoạt nhận bài tự động đã có sẵn.');
  const plan = schedule(deps, form, settings);
  lines.push(describeDeadlinePlan(plan, settings));
  ensureSettingsEditTrigger(deps.scriptApp, ss.getId());
  lines.push(
    `Khi sửa "Hạn nộp bài" (hoặc "Nhận bài nộp trễ", "Múi giờ") trong trang "${CONFIG.name}", giờ đóng biểu mẫu tự dời theo và được ghi vào "Nhật ký". Nếu giờ đóng không đổi (ví dụ ô được sửa bằng script), hãy chạy "Đồng bộ danh sách đơn vị" để dời lại.`,
  );

  upsertConfigValues(ss, [
    { label: CONFIG_FORM_ID, value: form.getId(), note: 'Do add-on ghi; dùng "Tạo / liên kết biểu mẫu" để đổi biểu mẫu.' },
    { label: CONFIG_FORM_URL, value: form.getPublishedUrl(), note: 'Link chung để nộp bài (mọi đơn vị).' },
    { label: CONFIG_FORM_EDIT_URL, value: form.getEditUrl(), note: 'Link chỉnh sửa biểu mẫu (Ban tổ chức).' },
  ]);
  const links = unitLinks(deps, form, units);
  const written = writeUnitLinks(ss, links.byUnit);
  if (written > 0) lines.push(`Đã ghi link nộp bài riêng của ${written} đơn vị vào cột "Link nộp bài".`);

  logAction(deps, 'Tạo / liên kết biểu mẫu', { lines, warnings });
  return { form, created, triggerCreated, plan, lines, warnings };
}

/** "Đồng bộ danh sách đơn vị": dropdown and per-unit links from "Đơn vị"; also moves the deadline trigger. */
export function syncUnitList(deps: FormDeps): FormActionSummary & { units: number } {
  const ss = deps.spreadsheet;
  const settings = requireSettings(ss);
  const form = requireContestForm(deps);
  const { units, notes } = rosterUnits(ss);
  const lines: string[] = [];
  const warnings = [...notes];
  const choices = syncUnitChoices(deps.formApp, form, units.map((u) => u.name));
  if (choices === null) warnings.push('Câu hỏi "Đơn vị" của biểu mẫu là câu trả lời tự do nên không có danh sách để đồng bộ.');
  else lines.push(`Danh sách đơn vị trên biểu mẫu: ${choices} đơn vị.`);
  const written = writeUnitLinks(ss, unitLinks(deps, form, units).byUnit);
  lines.push(`Đã cập nhật link nộp bài của ${written} đơn vị.`);
  lines.push(describeDeadlinePlan(schedule(deps, form, settings), settings));
  logAction(deps, 'Đồng bộ danh sách đơn vị', { lines, warnings });
  return { lines, warnings, units: units.length };
}

/**
 * "Đồng bộ bài dự thi": re-reads every response and adds those not yet in "Bài dự thi" (never twice),
 * re-installs the submit trigger if it went missing, and moves the deadline trigger if the deadline changed.
 */
export function syncSubmissions(deps: FormDeps): FormActionSummary & { added: number; present: number } {
  const ss = deps.spreadsheet;
  const form = requireContestForm(deps);
  const responses = form.getResponses();
  // Read once: the intake checks lateness with it, and the deadline trigger is re-planned from it below.
  const parsed = readSettings(ss);
  let result;
  try {
    result = ingestResponses(deps, responses, SYNC_LOCK_WAIT_MS, parsed);
  } catch (e) {
    if (!(e instanceof LockBusyError)) throw e;
    throw new ContestError([{ code: 'intake.busy', message: 'Đang có bài dự thi được ghi vào bảng tính. Hãy chờ một phút rồi chạy lại "Đồng bộ bài dự thi".' }]);
  }
  const lines = [
    `Biểu mẫu có ${responses.length} câu trả lời; đã thêm ${result.added.length} bài mới vào "Bài dự thi"; ${result.alreadyPresent} bài đã có từ trước.`,
  ];
  if (result.added.length > 0) lines.push(`Mã bài mới: ${result.added.map((s) => s.id).join(', ')}.`);
  if (result.blank > 0) lines.push(`Bỏ qua ${result.blank} câu trả lời trống.`);
  if (result.mailed > 0) lines.push(`Đã gửi ${result.mailed} email xác nhận.`);
  const warnings = [...result.notes];
  const flagged = result.added.filter((s) => s.warnings.length > 0);
  for (const s of flagged) warnings.push(`${s.id}: ${s.warnings.join('; ')}`);
  if (ensureSubmitTrigger(deps.scriptApp, form)) warnings.push('Trình kích hoạt nhận bài tự động bị thiếu và đã được cài lại.');
  if (parsed.ok) lines.push(describeDeadlinePlan(schedule(deps, form, parsed.value), parsed.value));
  logAction(deps, 'Đồng bộ bài dự thi', { lines, warnings });
  return { lines, warnings, added: result.added.length, present: result.alreadyPresent };
}

/**
 * The time-driven trigger at "Hạn nộp bài". It re-reads the deadline first: one moved later
 * re-schedules instead of closing; otherwise the form stops accepting responses, and "Nhật ký" says so.
 */
export function closeFormAtDeadline(deps: FormDeps): DeadlinePlan | null {
  const ss = deps.spreadsheet;
  const form = openContestForm(deps);
  const parsed = readSettings(ss);
  if (!form || !parsed.ok) {
    appendAudit(ss, {
      time: deps.now(),
      user: deps.user,
      action: 'Đóng biểu mẫu theo hạn nộp bài',
      details: !form ? 'Không mở được biểu mẫu ghi trong "Cấu hình"; chưa đóng.' : `Trang "Cấu hình" có lỗi nên chưa đóng biểu mẫu: ${parsed.ok ? '' : parsed.problems.map((p) => p.message).join(' ')}`,
    });
    return null;
  }
  const plan = schedule(deps, form, parsed.value, true);
  appendAudit(ss, { time: deps.now(), user: deps.user, action: 'Đóng biểu mẫu theo hạn nộp bài', details: describeDeadlinePlan(plan, parsed.value) });
  return plan;
}

/** "Cấu hình" settings whose change moves or cancels the closing trigger. */
const DEADLINE_SETTINGS = ['Hạn nộp bài', 'Nhận bài nộp trễ', 'Múi giờ'].map(normalizeName);

/**
 * The installable edit trigger: when an edit touches the "Hạn nộp bài", "Nhận bài nộp trễ" or "Múi giờ"
 * row of "Cấu hình", re-reads the settings and reschedules (or closes/reopens) the form, logging it.
 * Any other edit costs two calls and returns null.
 */
export function rescheduleAfterSettingsEdit(deps: FormDeps, range: GoogleAppsScript.Spreadsheet.Range): DeadlinePlan | null {
  const sheet = range.getSheet();
  if (sheet.getName() !== CONFIG.name) return null;
  const first = range.getRow();
  const last = first + range.getNumRows() - 1;
  const rows = configRows(readTable(sheet, CONFIG));
  if (!rows.some((r) => r.row >= first && r.row <= last && DEADLINE_SETTINGS.includes(normalizeName(r.label)))) return null;
  const form = openContestForm(deps);
  if (!form) return null;
  const action = 'Dời giờ đóng biểu mẫu theo "Cấu hình"';
  const parsed = parseSettings(rows, CONFIG.name);
  if (!parsed.ok) {
    const details = `Chưa dời giờ đóng biểu mẫu vì trang "${CONFIG.name}" có lỗi: ${parsed.problems.map((p) => p.message).join(' ')}`;
    appendAudit(deps.spreadsheet, { time: deps.now(), user: deps.user, action, details });
    return null;
  }
  const plan = schedule(deps, form, parsed.value);
  appendAudit(deps.spreadsheet, { time: deps.now(), user: deps.user, action, details: describeDeadlinePlan(plan, parsed.value) });
  return plan;
}

/** scheduleDeadline with the deps' services; `replace` from the deadline trigger itself. */
function schedule(deps: FormDeps, form: Form, settings: Settings, replace = false): DeadlinePlan {
  return scheduleDeadline(deps.scriptApp, form, settings, deps.now(), deps.documentProperties?.() ?? null, replace);
}

function logAction(deps: FormDeps, action: string, summary: FormActionSummary): void {
  const details = joinAuditDetails([...summary.lines, ...summary.warnings.map((w) => `Cảnh báo: ${w}`)]);
  appendAudit(deps.spreadsheet, { time: deps.now(), user: deps.user, action, details });
}
