// Spreadsheet.Sheet: the cell grid (values, formulas, per-cell layers) and sheet-level operations.
import { AsKind, CallCounter, Emulated } from '../core/calls';
import { A1Ref, parseA1, Rect, refToA1, resolveA1 } from './a1';
import {
  CELL_TOO_LONG,
  DELETE_ALL_COLUMNS,
  DELETE_ALL_ROWS,
  HIDE_ALL_SHEETS,
  IMAGE_TOO_LARGE,
  OUT_OF_SHEET,
  PROTECTED_EDIT,
  duplicateSheetName,
} from '../core/errors';
import { CellValue, StoredCell, toStored } from './values';
import { RangeImpl } from './range';
import { ProtectionImpl, ProtectionKind } from './protection';
import type { SpreadsheetImpl } from './spreadsheet';
import type { BlobImpl } from '../base/blob';
import { ChartImpl, newBuilder } from './embeddedChart';

/** Grid keys pack (row, col) into one number; Sheets allows at most 18,278 columns. */
const KEY_WIDTH = 20000;
/** Characters in one cell (Sheets' limit) and bytes of an inserted image blob (Sheet.insertImage reference). */
export const MAX_CELL_CHARS = 50000;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const cellKey = (row: number, col: number): number => (row - 1) * KEY_WIDTH + (col - 1);
export const keyRow = (k: number): number => Math.floor(k / KEY_WIDTH) + 1;
export const keyCol = (k: number): number => (k % KEY_WIDTH) + 1;

/** Names of per-cell layers besides values and formulas. */
export type Layer =
  | 'numberFormat'
  | 'note'
  | 'background'
  | 'fontWeight'
  | 'fontColor'
  | 'fontSize'
  | 'fontStyle'
  | 'fontFamily'
  | 'wrap'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'dataValidation'
  | 'border';

/** Layers that Range.clear()/clearFormat() removes. */
export const FORMAT_LAYERS: Layer[] = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontColor',
  'fontSize',
  'fontStyle',
  'fontFamily',
  'wrap',
  'horizontalAlignment',
  'verticalAlignment',
  'border',
];

export interface ImageRecord {
  blob: BlobImpl;
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  altTitle: string;
  altDescription: string;
}

/** Ids of inserted charts, unique within the process. */
let chartIds = 0;

export class SheetImpl extends Emulated {
  static kind = 'Sheet';
  _values: CellValue[][] = [];
  _formulas = new Map<number, string>();
  _layers = new Map<Layer, Map<number, unknown>>();
  _frozenRows = 0;
  _frozenCols = 0;
  _hidden = false;
  _columnWidths = new Map<number, number>();
  _rowHeights = new Map<number, number>();
  _autoResized = new Set<number>();
  _images: ImageRecord[] = [];
  _tabColor: string | null = null;
  /** Edit URL of the form whose responses land here (set by Form.setDestination). */
  _formUrl: string | null = null;
  _hiddenColumns = new Set<number>();
  _hiddenRows = new Set<number>();
  /** Embedded charts inserted with insertChart, in insertion order. */
  _charts: ChartImpl[] = [];

  constructor(
    ctr: CallCounter,
    readonly _ss: SpreadsheetImpl,
    public _name: string,
    readonly _id: number,
    public _maxRows = 1000,
    public _maxCols = 26,
  ) {
    super(ctr);
  }

  /** The spreadsheet and sheet id (stable across renames), with the name for readable jest diffs. */
  _identity(): string {
    return `${this._ss._identity()} sheet ${this._id} "${this._name}"`;
  }

  // ---- internal grid access (not counted) ------------------------------------------------

