// "Chuẩn bị phiếu chấm BGK": one protected tab per juror with a row per passed clip; never touches marks.
import { appraise } from '../domain/appraisal';
import { isConflict } from '../domain/jury';
import type { AppraisalOutcome } from '../domain/types';
import { ENGAGEMENT } from '../sheets/engagement';
import { CONFLICT_NOTE, juryCodeNote, juryTabName, juryTabSchema, locateJuryTabs, orphanTabMessage } from '../sheets/juryTab';
import { ensureSheet } from '../sheets/layout';
import { appendRecords, readTable, text, updateRows } from '../sheets/table';
import { readAppraisalSheet, readPeople, readRules } from '../sheets/workbook';
import { juryRowTotal, passedClips } from './appraisal';
import { assertCanWrite, problemMessages, withLock, type FlowContext, type Summary } from './context';
import { syncEngagementRows } from './engagementRows';
import { layoutContext } from './setup';

export const JURY_TABS_TITLE = 'Chuẩn bị phiếu chấm BGK';

/** Grey background of conflict-of-interest rows, which the juror does not mark. */
export const CONFLICT_BACKGROUND = '#d9d9d9';

/**
 * For every juror: creates or repairs "BGK - <Họ tên>" (rubric columns validated 0…max, protected to
 * that juror's email and the organizers), appends rows for passed clips it does not list yet, keeps
 * the clip information columns in step, and recomputes Tổng. Marks and comments are never written.
 * A clip of the juror's own unit is listed greyed with "Không chấm (cùng đơn vị)" and is not expected.
 * Also adds "Tương tác" rows for passed clips.
 */
