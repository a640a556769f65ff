// Forms items: one class holds every item kind's data; asListItem()/asTextItem()... expose the matching surface.
import { isDate } from '../core/dates';
import { AsKind, CallCounter, Emulated } from '../core/calls';
import { wallClock } from '../core/tz';
import type { FormImpl } from './form';
import { ItemResponseImpl } from './response';
import { CheckboxValidationImpl, TextValidationImpl } from './validation';

export const ItemType = Object.freeze({
  CHECKBOX: 'CHECKBOX',
  CHECKBOX_GRID: 'CHECKBOX_GRID',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  FILE_UPLOAD: 'FILE_UPLOAD',
  GRID: 'GRID',
  IMAGE: 'IMAGE',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  RATING: 'RATING',
  SCALE: 'SCALE',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
  TIME: 'TIME',
  VIDEO: 'VIDEO',
});
export type ItemTypeName = keyof typeof ItemType;

/** Apps Script class name of each item type (what asXItem() returns). */
const KIND: Partial<Record<ItemTypeName, string>> = {
  CHECKBOX: 'CheckboxItem',
  DATE: 'DateItem',
  DATETIME: 'DateTimeItem',
  LIST: 'ListItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  PAGE_BREAK: 'PageBreakItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  SCALE: 'ScaleItem',
  SECTION_HEADER: 'SectionHeaderItem',
  TEXT: 'TextItem',
  TIME: 'TimeItem',
  FILE_UPLOAD: 'FileUploadItem',
};

const COMMON = ['getId', 'getIndex', 'getTitle', 'setTitle', 'getHelpText', 'setHelpText', 'getType', 'duplicate', 'toString'];
const QUESTION = [...COMMON, 'setRequired', 'isRequired', 'createResponse'];
const CHOICES = ['setChoiceValues', 'getChoices', 'setChoices', 'createChoice', 'showOtherOption', 'hasOtherOption'];
const SURFACE: Record<string, string[]> = {
  Item: [...COMMON, ...Object.values(KIND).map((k) => `as${k}`)],
  TextItem: [...QUESTION, 'setValidation', 'clearValidation'],
  ParagraphTextItem: [...QUESTION, 'setValidation', 'clearValidation'],
  ListItem: [...QUESTION, ...CHOICES.filter((m) => m !== 'showOtherOption' && m !== 'hasOtherOption')],
  MultipleChoiceItem: [...QUESTION, ...CHOICES],
  CheckboxItem: [...QUESTION, ...CHOICES, 'setValidation', 'clearValidation'],
  DateItem: [...QUESTION, 'includesYear', 'setIncludesYear'],
  DateTimeItem: [...QUESTION, 'includesYear', 'setIncludesYear'],
  TimeItem: QUESTION,
  ScaleItem: [...QUESTION, 'setBounds', 'getLowerBound', 'getUpperBound', 'setLabels'],
  SectionHeaderItem: COMMON,
  PageBreakItem: COMMON,
  FileUploadItem: QUESTION.filter((m) => m !== 'createResponse'),
};
const SURFACE_SETS = new Map(Object.entries(SURFACE).map(([k, v]) => [k, new Set(v)]));

export class ChoiceImpl extends Emulated {
  static kind = 'Choice';
  constructor(
    ctr: CallCounter,
    private readonly _value: string,
  ) {
    super(ctr);
  }
  getValue(): string {
    return this._value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
}

export class ItemImpl extends Emulated {
  static kind = 'Item';
  _title = '';
  _helpText = '';
  _required = false;
  _choices: string[] = [];
  _otherOption = false;
  _validation: TextValidationImpl | CheckboxValidationImpl | null = null;
  _includesYear = true;
  _bounds: [number, number] = [1, 5];

  constructor(
    ctr: CallCounter,
    readonly _form: FormImpl,
    readonly _id: number,
    readonly _type: ItemTypeName,
  ) {
    super(ctr);
  }

  _kindName(): string {
    return KIND[this._type] ?? 'Item';
  }
  _as(type: ItemTypeName): AsKind {
    if (this._type !== type) throw new Error(`Invalid conversion for item type: ${this._type}`);
    const kind = KIND[type] ?? 'Item';
    return new AsKind(this, kind, SURFACE_SETS.get(kind));
  }
  /** Typed view used when add*Item returns the item. */
  _typed(): AsKind {
    return this._as(this._type);
  }
  _isQuestion(): boolean {
    return !['SECTION_HEADER', 'PAGE_BREAK', 'IMAGE', 'VIDEO'].includes(this._type);
  }

