// SpreadsheetApp.newDataValidation(): the builder, the immutable rule, and the criteria enum.
import { isDate } from '../core/dates';
import { CallCounter, Emulated } from '../core/calls';
import type { CellValue } from './values';

export const DataValidationCriteria = Object.freeze({
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
});
export type Criteria = keyof typeof DataValidationCriteria;

/** Criteria values of a checkbox rule: none, [checked] or [checked, unchecked], as the caller gave them. */
export function checkboxArgs(checked?: unknown, unchecked?: unknown): unknown[] {
  return checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
}

export class DataValidationImpl extends Emulated {
  static kind = 'DataValidation';
  constructor(
    ctr: CallCounter,
    readonly _criteria: Criteria,
    readonly _args: readonly unknown[],
    readonly _helpText: string,
    readonly _allowInvalid: boolean,
  ) {
    super(ctr);
  }
  getCriteriaType(): Criteria {
    return this._criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._args.map((a) => (Array.isArray(a) ? [...a] : a));
  }
  getHelpText(): string {
    return this._helpText;
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  copy(): DataValidationBuilderImpl {
    const b = new DataValidationBuilderImpl(this._ctr);
    b._set(this._criteria, [...this._args]);
    b.setHelpText(this._helpText);
    b.setAllowInvalid(this._allowInvalid);
    return b;
  }

  /** Value of a ticked checkbox: the custom checked value, or true. */
  _checkedValue(): CellValue {
    return (this._args.length ? this._args[0] : true) as CellValue;
  }
  /** Value of an unticked checkbox: the custom unchecked value, "" when only a checked value was given, or false. */
  _uncheckedValue(): CellValue {
    return (this._args.length > 1 ? this._args[1] : this._args.length ? '' : false) as CellValue;
  }

  /** Whether Sheets would accept `v` under this rule (scripts may still write it; Sheets then flags the cell). */
  _accepts(v: CellValue): boolean {
    const a = this._args;
    const num = typeof v === 'number' ? v : NaN;
    switch (this._criteria) {
      case 'CHECKBOX':
        if (a.length === 0) return v === true || v === false || v === '';
        return v === '' || a.some((x) => x === v);
      case 'VALUE_IN_LIST':
        return v === '' || (a[0] as unknown[]).some((x) => String(x) === String(v));
      case 'NUMBER_BETWEEN':
        return v === '' || (num >= (a[0] as number) && num <= (a[1] as number));
      case 'NUMBER_NOT_BETWEEN':
        return v === '' || (!Number.isNaN(num) && (num < (a[0] as number) || num > (a[1] as number)));
      case 'NUMBER_GREATER_THAN':
        return v === '' || num > (a[0] as number);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return v === '' || num >= (a[0] as number);
      case 'NUMBER_LESS_THAN':
        return v === '' || num < (a[0] as number);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return v === '' || num <= (a[0] as number);
      case 'NUMBER_EQUAL_TO':
        return v === '' || num === a[0];
      case 'NUMBER_NOT_EQUAL_TO':
        return v === '' || (!Number.isNaN(num) && num !== a[0]);
      case 'TEXT_IS_VALID_URL':
        return v === '' || /^(https?|ftp):\/\/[^\s/$.?#].[^\s]*$/i.test(String(v));
      case 'TEXT_IS_VALID_EMAIL':
        return v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(v));
      case 'TEXT_CONTAINS':
        return v === '' || String(v).includes(String(a[0]));
      case 'TEXT_DOES_NOT_CONTAIN':
        return v === '' || !String(v).includes(String(a[0]));
      case 'TEXT_EQUAL_TO':
        return v === '' || String(v) === String(a[0]);
      case 'DATE_IS_VALID_DATE':
        return v === '' || isDate(v);
      default:
        return true; // date comparisons, ranges and custom formulas are not checked by the emulator
    }
  }
}

export class DataValidationBuilderImpl extends Emulated {
  static kind = 'DataValidationBuilder';
  private criteria: Criteria | undefined;
  private args: unknown[] = [];
  private helpText = '';
  private allowInvalid = true; // Google's default for a new rule

  _set(c: Criteria, args: unknown[]): this {
    this.criteria = c;
    this.args = args;
    return this;
  }
  build(): DataValidationImpl {
    if (!this.criteria) throw new Error('You must specify a criteria type for the data validation rule.');
    return new DataValidationImpl(this._ctr, this.criteria, this.args, this.helpText, this.allowInvalid);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  withCriteria(criteria: Criteria, args: unknown[]): this {
    return this._set(criteria, [...args]);
  }
  getCriteriaType(): Criteria | undefined {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.args];
  }
  getHelpText(): string {
    return this.helpText;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this._set('CHECKBOX', checkboxArgs(checked, unchecked));
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    return this._set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this._set('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): this {
    return this._set('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number): this {
    return this._set('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this._set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): this {
    return this._set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsUrl(): this {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextContains(text: string): this {
    return this._set('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): this {
    return this._set('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): this {
    return this._set('TEXT_EQUAL_TO', [text]);
  }
  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this._set('DATE_BETWEEN', [start, end]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
}
