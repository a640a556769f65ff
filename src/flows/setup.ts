// "Thiết lập hội thi": creates or repairs every sheet with the seed contest's defaults; idempotent.
import { normalizeName } from '../domain/parse';
import { AGGREGATION_LABELS, NORMALISATION_LABELS, SETTING_DEFINITIONS, parseSettings } from '../domain/settings';
import { APPRAISAL_CRITERIA, appraisalCriteriaSeedRows, readAppraisalCriteria } from '../sheets/appraisalCriteria';
import { APPRAISAL_RESULT_KEYS, APPRAISAL_RESULTS_PROTECTION, APPRAISAL_SHEET, appraisalSchema } from '../sheets/appraisal';
import { AUDIT_LOG } from '../sheets/auditLog';
import { AWARDS } from '../sheets/awards';
import { CONFIG, configRows, configSeedRows, type ConfigKey } from '../sheets/config';
import { ENGAGEMENT } from '../sheets/engagement';
import { JURORS } from '../sheets/jurors';
import { JURY_TAB_PREFIX } from '../sheets/juryTab';
import { ensureSheet, hasExactHeaders, type EnsureOptions, type EnsureResult, type LayoutContext } from '../sheets/layout';
import { ensureColumnProtection } from '../sheets/protection';
import type { SheetSchema } from '../sheets/schema';
import { PARTICIPATION } from '../sheets/participation';
import { PRIZE_TIERS, prizeTierSeedRows } from '../sheets/prizeTiers';
import { RESULTS } from '../sheets/results';
import { RUBRIC, rubricSeedRows } from '../sheets/rubric';
import { SHARE_LOG } from '../sheets/shareLog';
import { SheetIndex } from '../sheets/sheetIndex';
import { SUBMISSIONS } from '../sheets/submissions';
import { UNITS } from '../sheets/units';
import { readTable, type Table } from '../sheets/table';
import { SHEET_ORDER } from '../sheets/workbook';
import { assertCanWrite, problemMessages, withLock, type ActionContext, type Summary } from './context';
import type { MenuAction } from './action';
import { ensureSettingsEditTrigger } from './triggers';
import { alignLocale, alignTimeZone } from './spreadsheetLocale';

export const SETUP_TITLE = 'Thiết lập hội thi';

