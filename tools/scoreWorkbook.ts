// The workbook `npm run score` re-scores: the file paths checked, the file loaded into the emulator, and
// the reasons it cannot be scored at all (damaged, not a contest workbook, formulas saved without values).
import { columnToLetters, type Emulator } from '../packages/gas-emulator/src';
import { SHEET_ORDER } from '../src/sheets/workbook';
import { RESULTS } from '../src/sheets/results';
import { AWARDS } from '../src/sheets/awards';
import { PARTICIPATION } from '../src/sheets/participation';
import { AUDIT_LOG } from '../src/sheets/auditLog';
import { existsSync } from 'fs';
import { outputFileProblem, resolveFromCaller, workbookFileProblem } from './inputFile';
import { USAGE, UserError } from './scoreErrors';
import { loadWorkbookIntoEmulator, type LoadReport } from './xlsx';

/** How many unevaluated formula cells are listed one by one. */
const LISTED_CELLS = 40;

/** The input and --out paths resolved and checked; `shown` names are the ones the user typed. */
export async function checkedPaths(shown: { input: string; out?: string }): Promise<{ input: string; out?: string }> {
  // Relative paths are the caller's: `npm run score -- ../x.xlsx` typed in a subdirectory.
  const input = resolveFromCaller(shown.input);
  if (!existsSync(input)) throw new UserError(`Không tìm thấy tệp "${shown.input}" (đã tìm ở "${input}").`, [USAGE]);
  const fileProblem = await workbookFileProblem(input);
  if (fileProblem) throw new UserError(`Tệp "${shown.input}" ${fileProblem}.`, [USAGE]);
  const out = shown.out ? resolveFromCaller(shown.out) : undefined;
  const outProblem = out ? outputFileProblem(out, input) : null;
  if (shown.out && outProblem) throw new UserError(`Tệp kết quả (--out) "${shown.out}" ${outProblem}.`, []);
  return { input, out };
}

/** Loads the workbook at `input` into `em`; `shown` is the name the user typed. */
export async function readWorkbook(input: string, shown: string, em: Emulator): Promise<LoadReport> {
  try {
    return await loadWorkbookIntoEmulator(input, em);
  } catch {
    // The file passed checkedPaths, so what is left is damage exceljs alone notices.
    throw new UserError(`Không đọc được "${shown}" như một bảng tính .xlsx: tệp bị hỏng hoặc không đúng định dạng Excel.`, [
      'Hãy mở tệp trong Google Trang tính hoặc Excel, rồi tải xuống lại dưới dạng Microsoft Excel (.xlsx).',
    ]);
  }
}

/** Stops unless the loaded workbook is a contest workbook whose formulas all have values. */
export function checkContestWorkbook(loaded: LoadReport, shown: string): void {
  checkHasContestSheets(loaded, shown);
  checkFormulasEvaluated(loaded, shown);
}

/** A workbook with none of the contest's sheets is some other file, not a contest with sheets missing. */
function checkHasContestSheets(loaded: LoadReport, shown: string): void {
  const names = new Set(loaded.sheets.map((s) => s.name));
  if (SHEET_ORDER.some((name) => names.has(name))) return;
  const list = loaded.sheets.length > 0 ? `các trang trong tệp: ${loaded.sheets.map((s) => `"${s.name}"`).join(', ')}` : 'tệp không có trang nào';
  throw new UserError(`Tệp "${shown}" không phải bảng tính hội thi: không có trang nào trong số ${SHEET_ORDER.map((n) => `"${n}"`).join(', ')} (${list}).`, [
    USAGE,
  ]);
}

/**
 * A formula saved without its value (a tool that does not calculate wrote the file) would read as a
 * blank mark, tick or count. The sheets the add-on rewrites from scratch do not matter.
 */
function checkFormulasEvaluated(loaded: LoadReport, shown: string): void {
  const rewritten = new Set([RESULTS.name, AWARDS.name, PARTICIPATION.name, AUDIT_LOG.name]);
  const unevaluated = loaded.unevaluated.filter((u) => !rewritten.has(u.sheet));
  if (unevaluated.length === 0) return;
  throw new UserError(
    `Không tính được điểm: ${unevaluated.length} ô công thức trong "${shown}" không có giá trị đã tính (tệp được lưu bởi một chương trình không tính công thức), nên không đọc được:`,
    [
      ...unevaluated
        .slice(0, LISTED_CELLS)
        .map((u) => `Trang "${u.sheet}", dòng ${u.row}, cột "${u.header || columnToLetters(u.column)}": công thức "=${u.formula}" chưa được tính.`),
      ...(unevaluated.length > LISTED_CELLS ? [`… và ${unevaluated.length - LISTED_CELLS} ô khác.`] : []),
      'Hãy mở tệp trong Google Trang tính hoặc Excel (để công thức được tính) rồi lưu lại, hoặc thay công thức bằng giá trị.',
    ],
  );
}
