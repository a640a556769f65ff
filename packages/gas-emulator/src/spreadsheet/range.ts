// Spreadsheet.Range: reads and writes a rectangle of a sheet, with Google's dimension and protection errors.
import { CallCounter, Emulated } from '../core/calls';
import { Rect, rectToA1 } from './a1';
import { dataColumnsMismatch, dataRowsMismatch } from '../core/errors';
import { DEFAULT_NUMBER_FORMAT, displayValue } from './formats';
import { CellValue, readValue } from './values';
import { checkboxArgs, DataValidationImpl } from './dataValidation';
import { ProtectionImpl } from './protection';
import type { Layer } from './sheet';
import { cellKey, FORMAT_LAYERS, SheetImpl } from './sheet';

/** A blank (null, undefined or "") removes the cell's entry, so the layer reads its default again. */
function putLayer(m: Map<number, unknown>, key: number, value: unknown): void {
  if (value === null || value === undefined || value === '') m.delete(key);
  else m.set(key, value);
}

export class RangeImpl extends Emulated {
  static kind = 'Range';
  constructor(
    ctr: CallCounter,
    readonly _sheet: SheetImpl,
    readonly _rect: Rect,
    private readonly _a1?: string,
  ) {
    super(ctr);
  }

  /** The sheet and the cells covered, e.g. `… sheet 0 "Trang tính1"!A1:B2`. */
  _identity(): string {
    return `${this._sheet._identity()}!${rectToA1(this._rect)}`;
  }

  // ---- internals -------------------------------------------------------------------------

  private _each(fn: (row: number, col: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this._rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(row + i, col + j, i, j);
  }
  private _grid<T>(fn: (row: number, col: number) => T): T[][] {
    const { row, col, numRows, numCols } = this._rect;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = fn(row + i, col + j);
      out[i] = line;
    }
    return out;
  }
  private _checkShape(data: unknown): unknown[][] {
    if (!Array.isArray(data)) throw new Error('Invalid argument: values (expected a 2-D array)');
    if (data.length !== this._rect.numRows) throw new Error(dataRowsMismatch(data.length, this._rect.numRows));
    for (const line of data) {
      if (!Array.isArray(line)) throw new Error('Invalid argument: values (expected a 2-D array)');
      if (line.length !== this._rect.numCols) throw new Error(dataColumnsMismatch(line.length, this._rect.numCols));
    }
    return data as unknown[][];
  }
  private _guard(): void {
    this._sheet._assertEditable(this._rect);
  }
  private _layerGet<T>(name: Layer, row: number, col: number): T | undefined {
    return this._sheet._layers.get(name)?.get(cellKey(row, col)) as T | undefined;
  }
  /** Value of a layer at the range's top-left cell, as the single-cell getters report it. */
  private _layerAt<T>(name: Layer, dflt: T): T {
    return this._layerGet<T>(name, this._rect.row, this._rect.col) ?? dflt;
  }
  private _setLayerAll(name: Layer, value: unknown): this {
    this._guard();
    const m = this._sheet._layer(name);
    this._each((r, c) => putLayer(m, cellKey(r, c), value));
    return this;
  }
  private _setLayerGrid(name: Layer, data: unknown): this {
    const d = this._checkShape(data);
    this._guard();
    const m = this._sheet._layer(name);
    this._each((r, c, i, j) => putLayer(m, cellKey(r, c), d[i][j]));
    return this;
  }
  private _layerGrid<T>(name: Layer, dflt: T): T[][] {
    return this._grid((r, c) => this._layerGet<T>(name, r, c) ?? dflt);
  }
  private _sub(rect: Rect): RangeImpl {
    return this._sheet._range(rect);
  }

  // ---- position --------------------------------------------------------------------------

