// Edits in the spreadsheet: the simple onEdit (as the editor) and the installable edit trigger (as the organizer who set it up).
import { APPRAISAL_SHEET, UNKNOWN_APPRAISER, canWriteAppraisalResults } from '../sheets/appraisal';
import type { TriggerAction } from './action';
import { handleEdit } from './appraisal';
import type { ActionContext } from './context';
import { RESCHEDULE_TITLE, rescheduleAfterSettingsEdit } from './jobs';
import { realignTimeZoneAfterEdit } from './spreadsheetLocale';
import { CONFIG, configEdit } from '../sheets/config';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit | undefined;

/**
 * The editor's email as an edit trigger sees it. Google hides it ("" from both e.user and
 * Session.getActiveUser()) for editors outside the owner's Workspace domain, e.g. gmail.com.
 * Decision: an unknown editor is written as UNKNOWN_APPRAISER rather than leaving the cell as it was,
 * because the old name would credit the new ticks to the previous appraiser, and a blank would look
 * like "not appraised". It is written only when the row's result changes (an edit that leaves Kết quả
 * and Lý do as they were rewrites nothing), so a known appraiser is never blanked by a no-op edit.
 */
function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit, fallback: string): string {
  return (e.user && e.user.getEmail()) || fallback || UNKNOWN_APPRAISER;
}

/**
 * Simple trigger: fills Kết quả/Lý do on "Thẩm định" and Tổng on "BGK - …" tabs for the edited rows,
 * as the person editing (`ctx.user` is Session.getActiveUser()). "Cập nhật thẩm định" and "Tính điểm"
 * recompute everything, so an edit this trigger misses never changes a result. On "Thẩm định" it writes
 * only for someone allowed to write the protected result columns (organizers); for an appraiser it
 * leaves them to the installable edit trigger or to "Cập nhật thẩm định", instead of failing on
 * Google's protection error.
 */
export const simpleEditTrigger: TriggerAction<EditEvent> = {
  title: 'Sửa trang tính',
  run: (ctx, e) => {
    if (!e || !e.range) return null;
    const sheet = e.range.getSheet();
    if (sheet.getName() === APPRAISAL_SHEET && !canWriteAppraisalResults(sheet, ctx.services.spreadsheetApp)) return null;
    handleEdit({ ...ctx, user: editorEmail(e, ctx.user) }, e.range);
    return null;
  },
};

/**
 * Installable edit trigger (installed by "Thiết lập hội thi" and "Tạo / liên kết biểu mẫu"): a new
 * "Hạn nộp bài" in "Cấu hình" moves the closing trigger; a tick in "Thẩm định" fills the protected
 * result columns, which the simple onEdit cannot do for an appraiser, since this trigger runs as the
 * organizer. The appraiser is taken from the event only (`ctx.user` here is the trigger's owner).
 */
/**
 * The editor as the installable trigger sees them. Decision (F5): an anonymous "anyone with the link"
 * editor is reported by Google as the trigger's owner (community measurements; Google documents e.user
 * only as "if available"), and such an event cannot be told from an edit by the owner. So e.user equal
 * to the trigger's owner (`owner`, Session.getEffectiveUser) counts as unknown here; when it really was
 * the owner, the simple onEdit runs as them too and puts their name in place of "(không rõ tài khoản)".
 */
export function installedEditorEmail(e: GoogleAppsScript.Events.SheetsOnEdit, owner: string): string {
  const reported = (e.user && e.user.getEmail()) || '';
  return reported !== '' && reported.toLowerCase() === owner.toLowerCase() ? UNKNOWN_APPRAISER : editorEmail(e, '');
}

export const installedEditTrigger: TriggerAction<EditEvent> = {
  title: RESCHEDULE_TITLE,
  run: (ctx: ActionContext, e) => {
    if (!e || !e.range) return null;
    // Every edit by anyone runs this trigger and counts against its owner's 90 min/day (npm run bench):
    // the sheet is looked up once and any sheet but "Cấu hình"/"Thẩm định" returns at once (jurors'
    // tabs need only the simple onEdit for Tổng, which "Tính điểm" recomputes anyway).
    const sheet = e.range.getSheet();
    const name = sheet.getName();
    if (name === APPRAISAL_SHEET) {
      handleEdit({ ...ctx, user: installedEditorEmail(e, ctx.user) }, e.range);
      return null;
    }
    if (name !== CONFIG.name) return null;
    // "Cấu hình" is read once for both the deadline and the time zone.
    const edit = configEdit(sheet, e.range);
    const { summary } = rescheduleAfterSettingsEdit(ctx, e.range, edit);
    const zoneLine = realignTimeZoneAfterEdit(ctx, e.range, edit);
    if (!zoneLine) return summary;
    return summary ? { ...summary, lines: [...summary.lines, zoneLine] } : { title: RESCHEDULE_TITLE, lines: [zoneLine], warnings: [] };
  },
};