  getId(): number {
    return this._id;
  }
  getIndex(): number {
    return this._form._items.indexOf(this);
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(t: string): AsKind {
    this._title = String(t);
    return this._typed();
  }
  getHelpText(): string {
    return this._helpText;
  }
  setHelpText(t: string): AsKind {
    this._helpText = String(t);
    return this._typed();
  }
  getType(): ItemTypeName {
    return this._type;
  }
  toString(): string {
    return this._kindName();
  }
  setRequired(r: boolean): AsKind {
    this._required = !!r;
    return this._typed();
  }
  isRequired(): boolean {
    return this._required;
  }
  setChoiceValues(values: string[]): AsKind {
    if (!Array.isArray(values) || values.length === 0) throw new Error('Choices must not be empty.');
    this._choices = values.map(String);
    return this._typed();
  }
  setChoices(choices: ChoiceImpl[]): AsKind {
    return this.setChoiceValues(choices.map((c) => c.getValue()));
  }
  createChoice(value: string): ChoiceImpl {
    return new ChoiceImpl(this._ctr, String(value));
  }
  getChoices(): ChoiceImpl[] {
    return this._choices.map((c) => new ChoiceImpl(this._ctr, c));
  }
  showOtherOption(enabled: boolean): AsKind {
    this._otherOption = !!enabled;
    return this._typed();
  }
  hasOtherOption(): boolean {
    return this._otherOption;
  }
  setValidation(v: TextValidationImpl | CheckboxValidationImpl): AsKind {
    const okText = v instanceof TextValidationImpl && (this._type === 'TEXT' || this._type === 'PARAGRAPH_TEXT');
    const okBox = v instanceof CheckboxValidationImpl && this._type === 'CHECKBOX';
    if (!okText && !okBox) throw new Error('Invalid argument: validation');
    this._validation = v;
    return this._typed();
  }
  clearValidation(): AsKind {
    this._validation = null;
    return this._typed();
  }
  includesYear(): boolean {
    return this._includesYear;
  }
  setIncludesYear(y: boolean): AsKind {
    this._includesYear = !!y;
    return this._typed();
  }
  setBounds(lower: number, upper: number): AsKind {
    this._bounds = [lower, upper];
    return this._typed();
  }
  getLowerBound(): number {
    return this._bounds[0];
  }
  getUpperBound(): number {
    return this._bounds[1];
  }
  setLabels(): AsKind {
    return this._typed();
  }
  duplicate(): AsKind {
    const copy = this._form._newItem(this._type);
    Object.assign(copy, {
      _title: this._title,
      _helpText: this._helpText,
      _required: this._required,
      _choices: [...this._choices],
      _validation: this._validation,
    });
    return copy._typed();
  }
  /** Text/list/multiple choice take a string, checkbox a string[], date/datetime a Date. */
  createResponse(value: unknown): ItemResponseImpl {
    return new ItemResponseImpl(this._ctr, this, this._normalise(value));
  }
  _normalise(value: unknown): string | string[] {
    const two = (n: number): string => String(n).padStart(2, '0');
    switch (this._type) {
      case 'CHECKBOX': {
        const arr = Array.isArray(value) ? value.map(String) : [String(value)];
        if (!this._otherOption && arr.some((v) => !this._choices.includes(v))) throw new Error('Invalid response submitted to checkbox item.');
        return arr;
      }
      case 'LIST':
      case 'MULTIPLE_CHOICE': {
        const s = String(value);
        if (!this._otherOption && !this._choices.includes(s)) throw new Error(`Invalid response submitted to item: "${s}" is not a choice.`);
        return s;
      }
      case 'DATE':
      case 'DATETIME': {
        if (!isDate(value)) throw new Error('Invalid argument: response (expected a Date)');
        // Forms reports the date as the respondent saw it: wall clock in the script's time zone.
        const w = wallClock(value, this._form._env.timeZone);
        const d = `${w.year}-${two(w.month)}-${two(w.day)}`;
        return this._type === 'DATE' ? d : `${d} ${two(w.hour)}:${two(w.minute)}`;
      }
      default:
        return Array.isArray(value) ? value.map(String).join(', ') : String(value);
    }
  }

  asCheckboxItem(): AsKind {
    return this._as('CHECKBOX');
  }
  asDateItem(): AsKind {
    return this._as('DATE');
  }
  asDateTimeItem(): AsKind {
    return this._as('DATETIME');
  }
  asListItem(): AsKind {
    return this._as('LIST');
  }
  asMultipleChoiceItem(): AsKind {
    return this._as('MULTIPLE_CHOICE');
  }
  asPageBreakItem(): AsKind {
    return this._as('PAGE_BREAK');
  }
  asParagraphTextItem(): AsKind {
    return this._as('PARAGRAPH_TEXT');
  }
  asScaleItem(): AsKind {
    return this._as('SCALE');
  }
  asSectionHeaderItem(): AsKind {
    return this._as('SECTION_HEADER');
  }
  asTextItem(): AsKind {
    return this._as('TEXT');
  }
  asTimeItem(): AsKind {
    return this._as('TIME');
  }
  asFileUploadItem(): AsKind {
    return this._as('FILE_UPLOAD');
  }
}

/** Generic Item surface (what getItems() returns). */
export const ITEM_SURFACE = SURFACE_SETS.get('Item');