  getSheet(): SheetImpl {
    return this._sheet;
  }
  getRow(): number {
    return this._rect.row;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getA1Notation(): string {
    return this._a1 ?? rectToA1(this._rect);
  }
  getGridId(): number {
    return this._sheet._id;
  }
  getCell(row: number, column: number): RangeImpl {
    if (row < 1 || column < 1 || row > this._rect.numRows || column > this._rect.numCols) {
      throw new Error('Cell reference out of range');
    }
    return this._sub({ row: this._rect.row + row - 1, col: this._rect.col + column - 1, numRows: 1, numCols: 1 });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeImpl {
    return this._sub({
      row: this._rect.row + rowOffset,
      col: this._rect.col + columnOffset,
      numRows: numRows ?? this._rect.numRows,
      numCols: numColumns ?? this._rect.numCols,
    });
  }
  activate(): this {
    this._sheet._ss._activeSheet = this._sheet;
    return this;
  }

  // ---- values ----------------------------------------------------------------------------

  getValues(): CellValue[][] {
    const vals = this._sheet._values;
    const { row, col, numRows, numCols } = this._rect;
    const out: CellValue[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const src = vals[row - 1 + i];
      const line: CellValue[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = readValue(src ? src[col - 1 + j] : undefined);
      out[i] = line;
    }
    return out;
  }
  getValue(): CellValue {
    return readValue(this._sheet._get(this._rect.row, this._rect.col));
  }
  setValues(values: unknown[][]): this {
    const d = this._checkShape(values);
    this._guard();
    SheetImpl._assertCellLengths(d.flat());
    this._each((r, c, i, j) => this._sheet._write(r, c, d[i][j]));
    return this;
  }
  /** Google writes the value into every cell of the range. */
  setValue(value: unknown): this {
    this._guard();
    SheetImpl._assertCellLengths([value]);
    this._each((r, c) => this._sheet._write(r, c, value));
    return this;
  }
  getDisplayValues(): string[][] {
    const ss = this._sheet._ss;
    return this._grid((r, c) => displayValue(this._sheet._get(r, c), this._layerGet<string>('numberFormat', r, c), ss._timeZone, ss._locale));
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  getFormulas(): string[][] {
    return this._grid((r, c) => this._sheet._formulas.get(cellKey(r, c)) ?? '');
  }
  getFormula(): string {
    return this._sheet._formulas.get(cellKey(this._rect.row, this._rect.col)) ?? '';
  }
  setFormula(formula: string): this {
    this._guard();
    this._each((r, c) => this._sheet._setStored(r, c, { value: '', formula }));
    return this;
  }
  setFormulas(formulas: string[][]): this {
    const d = this._checkShape(formulas);
    this._guard();
    this._each((r, c, i, j) => {
      const f = String(d[i][j] ?? '');
      this._sheet._setStored(r, c, f ? { value: '', formula: f } : { value: '' });
    });
    return this;
  }
  isBlank(): boolean {
    let blank = true;
    this._each((r, c) => {
      if (this._sheet._get(r, c) !== '' || this._sheet._formulas.has(cellKey(r, c))) blank = false;
    });
    return blank;
  }
  clearContent(): this {
    this._guard();
    this._each((r, c) => this._sheet._setStored(r, c, { value: '' }));
    return this;
  }
  clearFormat(): this {
    this._guard();
    for (const name of FORMAT_LAYERS) {
      const m = this._sheet._layers.get(name);
      if (m) this._each((r, c) => m.delete(cellKey(r, c)));
    }
    return this;
  }
  clearNote(): this {
    return this._setLayerAll('note', null);
  }
  clearDataValidations(): this {
    return this._setLayerAll('dataValidation', null);
  }
  /** clear() or clear({contentsOnly, formatOnly, validationsOnly, commentsOnly}). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): this {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!any || o.contentsOnly) this.clearContent();
    if (!any || o.formatOnly) this.clearFormat();
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this;
  }

  // ---- formats and notes -----------------------------------------------------------------

  setNumberFormat(format: string): this {
    return this._setLayerAll('numberFormat', format === DEFAULT_NUMBER_FORMAT ? null : format);
  }
  setNumberFormats(formats: string[][]): this {
    return this._setLayerGrid('numberFormat', formats);
  }
  getNumberFormat(): string {
    return this._layerAt('numberFormat', DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormats(): string[][] {
    return this._layerGrid('numberFormat', DEFAULT_NUMBER_FORMAT);
  }
  setNote(note: string | null): this {
    return this._setLayerAll('note', note);
  }
  setNotes(notes: (string | null)[][]): this {
    return this._setLayerGrid('note', notes);
  }
  getNote(): string {
    return this._layerAt('note', '');
  }
  getNotes(): string[][] {
    return this._layerGrid('note', '');
  }
  setFontWeight(w: string | null): this {
    return this._setLayerAll('fontWeight', w === 'normal' ? null : w);
  }
  setFontWeights(w: string[][]): this {
    return this._setLayerGrid('fontWeight', w);
  }
  getFontWeight(): string {
    return this._layerAt('fontWeight', 'normal');
  }
  getFontWeights(): string[][] {
    return this._layerGrid('fontWeight', 'normal');
  }
  setFontColor(color: string | null): this {
    return this._setLayerAll('fontColor', color);
  }
  getFontColor(): string {
    return this._layerAt('fontColor', '#000000');
  }
  setFontSize(size: number): this {
    return this._setLayerAll('fontSize', size);
  }
  getFontSize(): number {
    return this._layerAt('fontSize', 10);
  }
  setFontStyle(style: string | null): this {
    return this._setLayerAll('fontStyle', style === 'normal' ? null : style);
  }
  setFontFamily(family: string | null): this {
    return this._setLayerAll('fontFamily', family);
  }
  setBackground(color: string | null): this {
    return this._setLayerAll('background', color);
  }
  setBackgrounds(colors: string[][]): this {
    return this._setLayerGrid('background', colors);
  }
  getBackground(): string {
    return this._layerAt('background', '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this._layerGrid('background', '#ffffff');
  }
  setWrap(wrap: boolean): this {
    return this._setLayerAll('wrap', wrap ? true : null);
  }
  setWrapStrategy(strategy: string): this {
    return this._setLayerAll('wrap', strategy === 'WRAP' ? true : null);
  }
  getWrap(): boolean {
    return this._layerAt('wrap', false);
  }
  setHorizontalAlignment(a: string | null): this {
    return this._setLayerAll('horizontalAlignment', a);
  }
  getHorizontalAlignment(): string {
    return this._layerAt('horizontalAlignment', 'general');
  }
  setVerticalAlignment(a: string | null): this {
    return this._setLayerAll('verticalAlignment', a);
  }
  getVerticalAlignment(): string {
    return this._layerAt('verticalAlignment', 'bottom');
  }
  /** Recorded only: the emulator keeps the last border call per cell. */
  setBorder(...args: unknown[]): this {
    return this._setLayerAll('border', args);
  }

  // ---- validation and checkboxes ---------------------------------------------------------

  setDataValidation(rule: DataValidationImpl | null): this {
    return this._setLayerAll('dataValidation', rule);
  }
  setDataValidations(rules: (DataValidationImpl | null)[][]): this {
    return this._setLayerGrid('dataValidation', rules);
  }
  getDataValidation(): DataValidationImpl | null {
    return this._layerAt<DataValidationImpl | null>('dataValidation', null);
  }
  getDataValidations(): (DataValidationImpl | null)[][] {
    return this._layerGrid<DataValidationImpl | null>('dataValidation', null);
  }
  /** Google: checkbox validation on every cell, and the value of every cell set to false (unchecked). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this._guard();
    const rule = new DataValidationImpl(this._ctr, 'CHECKBOX', checkboxArgs(checkedValue, uncheckedValue), '', true);
    const m = this._sheet._layer('dataValidation');
    const unchecked = rule._uncheckedValue();
    this._each((r, c) => {
      m.set(cellKey(r, c), rule);
      this._sheet._setStored(r, c, { value: unchecked });
    });
    return this;
  }
  removeCheckboxes(): this {
    this._guard();
    const m = this._sheet._layer('dataValidation');
    this._each((r, c) => {
      const dv = m.get(cellKey(r, c));
      if (dv instanceof DataValidationImpl && dv._criteria === 'CHECKBOX') {
        m.delete(cellKey(r, c));
        this._sheet._setStored(r, c, { value: '' });
      }
    });
    return this;
  }
  private _checkboxCells(): { r: number; c: number; rule: DataValidationImpl }[] {
    const out: { r: number; c: number; rule: DataValidationImpl }[] = [];
    this._each((r, c) => {
      const dv = this._layerGet<DataValidationImpl>('dataValidation', r, c);
      if (dv && dv._criteria === 'CHECKBOX') out.push({ r, c, rule: dv });
    });
    return out;
  }
  /** true/false when every cell is a checkbox in the same state, null otherwise (as documented). */
  isChecked(): boolean | null {
    const cells = this._checkboxCells();
    if (cells.length === 0 || cells.length !== this._rect.numRows * this._rect.numCols) return null;
    const states = cells.map(({ r, c, rule }) => this._sheet._get(r, c) === rule._checkedValue());
    return states.every((s) => s) ? true : states.every((s) => !s) ? false : null;
  }
  check(): this {
    this._guard();
    for (const { r, c, rule } of this._checkboxCells()) this._sheet._setStored(r, c, { value: rule._checkedValue() });
    return this;
  }
  uncheck(): this {
    this._guard();
    for (const { r, c, rule } of this._checkboxCells()) this._sheet._setStored(r, c, { value: rule._uncheckedValue() });
    return this;
  }

  // ---- protection ------------------------------------------------------------------------

  /** Always a new range protection, even over an existing one (Google's documented behaviour). */
  protect(): ProtectionImpl {
    const p = new ProtectionImpl(this._ctr, this._sheet._ss._env, 'RANGE', this._sheet, { ...this._rect });
    this._sheet._ss._protections.push(p);
    return p;
  }
}