/** Organizers of protected sheets: whoever runs setup (the owner can always edit anyway). `sheets`: the action's index, when it has one. */
export function layoutContext(ctx: ActionContext, sheets: SheetIndex = new SheetIndex(ctx.spreadsheet)): LayoutContext {
  return { spreadsheet: ctx.spreadsheet, sheets, app: ctx.services.spreadsheetApp, organizers: ctx.user ? [ctx.user] : [], rules: new Map() };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Finds a sheet that holds a contest table under another name (an organizer renamed "Đơn vị" to
 * "Don vi"): its row 1 has exactly the schema's headers. Sheets with a contest name or a jury-tab name
 * are not candidates. Row 1 of each candidate is read once, on the first call (costs nothing when no
 * contest sheet is missing).
 */
function renamedSheetFinder(sheets: SheetIndex): (schema: SheetSchema<string>) => { sheet: Sheet; name: string; headers: unknown[] } | null {
  let candidates: { sheet: Sheet; name: string; headers: unknown[] }[] | null = null;
  const contestNames = new Set(SHEET_ORDER.map((n) => n.toLowerCase()));
  const taken = new Set<Sheet>();
  return (schema) => {
    if (!candidates) {
      candidates = sheets
        .list()
        .filter((c) => !contestNames.has(c.name.toLowerCase()) && !c.name.startsWith(JURY_TAB_PREFIX))
        .map((c) => {
          const width = c.sheet.getLastColumn();
          return { ...c, headers: width > 0 ? c.sheet.getRange(1, 1, 1, width).getValues()[0] : [] };
        });
    }
    const found = candidates.find((c) => !taken.has(c.sheet) && hasExactHeaders(c.headers, schema));
    if (found) taken.add(found.sheet);
    return found ?? null;
  };
}

/**
 * Dropdowns on the "Giá trị" cells of the Có/Không settings, "Cách tổng hợp điểm BGK" and "Chuẩn hoá điểm BGK" (invalid
 * entries rejected), no rule on the others: one setDataValidations over the column, rows found by
 * label so a reordered sheet keeps its rules. The column stays plain text ("@").
 */
function applySettingDropdowns(ctx: ActionContext, table: Table<'label' | 'value' | 'note'>, valueColumn: number): void {
  if (table.lastRow < 2 || valueColumn < 1) return;
  const list = (values: string[]) => ctx.services.spreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(false).build();
  const yesNo = list(['Có', 'Không']);
  const aggregation = list(Object.values(AGGREGATION_LABELS));
  const normalisation = list(Object.values(NORMALISATION_LABELS));
  const kindOf = new Map(SETTING_DEFINITIONS.map((d) => [normalizeName(d.label), d.kind]));
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const labelCol = table.col.label;
  const rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = [];
  for (let row = 2; row <= table.lastRow; row++) {
    const r = byRow.get(row);
    const kind = r ? kindOf.get(normalizeName(String(r.cells[labelCol] ?? ''))) : undefined;
    rules.push([kind === 'boolean' ? yesNo : kind === 'aggregation' ? aggregation : kind === 'normalisation' ? normalisation : null]);
  }
  table.sheet.getRange(2, valueColumn, rules.length, 1).setDataValidations(rules as GoogleAppsScript.Spreadsheet.DataValidation[][]);
}

/** The sheets setup ensured, in order, and the ones it works on afterwards. */
interface EnsuredSheets {
  done: { name: string; result: EnsureResult<string> }[];
  config: EnsureResult<ConfigKey>;
  appraisal: EnsureResult<string>;
  criteria: ReturnType<typeof readAppraisalCriteria>;
}

/** Creates or repairs every contest sheet in SHEET_ORDER, each looked for under another name before it is created. */
function ensureContestSheets(ctx: ActionContext, layout: LayoutContext): EnsuredSheets {
  const findRenamed = renamedSheetFinder(layout.sheets);
  const done: { name: string; result: EnsureResult<string> }[] = [];
  const run = <K extends string>(schema: SheetSchema<K>, options: EnsureOptions<K> = {}): EnsureResult<K> => {
    ctx.progress?.(`Đang thiết lập trang "${schema.name}"…`);
    const result = ensureSheet(layout, schema, { ...options, findRenamed: () => findRenamed(schema as SheetSchema<string>) });
    done.push({ name: schema.name, result: result as unknown as EnsureResult<string> });
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
  const appraisal = run(appraisalSchema(criteria.criteria));
  run(ENGAGEMENT);
  run(SHARE_LOG);
  run(RESULTS);
  run(AWARDS);
  run(PARTICIPATION);
  run(AUDIT_LOG);
  return { done, config, appraisal, criteria };
}

/** Summary of what ensuring the sheets did: sheets created, columns re-added, rows seeded, tables found renamed. */
function reportEnsured(done: EnsuredSheets['done'], lines: string[], warnings: string[]): void {
  const created = done.filter((d) => d.result.created).map((d) => d.name);
  if (created.length > 0) lines.push(`Đã tạo ${created.length} trang: ${created.join(', ')}.`);
  for (const d of done) {
    if (d.result.renamedFrom !== undefined) {
      warnings.push(
        `Trang "${d.result.renamedFrom}" có đúng tiêu đề của "${d.name}" – hãy đổi tên lại thành "${d.name}" rồi chạy lại "${SETUP_TITLE}". Add-on không tạo trang "${d.name}" mới để dữ liệu không bị tách làm hai.`,
      );
      continue;
    }
    if (!d.result.created && d.result.addedHeaders.length > 0) {
      lines.push(`Trang "${d.name}": đã thêm lại cột ${d.result.addedHeaders.map((h) => `"${h}"`).join(', ')} (ở cuối bảng).`);
    }
    if (d.result.seededRows > 0) lines.push(`Trang "${d.name}": đã ghi ${d.result.seededRows} dòng mặc định.`);
  }
}

/** Appraisers tick the criteria; the result columns are the add-on's (organizers only). */
function protectAppraisalResults(layout: LayoutContext, appraisal: EnsureResult<string>, lines: string[]): void {
  if (appraisal.renamedFrom !== undefined) return;
  const columns = APPRAISAL_RESULT_KEYS.map((k) => appraisal.columnOf(k));
  if (ensureColumnProtection(layout, appraisal.sheet, columns, APPRAISAL_RESULTS_PROTECTION) > 0) {
    lines.push(`Trang "${APPRAISAL_SHEET}": đã khoá các cột Kết quả, Lý do, Người thẩm định, Thời gian thẩm định (chỉ Ban tổ chức sửa được; add-on tự điền).`);
  }
}

/**
 * Creates every sheet of docs/workbook.md "Sheets" that is missing, appends missing headers, reapplies
 * bold frozen headers, formats, validation and protection, and seeds defaults (settings, TT1–TT10,
 * rubric, prize tiers) into empty sheets; settings rows missing by label are appended. Never deletes,
 * moves or overwrites a typed value, so running it twice leaves the workbook unchanged. A missing
 * sheet whose table is found under another name is reported, not created again.
 */
export function setupContest(ctx: ActionContext): Summary {
  return withLock(ctx, () => {
    const layout = layoutContext(ctx);
    assertCanWrite(ctx, SETUP_TITLE, SHEET_ORDER, layout.sheets);
    const { done, config, appraisal, criteria } = ensureContestSheets(ctx, layout);

    const lines: string[] = [];
    const warnings: string[] = [];
    reportEnsured(done, lines, warnings);
    const configTable = readTable(config.sheet, CONFIG);
    if (config.renamedFrom === undefined) applySettingDropdowns(ctx, configTable, config.columnOf('value'));
    protectAppraisalResults(layout, appraisal, lines);
    const settings = parseSettings(configRows(configTable), CONFIG.name);
    // The spreadsheet follows "Múi giờ" and vi_VN rather than only warning (see spreadsheetLocale.ts).
    const zoneLine = settings.ok ? alignTimeZone(ctx.spreadsheet, settings.value.timeZone) : null;
    if (zoneLine) lines.push(zoneLine);
    const locale = alignLocale(ctx.spreadsheet);
    if (locale.line) lines.push(locale.line);
    if (locale.warning) warnings.push(locale.warning);
    if (lines.length === 0) lines.push('Bảng tính đã đủ các trang và cột; không có gì thay đổi.');
    lines.push('Định dạng, kiểm tra dữ liệu và bảo vệ trang đã được áp dụng lại.');
    warnings.push(...problemMessages([...criteria.problems, ...(settings.ok ? [] : settings.problems)]));
    return { title: SETUP_TITLE, lines, warnings };
  });
}

/**
 * The menu item: setup, then the installable edit trigger. Appraisers cannot write the protected
 * result columns of "Thẩm định": their ticks become Kết quả through that trigger, which runs as the
 * organizer who installed it (one only). Installed only when setup succeeded, so only an organizer
 * (who may write every sheet setup writes) ever owns one.
 */
export const setupAction: MenuAction = {
  title: SETUP_TITLE,
  run: (ctx) => {
    const summary = setupContest(ctx);
    ensureSettingsEditTrigger(ctx);
    return summary;
  },
};