  _layer(name: Layer): Map<number, unknown> {
    let m = this._layers.get(name);
    if (!m) this._layers.set(name, (m = new Map()));
    return m;
  }
  _get(row: number, col: number): CellValue {
    const r = this._values[row - 1];
    const v = r ? r[col - 1] : undefined;
    return v === undefined ? '' : v;
  }
  _setStored(row: number, col: number, cell: StoredCell): void {
    let r = this._values[row - 1];
    if (!r) {
      for (let i = this._values.length; i < row; i++) if (!this._values[i]) this._values[i] = [];
      r = this._values[row - 1];
    }
    for (let i = r.length; i < col - 1; i++) r[i] = '';
    r[col - 1] = cell.value;
    const k = cellKey(row, col);
    if (cell.formula !== undefined) this._formulas.set(k, cell.formula);
    else if (this._formulas.size) this._formulas.delete(k);
  }
  /**
   * Sheets holds at most 50,000 characters in a cell ("Your input contains more than the maximum of 50000
   * characters in a single cell."); checked for the whole write before any cell changes.
   */
  static _assertCellLengths(values: unknown[]): void {
    if (values.some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS)) throw new Error(CELL_TOO_LONG);
  }
  /** Stores `input` as a person typing it would (formulas, numbers, apostrophe escape). */
  _write(row: number, col: number, input: unknown): void {
    const fmt = this._layers.get('numberFormat')?.get(cellKey(row, col));
    this._setStored(row, col, toStored(input, { plainText: fmt === '@', locale: this._ss._locale, timeZone: this._ss._timeZone }));
  }
  _assertInside(rect: Rect): void {
    if (rect.row < 1) throw new Error('The starting row of the range is too small.');
    if (rect.col < 1) throw new Error('The starting column of the range is too small.');
    if (rect.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (rect.numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (rect.row + rect.numRows - 1 > this._maxRows || rect.col + rect.numCols - 1 > this._maxCols) throw new Error(OUT_OF_SHEET);
  }
  /** Throws Google's protection error when the effective user may not write into `rect`. */
  _assertEditable(rect: Rect): void {
    this._ss._assertCanWrite();
    const user = this._ss._env.effectiveUser;
    for (const p of this._ss._protections) {
      if (p._sheet === this && !p._allows(user) && p._covers(rect)) throw new Error(PROTECTED_EDIT);
    }
  }
  /** The whole grid, as sheet-wide operations and sheet protections cover it. */
  _wholeRect(): Rect {
    return { row: 1, col: 1, numRows: this._maxRows, numCols: this._maxCols };
  }
  _assertSheetEditable(): void {
    this._assertEditable(this._wholeRect());
  }
  _lastRow(): number {
    let last = 0;
    for (let r = this._values.length; r >= 1; r--) {
      const row = this._values[r - 1];
      if (row && row.some((v) => v !== '' && v !== undefined)) {
        last = r;
        break;
      }
    }
    for (const k of this._formulas.keys()) last = Math.max(last, keyRow(k));
    return last;
  }
  _lastColumn(): number {
    let last = 0;
    for (const row of this._values) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const v = row[c - 1];
        if (v !== '' && v !== undefined) {
          last = c;
          break;
        }
      }
    }
    for (const k of this._formulas.keys()) last = Math.max(last, keyCol(k));
    return last;
  }
  _range(rect: Rect, a1?: string): RangeImpl {
    this._assertInside(rect);
    return new RangeImpl(this._ctr, this, rect, a1);
  }
  /** Moves every keyed layer, formula, image and protection when rows/columns are inserted or deleted. */
  private _shift(axis: 'row' | 'col', at: number, delta: number): void {
    const move = (k: number): number | undefined => {
      const r = keyRow(k);
      const c = keyCol(k);
      const p = axis === 'row' ? r : c;
      if (p < at) return k;
      if (delta < 0 && p < at - delta) return undefined; // deleted
      return axis === 'row' ? cellKey(r + delta, c) : cellKey(r, c + delta);
    };
    const remap = <V>(m: Map<number, V>): Map<number, V> => {
      const out = new Map<number, V>();
      for (const [k, v] of m) {
        const nk = move(k);
        if (nk !== undefined) out.set(nk, v);
      }
      return out;
    };
    this._formulas = remap(this._formulas);
    for (const [name, m] of this._layers) this._layers.set(name, remap(m));
    const shiftRect = (r: Rect): Rect => {
      const start = axis === 'row' ? r.row : r.col;
      const size = axis === 'row' ? r.numRows : r.numCols;
      let nStart = start;
      let nSize = size;
      if (delta > 0) {
        if (start >= at) nStart += delta;
        else if (start + size > at) nSize += delta;
      } else {
        const delEnd = at - delta; // exclusive
        const end = start + size;
        const keptBefore = Math.max(0, Math.min(end, at) - start);
        const keptAfter = Math.max(0, end - Math.max(start, delEnd));
        nSize = keptBefore + keptAfter;
        nStart = start < at ? start : Math.max(at, start + delta);
      }
      return axis === 'row' ? { ...r, row: nStart, numRows: Math.max(1, nSize) } : { ...r, col: nStart, numCols: Math.max(1, nSize) };
    };
    for (const p of this._ss._protections) {
      if (p._sheet !== this) continue;
      if (p._rect) p._rect = shiftRect(p._rect);
      p._unprotected = p._unprotected.map(shiftRect);
    }
    for (const img of this._images) {
      if (axis === 'row' && img.row >= at) img.row = Math.max(at, img.row + delta);
      if (axis === 'col' && img.col >= at) img.col = Math.max(at, img.col + delta);
    }
  }

  // ---- Apps Script surface ---------------------------------------------------------------

  /** The form sending responses to this sheet (Sheet.getFormUrl): its edit URL, or null. */
  getFormUrl(): string | null {
    return this._formUrl;
  }
  getName(): string {
    return this._name;
  }
  setName(name: string): this {
    const clash = this._ss._sheets.find((s) => s !== this && s._name.toLowerCase() === String(name).toLowerCase());
    if (clash) throw new Error(duplicateSheetName(name));
    this._name = String(name);
    return this;
  }
  getSheetId(): number {
    return this._id;
  }
  getSheetName(): string {
    return this._name;
  }
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }
  getParent(): SpreadsheetImpl {
    return this._ss;
  }
  getType(): string {
    return 'GRID';
  }
  activate(): this {
    this._ss._activeSheet = this;
    return this;
  }

  getRange(a: string | number, col?: number, numRows?: number, numCols?: number): RangeImpl {
    if (typeof a === 'string') {
      const ref: A1Ref = parseA1(a);
      if (ref.sheetName !== undefined) {
        const other = this._ss._sheetByName(ref.sheetName);
        if (!other) throw new Error('Range not found');
        return other.getRange(a.slice(a.lastIndexOf('!') + 1));
      }
      const rect = resolveA1(ref, this._maxRows, this._maxCols);
      return this._range(rect, refToA1(ref, rect));
    }
    if (typeof a !== 'number' || typeof col !== 'number') throw new Error('Invalid argument: row/column');
    return this._range({ row: a, col, numRows: numRows ?? 1, numCols: numCols ?? 1 });
  }
  getDataRange(): RangeImpl {
    return this._range({ row: 1, col: 1, numRows: Math.max(1, this._lastRow()), numCols: Math.max(1, this._lastColumn()) });
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number): CellValue[][] {
    const nr = numRows === -1 ? this._lastRow() - row + 1 : numRows;
    const nc = numCols === -1 ? this._lastColumn() - col + 1 : numCols;
    return this._range({ row, col, numRows: nr, numCols: nc }).getValues();
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw new Error('Invalid argument: rowContents');
    const row = this._lastRow() + 1;
    this._assertEditable({ row, col: 1, numRows: 1, numCols: Math.max(1, rowContents.length) });
    // appendRow is the one write that grows the grid, as in Google.
    if (row > this._maxRows) this._maxRows = row;
    if (rowContents.length > this._maxCols) this._maxCols = rowContents.length;
    SheetImpl._assertCellLengths(rowContents);
    rowContents.forEach((v, i) => this._write(row, i + 1, v));
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this._assertSheetEditable();
    if (beforePosition < 1 || beforePosition > this._maxRows) throw new Error(OUT_OF_SHEET);
    const blanks = Array.from({ length: howMany }, () => [] as CellValue[]);
    if (this._values.length >= beforePosition) this._values.splice(beforePosition - 1, 0, ...blanks);
    this._shift('row', beforePosition, howMany);
    this._maxRows += howMany;
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this._assertSheetEditable();
    if (afterPosition < 0 || afterPosition > this._maxRows) throw new Error(OUT_OF_SHEET);
    if (afterPosition === this._maxRows) {
      this._maxRows += howMany; // appending at the end moves nothing
      return this;
    }
    return this.insertRowsBefore(afterPosition + 1, howMany);
  }
  insertRowBefore(p: number): this {
    return this.insertRowsBefore(p, 1);
  }
  insertRowAfter(p: number): this {
    return this.insertRowsAfter(p, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._assertSheetEditable();
    if (rowPosition < 1 || rowPosition + howMany - 1 > this._maxRows) throw new Error(OUT_OF_SHEET);
    if (howMany >= this._maxRows - this._frozenRows) throw new Error(DELETE_ALL_ROWS);
    this._values.splice(rowPosition - 1, howMany);
    this._shift('row', rowPosition, -howMany);
    this._maxRows -= howMany;
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this._assertSheetEditable();
    if (beforePosition < 1 || beforePosition > this._maxCols) throw new Error(OUT_OF_SHEET);
    for (const row of this._values) {
      if (row && row.length >= beforePosition) row.splice(beforePosition - 1, 0, ...Array<CellValue>(howMany).fill(''));
    }
    this._shift('col', beforePosition, howMany);
    this._maxCols += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this._assertSheetEditable();
    if (afterPosition === this._maxCols) {
      this._maxCols += howMany;
      return this;
    }
    return this.insertColumnsBefore(afterPosition + 1, howMany);
  }
  insertColumnBefore(p: number): this {
    return this.insertColumnsBefore(p, 1);
  }
  insertColumnAfter(p: number): this {
    return this.insertColumnsAfter(p, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._assertSheetEditable();
    if (columnPosition < 1 || columnPosition + howMany - 1 > this._maxCols) throw new Error(OUT_OF_SHEET);
    if (howMany >= this._maxCols - this._frozenCols) throw new Error(DELETE_ALL_COLUMNS);
    for (const row of this._values) if (row) row.splice(columnPosition - 1, howMany);
    this._shift('col', columnPosition, -howMany);
    this._maxCols -= howMany;
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  setFrozenRows(rows: number): void {
    this._frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  hideSheet(): this {
    if (this._ss._sheets.filter((s) => !s._hidden && s !== this).length === 0) throw new Error(HIDE_ALL_SHEETS);
    this._hidden = true;
    return this;
  }
  showSheet(): this {
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  setTabColor(color: string | null): this {
    this._tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this._tabColor;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this._columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._columnWidths.get(columnPosition) ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): this {
    this._rowHeights.set(rowPosition, height);
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    for (let r = startRow; r < startRow + numRows; r++) this._rowHeights.set(r, height);
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this._rowHeights.get(rowPosition) ?? 21;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._autoResized.add(c);
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._hiddenColumns.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._hiddenRows.add(r);
  }
  showRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._hiddenRows.delete(r);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this._hiddenRows.has(rowPosition);
  }

  /** Sheet reference, insertImage(blobSource, column, row): "The maximum supported blob size is 2MB." */
  insertImage(blob: BlobImpl, column: number, row: number, offsetX = 0, offsetY = 0): ImageImpl {
    this._assertEditable({ row, col: column, numRows: 1, numCols: 1 });
    if (blob._bytes.length > MAX_IMAGE_BYTES) throw new Error(IMAGE_TOO_LARGE);
    const rec: ImageRecord = { blob, row, col: column, offsetX, offsetY, altTitle: '', altDescription: '' };
    this._images.push(rec);
    return new ImageImpl(this._ctr, this, rec);
  }
  getImages(): ImageImpl[] {
    return this._images.map((r) => new ImageImpl(this._ctr, this, r));
  }

  /** A builder for an embedded chart on this sheet (nothing is shown until insertChart). */
  newChart(): AsKind {
    return newBuilder(this._ctr, this);
  }
  /** Inserts a built chart: it then has an id. Google refuses one already on the sheet (use updateChart) or anchored off the grid. */
  insertChart(chart: unknown): void {
    if (!(chart instanceof ChartImpl)) throw new Error("Exception: The parameters don't match the method signature for SpreadsheetApp.Sheet.insertChart.");
    if (chart._chartId !== null && this._charts.some((c) => c._chartId === chart._chartId))
      throw new Error('Exception: The chart already exists on the sheet; use updateChart to change it.');
    if (chart._spec.row > this._maxRows || chart._spec.col > this._maxCols) throw new Error(OUT_OF_SHEET);
    this._assertSheetEditable();
    chart._chartId = ++chartIds;
    this._charts.push(new ChartImpl(this._ctr, this, chart._spec, chart._chartId));
  }
  getCharts(): ChartImpl[] {
    return [...this._charts];
  }
  removeChart(chart: unknown): void {
    const id = chart instanceof ChartImpl ? chart._chartId : null;
    if (id === null || !this._charts.some((c) => c._chartId === id)) throw new Error('Exception: The chart is not on this sheet.');
    this._assertSheetEditable();
    this._charts = this._charts.filter((c) => c._chartId !== id);
  }
  updateChart(chart: unknown): void {
    const id = chart instanceof ChartImpl ? chart._chartId : null;
    const at = this._charts.findIndex((c) => c._chartId === id);
    if (id === null || at < 0) throw new Error('Exception: The chart is not on this sheet; insert it with insertChart first.');
    this._assertSheetEditable();
    this._charts[at] = new ChartImpl(this._ctr, this, (chart as ChartImpl)._spec, id);
  }

  protect(): ProtectionImpl {
    const existing = this._ss._protections.find((p) => p._sheet === this && p._type === 'SHEET');
    if (existing) return existing;
    const p = new ProtectionImpl(this._ctr, this._ss._env, 'SHEET', this, undefined);
    this._ss._protections.push(p);
    return p;
  }
  getProtections(type: ProtectionKind): ProtectionImpl[] {
    return this._ss._protections.filter((p) => p._sheet === this && p._type === type);
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this._range(this._wholeRect()).clear(options);
    return this;
  }
  clearContents(): this {
    this._range(this._wholeRect()).clearContent();
    return this;
  }
  clearFormats(): this {
    this._range(this._wholeRect()).clearFormat();
    return this;
  }
  clearNotes(): this {
    this._layers.delete('note');
    return this;
  }
}

/** Spreadsheet.OverGridImage placed by Sheet.insertImage. */
export class ImageImpl extends Emulated {
  static kind = 'OverGridImage';
  constructor(
    ctr: CallCounter,
    readonly _sheet: SheetImpl,
    readonly _rec: ImageRecord,
  ) {
    super(ctr);
  }
  getAnchorCell(): RangeImpl {
    return new RangeImpl(this._ctr, this._sheet, { row: this._rec.row, col: this._rec.col, numRows: 1, numCols: 1 });
  }
  getAnchorCellXOffset(): number {
    return this._rec.offsetX;
  }
  getAnchorCellYOffset(): number {
    return this._rec.offsetY;
  }
  getSheet(): SheetImpl {
    return this._sheet;
  }
  getAltTextTitle(): string {
    return this._rec.altTitle;
  }
  setAltTextTitle(t: string): this {
    this._rec.altTitle = t;
    return this;
  }
  getAltTextDescription(): string {
    return this._rec.altDescription;
  }
  setAltTextDescription(t: string): this {
    this._rec.altDescription = t;
    return this;
  }
  remove(): void {
    this._sheet._images = this._sheet._images.filter((r) => r !== this._rec);
  }
}
