// "Thiết lập hội thi": creates or repairs every sheet with the seed contest's defaults; idempotent.
import { parseSettings } from '../domain/settings';
import { APPRAISAL_CRITERIA, appraisalCriteriaSeedRows, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { appraisalSchema } from '../sheets/appraisal';
import { AUDIT_LOG } from '../sheets/auditLog';
import { AWARDS } from '../sheets/awards';
import { CONFIG, configRows, configSeedRows } from '../sheets/config';
import { ENGAGEMENT } from '../sheets/engagement';
import { JURORS } from '../sheets/jurors';
import { ensureSheet, type EnsureResult, type LayoutContext } from '../sheets/layout';
import { PARTICIPATION } from '../sheets/participation';
import { PRIZE_TIERS, prizeTierSeedRows } from '../sheets/prizeTiers';
import { RESULTS } from '../sheets/results';
import { RUBRIC, rubricSeedRows } from '../sheets/rubric';
import { SHARE_LOG } from '../sheets/shareLog';
import { SUBMISSIONS } from '../sheets/submissions';
import { UNITS } from '../sheets/units';
import { readTable } from '../sheets/table';
import { SHEET_ORDER } from '../sheets/workbook';
import { assertCanWrite, problemMessages, withLock, type FlowContext, type Summary } from './context';

export const SETUP_TITLE = 'Thiết lập hội thi';

/** Organizers of protected sheets: whoever runs setup (the owner can always edit anyway). */
export function layoutContext(ctx: FlowContext): LayoutContext {
  return { spreadsheet: ctx.spreadsheet, app: ctx.app, organizers: ctx.user ? [ctx.user] : [] };
}

/**
 * Creates every sheet of SPEC "The workbook" that is missing, appends missing headers, reapplies
 * bold frozen headers, formats, validation and protection, and seeds defaults (settings, TT1–TT10,
 * rubric, prize tiers) into empty sheets; settings rows missing by label are appended. Never deletes,
 * moves or overwrites a typed value, so running it twice leaves the workbook unchanged.
 */
export function setupContest(ctx: FlowContext): Summary {
  return withLock(ctx, () => {
    assertCanWrite(ctx, SETUP_TITLE, SHEET_ORDER);
    const layout = layoutContext(ctx);
    const done: { name: string; result: EnsureResult }[] = [];
    const run = <K extends string>(schema: Parameters<typeof ensureSheet<K>>[1], options?: Parameters<typeof ensureSheet<K>>[2]) => {
      ctx.progress?.(`Đang thiết lập trang "${schema.name}"…`);
      const result = ensureSheet(layout, schema, options);
      done.push({ name: schema.name, result });
      return result;
    };
    const config = run(CONFIG, { seed: configSeedRows(), seedKey: 'label' });
    const criteriaSheet = run(APPRAISAL_CRITERIA, { seed: appraisalCriteriaSeedRows() });
    run(RUBRIC, { seed: rubricSeedRows() });
    run(PRIZE_TIERS, { seed: prizeTierSeedRows() });
    run(UNITS);
    run(JURORS);
    run(SUBMISSIONS);
    // Thẩm định has one checkbox column per criterion, so it follows the criteria as they are now.
    const criteria = readAppraisalCriteria(readTable(criteriaSheet.sheet, APPRAISAL_CRITERIA));
    run(appraisalSchema(criteria.criteria));
    run(ENGAGEMENT);
    run(SHARE_LOG);
    run(RESULTS);
    run(AWARDS);
    run(PARTICIPATION);
    run(AUDIT_LOG);

    const lines: string[] = [];
    const created = done.filter((d) => d.result.created).map((d) => d.name);
    if (created.length > 0) lines.push(`Đã tạo ${created.length} trang: ${created.join(', ')}.`);
    for (const d of done) {
      if (!d.result.created && d.result.addedHeaders.length > 0) {
        lines.push(`Trang "${d.name}": đã thêm lại cột ${d.result.addedHeaders.map((h) => `"${h}"`).join(', ')} (ở cuối bảng).`);
      }
      if (d.result.seededRows > 0) lines.push(`Trang "${d.name}": đã ghi ${d.result.seededRows} dòng mặc định.`);
    }
    const settings = parseSettings(configRows(readTable(config.sheet, CONFIG)), CONFIG.name);
    // The spreadsheet follows "Múi giờ" rather than only warning: Sheets reads a date typed into a
    // date cell (Nhật ký chia sẻ, form timestamps) as wall time in the spreadsheet's zone, and the rules
    // read that instant in "Múi giờ"; two zones would shift every typed time by their difference.
    if (settings.ok && ctx.spreadsheet.getSpreadsheetTimeZone() !== settings.value.timeZone) {
      ctx.spreadsheet.setSpreadsheetTimeZone(settings.value.timeZone);
      lines.push(`Đã đặt múi giờ của bảng tính thành ${settings.value.timeZone} (theo thiết lập "Múi giờ" trong trang "${CONFIG.name}").`);
    }
    if (lines.length === 0) lines.push('Bảng tính đã đủ các trang và cột; không có gì thay đổi.');
    lines.push('Định dạng, kiểm tra dữ liệu và bảo vệ trang đã được áp dụng lại.');
    const warnings = problemMessages([...criteria.problems, ...(settings.ok ? [] : settings.problems)]);
    return { title: SETUP_TITLE, lines, warnings };
  });
}