export function prepareJuryTabs(ctx: FlowContext): Summary {
  return withLock(ctx, () => {
    const { settings, criteria, rubric } = readRules(ctx.spreadsheet);
    const people = readPeople(ctx.spreadsheet, settings.timeZone);
    const appraisal = readAppraisalSheet(ctx.spreadsheet, criteria).rows;
    const outcomes = new Map<string, AppraisalOutcome>();
    for (const r of appraisal) {
      const key = r.clipId.toUpperCase();
      if (!outcomes.has(key)) outcomes.set(key, appraise({ clipId: r.clipId, ticks: r.ticks }, criteria));
    }
    const posts = new Map(appraisal.map((r) => [r.clipId.toUpperCase(), r.post]));
    const clips = passedClips(people.submissions, outcomes, posts, settings);
    const located = locateJuryTabs(ctx.spreadsheet, people.jurors);
    assertCanWrite(ctx, JURY_TABS_TITLE, [...located.tabs.filter((t) => t.sheet).map((t) => t.name), ENGAGEMENT.name]);
    const layout = layoutContext(ctx);
    const lines: string[] = [`${clips.length} bài đạt thẩm định được đưa vào phiếu chấm của ${people.jurors.length} giám khảo.`];
    const warnings: string[] = [];
    if (people.jurors.length === 0) warnings.push('Trang "Ban giám khảo" chưa có giám khảo nào.');
    const jurorEmails = people.jurors.map((j) => j.email).filter((e) => e !== '');

    people.jurors.forEach((juror, n) => {
      ctx.progress?.(`Đang chuẩn bị phiếu chấm ${n + 1}/${people.jurors.length}: ${juror.name}…`);
      const found = located.tabs[n];
      const wanted = juryTabName(juror);
      let name = wanted;
      const taken = found.name.toLowerCase() === wanted.toLowerCase() ? null : ctx.spreadsheet.getSheetByName(wanted);
      if (found.sheet && found.name !== wanted) {
        // The juror was renamed in "Ban giám khảo": the tab (bound by code) follows, marks and all.
        if (taken) {
          name = found.name;
          warnings.push(`Không đổi được tên trang "${found.name}" thành "${wanted}" vì đã có trang tên đó; phiếu chấm của giám khảo ${juror.code} vẫn ở "${found.name}".`);
        } else {
          found.sheet.setName(wanted);
          lines.push(`Đã đổi tên trang "${found.name}" thành "${wanted}" theo họ tên mới của giám khảo ${juror.code}.`);
        }
      } else if (!found.sheet && taken) {
        // The name belongs to another juror's tab (bound by its code) or a tab kept for another code.
        warnings.push(`Chưa tạo được phiếu chấm của giám khảo ${juror.code} vì trang "${wanted}" đang là phiếu chấm khác; hãy kiểm tra mã và họ tên trong "Ban giám khảo".`);
        return;
      }
      const schema = { ...juryTabSchema(juror, rubric), name };
      const ensured = ensureSheet(layout, schema, { jurorEmail: juror.email || undefined, jurorEmails });
      if (!found.bound) ensured.sheet.getRange(1, 1).setNote(juryCodeNote(juror.code));
      const table = readTable(ensured.sheet, schema);
      const rowsById = new Map(table.rows.map((r) => [text(table, r, 'id').toUpperCase(), r]));

      // Clip information of rows already there follows "Bài dự thi" and the post links.
      const infoKeys = ['unit', 'title', 'video', 'post'];
      const infoUpdates = new Map<number, unknown[]>();
      for (const c of clips) {
        const existing = rowsById.get(c.submission.id.toUpperCase());
        if (!existing) continue;
        const info = [c.submission.unit, c.submission.title, c.submission.videoLink, c.post];
        if (info.some((v, i) => v !== text(table, existing, infoKeys[i]))) infoUpdates.set(existing.row, info);
      }
      updateRows(table, infoKeys, infoUpdates);

      // Recompute Tổng of existing rows where it differs (a mark typed while no trigger ran).
      const totalUpdates = new Map<number, unknown[]>();
      for (const r of table.rows) {
        const total = juryRowTotal(table, r, rubric);
        if (total !== (r.cells[table.col.total] ?? '')) totalUpdates.set(r.row, [total]);
      }
      updateRows(table, ['total'], totalUpdates);

      const fresh = clips.filter((c) => !rowsById.has(c.submission.id.toUpperCase()));
      const conflicts = fresh.map((c) => isConflict(juror, c.submission.unit));
      const start = appendRecords(
        table,
        fresh.map((c, i) => ({
          id: c.submission.id,
          unit: c.submission.unit,
          title: c.submission.title,
          video: c.submission.videoLink,
          post: c.post,
          total: conflicts[i] ? CONFLICT_NOTE : '',
        })),
      );
      if (conflicts.some((x) => x)) {
        const width = Math.max(table.width, schema.columns.length);
        const colors = conflicts.map((x) => new Array<string | null>(width).fill(x ? CONFLICT_BACKGROUND : null));
        ensured.sheet.getRange(start, 1, fresh.length, width).setBackgrounds(colors as string[][]);
      }
      const conflictTotal = clips.filter((c) => isConflict(juror, c.submission.unit)).length;
      const parts = [`"${name}": ${ensured.created ? 'đã tạo' : 'đã cập nhật'}, thêm ${fresh.length} bài`];
      if (conflictTotal > 0) parts.push(`${conflictTotal} bài cùng đơn vị không chấm`);
      lines.push(`${parts.join(', ')}.`);
      if (!juror.email) warnings.push(`Giám khảo "${juror.name}" chưa có email: chỉ Ban tổ chức sửa được "${name}".`);
    });
    warnings.push(...located.orphans.map(orphanTabMessage));

    const added = syncEngagementRows(
      ctx.spreadsheet,
      clips.map((c) => ({ clipId: c.submission.id, post: c.post })),
    );
    if (added > 0) lines.push(`Đã thêm ${added} bài vào trang "Tương tác".`);
    warnings.push(...problemMessages(people.warnings.filter((p) => p.code !== 'juror.email')));
    return { title: JURY_TABS_TITLE, lines, warnings };
  });
}
