// The shape every sheet schema declares: name, columns (exact headers), validation, protection, layout.

/** Data validation applied to a column's data rows by setup. */
export type ColumnValidation =
  | { kind: 'checkbox' }
  | { kind: 'list'; values: string[] }
  /** Number between min and max inclusive; `allowText` keeps e.g. "8,5" typeable (reported on read instead). */
  | { kind: 'number'; min: number; max?: number; allowText?: boolean }
  | { kind: 'url' }
  | { kind: 'date' };

/**
 * Who fills a column. `input` columns hold what people type and are never written by computations;
 * `computed` columns are rewritten by the add-on.
 */
export type ColumnRole = 'input' | 'computed';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Exact header text of row 1 (docs/workbook.md "Exact headers"). */
  header: string;
  role: ColumnRole;
  /** Reading fails with a Vietnamese error when a required header is missing (default true). */
  required?: boolean;
  /** Pixel width set when setup creates the column; never reset afterwards (organizers may resize). */
  width?: number;
  /** Number format for the data rows, e.g. "dd/MM/yyyy HH:mm" or "0.00". */
  format?: string;
  validation?: ColumnValidation;
  /** Header note explaining the column to organizers. */
  note?: string;
  /** A row typed by hand must fill it (reported when blank). */
  filledByHand?: boolean;
}

/**
 * Who may edit a sheet: `organizers` = the owner and the user who runs setup; `open` = anyone with
 * edit access to the spreadsheet (appraisers); `juror` = that juror's email plus organizers.
 */
export type SheetProtection = 'organizers' | 'open' | 'juror';

export interface SheetSchema<K extends string = string> {
  name: string;
  columns: ColumnSpec<K>[];
  protection: SheetProtection;
  /** Vietnamese description used for the protection and the sheet's purpose. */
  description: string;
}

/** Builds a schema while keeping the column keys as a literal union for typed access. */
export function defineSchema<K extends string>(schema: SheetSchema<K>): SheetSchema<K> {
  return schema;
}

/** The column keys of a schema as a literal union, e.g. SchemaKey<typeof UNITS> = 'code' | 'name' | …. */
export type SchemaKey<S> = S extends SheetSchema<infer K> ? K : never;

/** Header text in the form used for matching: Unicode NFC, trimmed, inner spaces collapsed, lower case. */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .normalize('NFC')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Number format for date/time columns, matching how organizers type dates (docs/workbook.md "Settings"). */
export const DATE_TIME_FORMAT = 'dd/MM/yyyy HH:mm';
/** Two decimals for score columns. */
export const SCORE_FORMAT = '0.00';

/**
 * Mã bài | Đơn vị | Tên tác phẩm | Link video: the clip's details copied from "Bài dự thi" at the left
 * of "Thẩm định" and of every jury tab (fresh objects for each schema).
 */
export function clipInfoColumns(): ColumnSpec<'id' | 'unit' | 'title' | 'video'>[] {
  return [
    { key: 'id', header: 'Mã bài', role: 'computed', width: 90 },
    { key: 'unit', header: 'Đơn vị', role: 'computed', width: 200 },
    { key: 'title', header: 'Tên tác phẩm', role: 'computed', width: 240 },
    { key: 'video', header: 'Link video', role: 'computed', width: 240 },
  ];
}
