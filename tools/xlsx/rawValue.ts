// One exceljs cell value as Sheets' getValues would give it, before the file's dates get a time zone.
import type ExcelJS from 'exceljs';

/** Marker for a date read from the file: its UTC fields are the file's wall clock, still zoneless. */
export class WallDate {
  constructor(readonly wall: Date) {}
}

/** Marker for a formula with no cached result: its value is unknown, not blank. */
export class Unevaluated {
  constructor(readonly formula: string) {}
}

export type RawValue = string | number | boolean | WallDate | Unevaluated;

function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  }
  return String(v);
}

/** One exceljs cell value → what Sheets' getValues would give (formulas → their cached result). */
export function rawValue(v: ExcelJS.CellValue): RawValue {
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

export function isEmpty(v: RawValue): boolean {
  return v === '';
}
