// "Tạo / liên kết biểu mẫu": link, re-check or create the submission form and install everything it needs.
import { valueOrStop } from '../sheets/errors';
import { DEFAULT_APPRAISAL_CRITERIA } from '../domain/appraisal';
import type { Settings } from '../domain/types';
import { APPRAISAL_CRITERIA, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { CONFIG } from '../sheets/config';
import { ContestError } from '../sheets/errors';
import { readFormConfig, recordContestForm } from '../sheets/formConfig';
import { findResponseSheet, keepAnswersAsText } from '../sheets/responses';
import { readTable } from '../sheets/table';
import { UNITS, rosterUnits } from '../sheets/units';
import { openRecordedForm, unreachableFormError } from '../forms/recordedForm';
import { formAccessHint } from './formAccess';
import type { MenuAction } from './action';
import type { ActionContext, Summary } from './context';
import { describeDeadlinePlan } from './deadline';
import { scheduleContest } from './jobs';
import { ensureSettingsEditTrigger, ensureSubmitTrigger } from './triggers';
import { refreshUnitLinks } from './unitLinks';
import { createContestForm, ensureDestination, inspectForm, missingQuestionsMessage, syncUnitChoices, type FormLayout } from '../forms/formBuilder';

type Form = GoogleAppsScript.Forms.Form;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What "Tạo / liên kết biểu mẫu" did. */
export interface CreateOrLinkResult extends Summary {
  form: Form;
  created: boolean;
  triggerCreated: boolean;
}

/** The requirement texts the form's description lists ("Tiêu chí thẩm định", or the plan's defaults). */
function requirementTexts(ss: Spreadsheet): string[] {
  const sheet = ss.getSheetByName(APPRAISAL_CRITERIA.name);
  const criteria = sheet ? readAppraisalCriteria(readTable(sheet, APPRAISAL_CRITERIA)).criteria : DEFAULT_APPRAISAL_CRITERIA;
  return (criteria.length > 0 ? criteria : DEFAULT_APPRAISAL_CRITERIA).map((c) => c.text);
}

type Roster = ReturnType<typeof rosterUnits>;

/** The form to re-use: the one at `url` when given, else the recorded one; null when there is none. */
function existingForm(ctx: ActionContext, url: string, formId: string): Form | null {
  if (url !== '') {
    try {
      return ctx.services.formApp.openByUrl(url);
    } catch {
      throw new ContestError([
        {
          code: 'form.open',
          severity: 'stops-action',
          message: `Không mở được biểu mẫu "${url}". Hãy kiểm tra link (link sửa biểu mẫu, dạng https://docs.google.com/forms/d/…/edit) và quyền chỉnh sửa của bạn.`,
        },
      ]);
    }
  }
  // A recorded form this user cannot open (not shared with them, or deleted: Google says the same) is
  // never replaced silently: the printed QR codes open it, its owner's trigger ingests it, and a new
  // form would leave it open past the deadline. Nothing is changed; the message says whose it is.
  const recorded = openRecordedForm(ctx.services.formApp, formId);
  if (recorded.kind === 'unreachable') throw unreachableFormError(recorded.id, formAccessHint(ctx));
  return recorded.kind === 'open' ? recorded.form : null;
}

/** Checks the found form for the expected questions, or creates ours when none was found. */
function checkOrCreateForm(
  ctx: ActionContext,
  found: Form | null,
  linked: boolean,
  settings: Settings,
  units: Roster['units'],
  lines: string[],
): { form: Form; layout: FormLayout; created: boolean } {
  if (found) {
    const layout = inspectForm(ctx.services.formApp, found);
    if (layout.missing.length > 0) {
      throw new ContestError([{ code: 'form.questions_missing', severity: 'stops-action', message: missingQuestionsMessage(found, layout.missing) }]);
    }
    // A title is not put in quotes: ours holds the contest's own (“Tuổi trẻ…”), a linked one may too.
    lines.push(`${linked ? 'Đã liên kết biểu mẫu' : 'Đã kiểm tra biểu mẫu'}: ${found.getTitle()}.`);
    if (layout.uploads.length > 0)
      lines.push(`Biểu mẫu có ${layout.uploads.length} câu hỏi tải tệp lên: link Google Drive của tệp được dùng khi "Link video" để trống.`);
    return { form: found, layout, created: false };
  }
  const form = createContestForm(
    ctx.services.formApp,
    settings,
    requirementTexts(ctx.spreadsheet),
    units.map((u) => u.name),
  );
  const layout = inspectForm(ctx.services.formApp, form);
  lines.push(`Đã tạo biểu mẫu: ${form.getTitle()}.`);
  return { form, layout, created: true };
}

/**
 * Everything the form needs: responses to this spreadsheet, the unit dropdown, the submit, deadline
 * and settings-edit triggers, the form recorded in "Cấu hình" and the units' links. Returns whether
 * the submit trigger was created.
 */
function installForm(
  ctx: ActionContext,
  form: Form,
  layout: FormLayout,
  settings: Settings,
  roster: Roster,
  report: { lines: string[]; warnings: string[] },
): boolean {
  const ss = ctx.spreadsheet;
  const { lines, warnings } = report;
  const { units } = roster;
  if (ensureDestination(ctx.services.formApp, form, ss.getId())) lines.push('Câu trả lời của biểu mẫu được lưu vào bảng tính này.');
  const responseSheet = findResponseSheet(ss, form.getId());
  if (responseSheet) keepAnswersAsText(responseSheet);
  const choices = syncUnitChoices(
    ctx.services.formApp,
    layout.items.unit,
    units.map((u) => u.name),
  );
  if (choices === null) warnings.push('Câu hỏi "Đơn vị" của biểu mẫu là câu trả lời tự do: tên đơn vị sẽ được đối chiếu với trang "Đơn vị" khi nhận bài.');
  else lines.push(`Danh sách đơn vị trên biểu mẫu: ${choices} đơn vị.`);
  if (units.length === 0) warnings.push(`Trang "${UNITS.name}" chưa có đơn vị nào; hãy nhập danh sách rồi chạy "Đồng bộ danh sách đơn vị".`);
  const triggerCreated = ensureSubmitTrigger(ctx);
  lines.push(triggerCreated ? 'Đã cài trình kích hoạt nhận bài tự động.' : 'Trình kích hoạt nhận bài tự động đã có sẵn.');
  lines.push(describeDeadlinePlan(scheduleContest(ctx, form, settings), settings));
  ensureSettingsEditTrigger(ctx);
  lines.push(
    `Khi sửa "Hạn nộp bài" (hoặc "Nhận bài nộp trễ", "Múi giờ") trong trang "${CONFIG.name}", giờ đóng biểu mẫu tự dời theo và được ghi vào "Nhật ký". Nếu giờ đóng không đổi (ví dụ ô được sửa bằng script), hãy chạy "Đồng bộ danh sách đơn vị" để dời lại.`,
  );

  recordContestForm(ss, { id: form.getId(), url: form.getPublishedUrl(), editUrl: form.getEditUrl() });
  const { written } = refreshUnitLinks(ctx.services.formApp, form, roster, layout.items.unit);
  if (written > 0) lines.push(`Đã ghi link nộp bài riêng của ${written} đơn vị vào cột "Link nộp bài".`);
  return triggerCreated;
}

/**
 * "Tạo / liên kết biểu mẫu": links the form at `linkUrl` (checked for the expected questions), else
 * reuses the recorded form, else creates one. Then: responses to this spreadsheet, unit dropdown from
 * "Đơn vị", exactly one onFormSubmit trigger, the deadline trigger, the form recorded in "Cấu hình",
 * and each unit's link in "Link nộp bài". Safe to re-run.
 */
export function createOrLinkForm(ctx: ActionContext, linkUrl?: string): CreateOrLinkResult {
  const ss = ctx.spreadsheet;
  // "Cấu hình" and "Đơn vị" are read once here; everything below works from these reads.
  const config = readFormConfig(ss);
  const settings = valueOrStop(config.settings);
  const roster = rosterUnits(ss);
  const lines: string[] = [];
  const warnings = [...roster.notes];

  const url = (linkUrl ?? '').trim();
  const found = existingForm(ctx, url, config.formId);
  const { form, layout, created } = checkOrCreateForm(ctx, found, url !== '', settings, roster.units, lines);
  const triggerCreated = installForm(ctx, form, layout, settings, roster, { lines, warnings });
  return { title: CREATE_FORM_TITLE, form, created, triggerCreated, lines, warnings };
}

export const CREATE_FORM_TITLE = 'Tạo / liên kết biểu mẫu';

/** The menu item; its input is the link the organizer pasted ('' to create or re-check ours). */
export const createFormAction: MenuAction<string> = {
  title: CREATE_FORM_TITLE,
  writes: [CONFIG.name, UNITS.name],
  run: (ctx, url) => createOrLinkForm(ctx, url),
};
