// Reading an .xlsx file into plain sheet grids (values as Google's getValues would return them).
import ExcelJS from 'exceljs';
import { lettersToColumn } from '../../packages/gas-emulator/src';
import { isEmpty, rawValue, Unevaluated, WallDate, type RawValue } from './rawValue';
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

/** The cells a worksheet stores, its used range and its bold rows. */
interface ScannedCells {
  /** 0-based [row][column]; rows and cells the file leaves out are holes. */
  cells: RawValue[][];
  /** The used range: the last row and column holding a value or a formula without one. */
  maxRow: number;
  maxCol: number;
  /** Rows (1-based) whose every non-empty cell is bold. */
  boldRows: number[];
}

function scanCells(ws: ExcelJS.Worksheet): ScannedCells {
  const scan: ScannedCells = { cells: [], maxRow: 0, maxCol: 0, boldRows: [] };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const rowVals: RawValue[] = [];
    let allBold = true;
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = rawValue(cell.value);
      rowVals[c - 1] = v;
      // A formula without a value extends the used range but says nothing about boldness.
      const unevaluated = v instanceof Unevaluated;
      if (!unevaluated && !isEmpty(v)) {
        any = true;
        if (!cell.font?.bold) allBold = false;
      }
      if (unevaluated || !isEmpty(v)) {
        scan.maxRow = Math.max(scan.maxRow, r);
        scan.maxCol = Math.max(scan.maxCol, c);
      }
    });
    scan.cells[r - 1] = rowVals;
    if (any && allBold) scan.boldRows.push(r);
  });
  return scan;
}

function unevaluatedCells(cells: RawValue[][]): SheetData['unevaluated'] {
  const unevaluated: SheetData['unevaluated'] = [];
  cells.forEach((rowVals, r) =>
    rowVals?.forEach((v, c) => {
      if (v instanceof Unevaluated) unevaluated.push({ row: r + 1, column: c + 1, formula: v.formula });
    }),
  );
  return unevaluated;
}

/** A date cell (0-based) whose value waits for the time zone. */
interface WallCell {
  row: number;
  col: number;
  wall: Date;
}

/** The used range's values, number formats and backgrounds; dates are left as wall clocks, listed in `wallDates`. */
function readGrid(ws: ExcelJS.Worksheet, scan: ScannedCells): Pick<SheetData, 'values' | 'numberFormats' | 'backgrounds'> & { wallDates: WallCell[] } {
  const grid = { values: [] as GridValue[][], numberFormats: [] as string[][], backgrounds: [] as string[][], wallDates: [] as WallCell[] };
  for (let r = 0; r < scan.maxRow; r++) {
    const out: GridValue[] = [];
    const xrow = ws.getRow(r + 1);
    const formats: string[] = [];
    const fills: string[] = [];
    for (let c = 0; c < scan.maxCol; c++) {
      // A cell the file leaves out takes its column's style, as a spreadsheet program shows it.
      const cell = xrow.getCell(c + 1);
      formats.push(keptFormat(cell.numFmt));
      fills.push(fillToBackground(cell.fill));
      const v = scan.cells[r]?.[c] ?? '';
      if (v instanceof WallDate) grid.wallDates.push({ row: r, col: c, wall: v.wall });
      // A wall clock is replaced once the zone is known; a formula without a value is listed apart.
      out.push(v instanceof Unevaluated ? '' : v instanceof WallDate ? v.wall : v);
    }
    grid.values.push(out);
    grid.numberFormats.push(formats);
    grid.backgrounds.push(fills);
  }
  return grid;
}

function readColumns(ws: ExcelJS.Worksheet, maxCol: number): Pick<SheetData, 'columnWidths' | 'columnFormats'> {
  const columnWidths: (number | undefined)[] = [];
  const columnFormats: (string | undefined)[] = [];
  for (let c = 1; c <= maxCol; c++) {
    columnFormats.push(keptFormat(ws.getColumn(c).style?.numFmt) || undefined);
    const w = ws.getColumn(c).width;
    // Excel widths are in characters of the default font; ~7 px each plus padding is what Sheets uses.
    columnWidths.push(w ? Math.round(w * 7 + 5) : undefined);
  }
  return { columnWidths, columnFormats };
}

/** One worksheet's used range and layout, with the date cells still to be given the time zone. */
function readSheet(ws: ExcelJS.Worksheet): { sheet: SheetData; wallDates: WallCell[] } {
  const scan = scanCells(ws);
  const unevaluated = unevaluatedCells(scan.cells);
  const { values, numberFormats, backgrounds, wallDates } = readGrid(ws, scan);
  const view = ws.views?.find((vw) => vw.state === 'frozen') as { ySplit?: number } | undefined;
  const { columnWidths, columnFormats } = readColumns(ws, scan.maxCol);
  const sheet: SheetData = {
    name: ws.name,
    values,
    frozenRows: view?.ySplit ?? 0,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    columnWidths,
    boldRows: scan.boldRows.filter((r) => r <= scan.maxRow),
    validations: readValidations(ws),
    numberFormats,
    columnFormats,
    backgrounds,
    unevaluated,
  };
  return { sheet, wallDates };
}

/**
 * Reads every worksheet's used range. Dates are converted from the file's wall clock to instants in
 * `timeZone`; when `timeZone` is a function it is asked once the raw grids are known (so the zone can
 * come from the workbook's own "Cấu hình" sheet). The file is opened read-only.
 */
export async function readXlsx(path: string, timeZone: string | ((raw: WorkbookData) => string)): Promise<WorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const read: ReturnType<typeof readSheet>[] = [];
  wb.eachSheet((ws) => read.push(readSheet(ws)));
  const data: WorkbookData = { sheets: read.map((r) => r.sheet) };
  const zone = typeof timeZone === 'function' ? timeZone(data) : timeZone;
  for (const { sheet, wallDates } of read) {
    for (const d of wallDates) sheet.values[d.row][d.col] = xlsxWallToInstant(d.wall, zone);
  }
  return data;
}
