// Reading and typing sheet rows by header text, as a person (or the demo acting as one) does in the workbook.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetRecord {
  /** 1-based sheet row. */
  row: number;
  /** Cell values keyed by header text (trimmed). */
  values: Record<string, unknown>;
}

export interface SheetRecords {
  headers: string[];
  rows: SheetRecord[];
}

/** Every non-blank data row of `sheet`, keyed by its row-1 headers (one getValues). */
export function readRecords(sheet: Sheet): SheetRecords {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return { headers: [], rows: [] };
  const grid = sheet.getRange(1, 1, lastRow, lastCol).getValues();
  const headers = grid[0].map((h) => String(h).trim());
  const rows: SheetRecord[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === '' || c === null)) return;
    const values: Record<string, unknown> = {};
    headers.forEach((h, c) => {
      if (h !== '' && !(h in values)) values[h] = cells[c];
    });
    rows.push({ row: i + 2, values });
  });
  return { headers, rows };
}

function columnOf(headers: string[], header: string, sheet: Sheet): number {
  const c = headers.indexOf(header);
  if (c < 0) throw new Error(`Trang "${sheet.getName()}" không có cột "${header}".`);
  return c;
}

/** Appends rows after the last one, each value under its header (one setValues). */
export function appendByHeader(sheet: Sheet, records: Record<string, unknown>[]): void {
  if (records.length === 0) return;
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => String(h).trim());
  const grid = records.map((rec) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [h, v] of Object.entries(rec)) row[columnOf(headers, h, sheet)] = v;
    return row;
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, grid.length, width).setValues(grid);
}

/** A value to type into the cell at (`row`, column headed `header`). */
export interface CellEdit {
  row: number;
  header: string;
  value: unknown;
}

/**
 * Writes `edits`, one setValues per run of adjacent rows in a column, so a column of marks costs one
 * call; cells not named are left as they are.
 */
export function writeByHeader(sheet: Sheet, edits: CellEdit[]): void {
  if (edits.length === 0) return;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map((h) => String(h).trim());
  const byColumn = new Map<number, CellEdit[]>();
  for (const e of edits) {
    const c = columnOf(headers, e.header, sheet);
    byColumn.set(c, [...(byColumn.get(c) ?? []), e]);
  }
  for (const [c, list] of byColumn) {
    list.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i === list.length || list[i].row !== list[i - 1].row + 1) {
        const run = list.slice(start, i);
        sheet.getRange(run[0].row, c + 1, run.length, 1).setValues(run.map((e) => [e.value]));
        start = i;
      }
    }
  }
}
