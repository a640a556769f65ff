// Reading an .xlsx file into plain sheet grids (values as Google's getValues would return them).
import ExcelJS from 'exceljs';
import { lettersToColumn } from '../../packages/gas-emulator/src/a1';
import { fillToBackground, keptFormat } from './style';
import { rectangles, worksheetValidations, type RangeValidation } from './validation';
import { xlsxWallToInstant } from './zone';

/** A cell as Apps Script returns it: empty is "", dates are Date instants. */
export type GridValue = string | number | boolean | Date;

export interface SheetData {
  name: string;
  /** Rectangular used range from A1; every row has the same length. */
  values: GridValue[][];
  frozenRows: number;
  hidden: boolean;
  /** Column widths in pixels (index 0 = column A), undefined when the file does not say. */
  columnWidths: (number | undefined)[];
  /** Rows (1-based) whose every non-empty cell is bold, e.g. header rows. */
  boldRows: number[];
  /** Data validation (dropdowns, checkboxes as TRUE/FALSE lists, number ranges), also beyond the used range. */
  validations: RangeValidation[];
  /** Same shape as `values`: number formats worth keeping ("@", "0.00"…), '' for none (General, dates). */
  numberFormats: string[][];
  /** Per column: the column's own number format (rows below the used range get it), undefined for none. */
  columnFormats: (string | undefined)[];
  /** Same shape as `values`: solid backgrounds as "#rrggbb", '' for none. */
  backgrounds: string[][];
  /**
   * Formula cells the file stores without a computed value (saved by a tool that does not calculate):
   * 1-based row and column, formula text without "=". Their `values` cell is "", which would read as blank.
   */
  unevaluated: { row: number; column: number; formula: string }[];
}

export interface WorkbookData {
  sheets: SheetData[];
}

/** Marker for a date read from the file: its UTC fields are the file's wall clock, still zoneless. */
class WallDate {
  constructor(readonly wall: Date) {}
}

/** Marker for a formula with no cached result: its value is unknown, not blank. */
class Unevaluated {
  constructor(readonly formula: string) {}
}

type RawValue = string | number | boolean | WallDate | Unevaluated;

function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  }
  return String(v);
}

/** One exceljs cell value → what Sheets' getValues would give (formulas → their cached result). */
function rawValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return new WallDate(v);
  if ('richText' in v) return plainText(v);
  if ('hyperlink' in v) return plainText((v as ExcelJS.CellHyperlinkValue).text);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    // A formula with no cached result (a file never opened by a spreadsheet program): kept apart, so
    // the caller can report the cell instead of reading it as blank.
    if (result === undefined || result === null) {
      const f = v as { formula?: string; sharedFormula?: string };
      return new Unevaluated(String(f.formula ?? f.sharedFormula ?? ''));
    }
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return result.error;
    return rawValue(result as ExcelJS.CellValue);
  }
  if ('error' in v) return (v as ExcelJS.CellErrorValue).error;
  return plainText(v);
}

function isEmpty(v: RawValue): boolean {
  return v === '';
}

/** The worksheet's validations (exceljs keeps one per cell address) gathered back into rectangles. */
function readValidations(ws: ExcelJS.Worksheet): RangeValidation[] {
  const byCell = new Map<string, ExcelJS.DataValidation>();
  let rows = 0;
  let cols = 0;
  for (const [address, rule] of Object.entries(worksheetValidations(ws).model ?? {})) {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
    if (!m || !rule) continue;
    const r = Number(m[2]);
    const c = lettersToColumn(m[1]);
    byCell.set(`${r},${c}`, rule);
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  return rectangles(rows, cols, (r, c) => byCell.get(`${r + 1},${c + 1}`));
}

/**
 * Reads every worksheet's used range. Dates are converted from the file's wall clock to instants in
 * `timeZone`; when `timeZone` is a function it is asked once the raw grids are known (so the zone can
 * come from the workbook's own "Cấu hình" sheet). The file is opened read-only.
 */
export async function readXlsx(path: string, timeZone: string | ((raw: WorkbookData) => string)): Promise<WorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: SheetData[] = [];
  const wallDates: { sheet: number; row: number; col: number; wall: Date }[] = [];
  wb.eachSheet((ws) => {
    const cells: RawValue[][] = [];
    let maxRow = 0;
    let maxCol = 0;
    const boldRows: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const rowVals: RawValue[] = [];
      let allBold = true;
      let any = false;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = rawValue(cell.value);
        rowVals[c - 1] = v;
        if (v instanceof Unevaluated) {
          if (r > maxRow) maxRow = r;
          if (c > maxCol) maxCol = c;
        } else if (!isEmpty(v)) {
          any = true;
          if (!cell.font?.bold) allBold = false;
          if (r > maxRow) maxRow = r;
          if (c > maxCol) maxCol = c;
        }
      });
      cells[r - 1] = rowVals;
      if (any && allBold) boldRows.push(r);
    });
    const index = sheets.length;
    const values: GridValue[][] = [];
    const numberFormats: string[][] = [];
    const backgrounds: string[][] = [];
    const unevaluated: SheetData['unevaluated'] = [];
    cells.forEach((rowVals, r) =>
      rowVals?.forEach((v, c) => {
        if (v instanceof Unevaluated) unevaluated.push({ row: r + 1, column: c + 1, formula: v.formula });
      }),
    );
    for (let r = 0; r < maxRow; r++) {
      const out: GridValue[] = [];
      const xrow = ws.getRow(r + 1);
      const formats: string[] = [];
      const fills: string[] = [];
      for (let c = 0; c < maxCol; c++) {
        // A cell the file leaves out takes its column's style, as a spreadsheet program shows it.
        const cell = xrow.getCell(c + 1);
        formats.push(keptFormat(cell.numFmt));
        fills.push(fillToBackground(cell.fill));
        const v = cells[r]?.[c] ?? '';
        if (v instanceof Unevaluated) {
          out.push('');
        } else if (v instanceof WallDate) {
          wallDates.push({ sheet: index, row: r, col: c, wall: v.wall });
          out.push(v.wall); // replaced below once the zone is known
        } else {
          out.push(v);
        }
      }
      values.push(out);
      numberFormats.push(formats);
      backgrounds.push(fills);
    }
    const view = ws.views?.find((vw) => vw.state === 'frozen') as { ySplit?: number } | undefined;
    const columnWidths: (number | undefined)[] = [];
    const columnFormats: (string | undefined)[] = [];
    for (let c = 1; c <= maxCol; c++) {
      columnFormats.push(keptFormat(ws.getColumn(c).style?.numFmt) || undefined);
      const w = ws.getColumn(c).width;
      // Excel widths are in characters of the default font; ~7 px each plus padding is what Sheets uses.
      columnWidths.push(w ? Math.round(w * 7 + 5) : undefined);
    }
    sheets.push({
      name: ws.name,
      values,
      frozenRows: view?.ySplit ?? 0,
      hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
      columnWidths,
      boldRows: boldRows.filter((r) => r <= maxRow),
      validations: readValidations(ws),
      numberFormats,
      columnFormats,
      backgrounds,
      unevaluated,
    });
  });
  const data: WorkbookData = { sheets };
  const zone = typeof timeZone === 'function' ? timeZone(data) : timeZone;
  for (const d of wallDates) sheets[d.sheet].values[d.row][d.col] = xlsxWallToInstant(d.wall, zone);
  return data;
}
