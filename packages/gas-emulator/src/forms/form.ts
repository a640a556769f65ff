// Forms Form: settings, items, responses, destination spreadsheet, and URLs.
import { AsKind, CallCounter, Emulated } from '../core/calls';
import type { Env } from '../core/env';
import type { SpreadsheetImpl } from '../spreadsheet/spreadsheet';
import { cellKey, type SheetImpl } from '../spreadsheet/sheet';
import { ITEM_SURFACE, ItemImpl, ItemTypeName } from './item';
import { FormResponseImpl } from './response';
import { parseNumber } from '../spreadsheet/values';
import { UserImpl, emailOf } from '../base/user';

export const DestinationType = Object.freeze({ SPREADSHEET: 'SPREADSHEET' });

/** What the emulator does after recording a response: fire triggers now, queue them, or not at all. */
export type TriggerMode = 'now' | 'queue' | 'none';

/** Hooks the emulator installs so forms can reach spreadsheets and triggers. */
export interface FormHost {
  spreadsheet(id: string): SpreadsheetImpl | undefined;
  onSubmitted(form: FormImpl, response: FormResponseImpl, row: { sheet: SheetImpl; row: number } | undefined, mode: TriggerMode): void;
}

export class FormImpl extends Emulated {
  static kind = 'Form';
  _items: ItemImpl[] = [];
  _responses: FormResponseImpl[] = [];
  _description = '';
  _confirmation = '';
  _closedMessage = '';
  _accepting = true;
  _collectEmail = false;
  _requireLogin = false;
  _limitOne = false;
  _allowEdits = false;
  _progressBar = false;
  _shuffle = false;
  _showLinkAgain = true;
  /** Response sheet and the column of each item id in it. */
  _dest: { sheet: SheetImpl; columns: Map<number, number>; emailCol?: number } | undefined;
  readonly _editors = new Set<string>();
  /** Its creator with formAccess (FormApp.create as that user); otherwise the emulator's owner. */
  _owner: string;

  /** Id of the linked spreadsheet (derived from _dest, so the two cannot disagree). */
  get _destinationId(): string | null {
    return this._dest?.sheet._ss._id ?? null;
  }

  constructor(
    ctr: CallCounter,
    readonly _env: Env,
    readonly _host: FormHost,
    readonly _id: string,
    readonly _publishedId: string,
    public _title: string,
  ) {
    super(ctr);
    this._owner = _env.owner;
  }
  /** Owner and editors may open the form (FormApp.openById/openByUrl) when formAccess is on. */
  _canOpen(user: string): boolean {
    return user === this._owner || this._editors.has(user);
  }

  _viewUrl(): string {
    return `https://docs.google.com/forms/d/e/${this._publishedId}/viewform`;
  }
  /** Google's refusal when a closed form is submitted (by the page or by FormResponse.submit). */
  _assertAccepting(): void {
    if (!this._accepting) throw new Error(this._closedMessage || 'This form is no longer accepting responses.');
  }
  _newItem(type: ItemTypeName): ItemImpl {
    const item = new ItemImpl(this._ctr, this, this._env.intId(), type);
    this._items.push(item);
    return item;
  }
  private _add(type: ItemTypeName): AsKind {
    return this._newItem(type)._typed();
  }

  /** Stores a submitted response, writes the destination row like Google, then hands triggers to the host. */
  _record(r: FormResponseImpl, at: Date, opts: { fireTriggers: TriggerMode; email?: string }): void {
    this._assertAccepting();
    r._id = `2_ABaOnud${this._env.fileId(60).slice(1)}`;
    r._timestamp = new Date(at.getTime());
    r._email = this._collectEmail ? (opts.email ?? this._env.activeUser) : '';
    this._responses.push(r);
    const row = this._appendToDestination(r);
    this._host.onSubmitted(this, r, row, opts.fireTriggers);
  }

  /** The destination spreadsheet's locale names the response sheet and its headers (emulator's reading). */
  private _responseSheetName(ss: SpreadsheetImpl): string {
    const base = this._env.isVietnamese(ss._locale) ? 'Câu trả lời biểu mẫu' : 'Form Responses';
    let n = 1;
    while (ss._sheetByName(`${base} ${n}`)) n++;
    return `${base} ${n}`;
  }
  private _ensureColumns(): void {
    const d = this._dest;
    if (!d) return;
    const sheet = d.sheet;
    const vi = this._env.isVietnamese(sheet._ss._locale);
    if (this._collectEmail && d.emailCol === undefined) {
      d.emailCol = sheet._lastColumn() + 1;
      this._growTo(sheet, d.emailCol);
      sheet._setStored(1, d.emailCol, { value: vi ? 'Địa chỉ email' : 'Email Address' });
    }
    for (const item of this._items) {
      if (!item._isQuestion() || d.columns.has(item._id)) continue;
      const col = sheet._lastColumn() + 1;
      this._growTo(sheet, col);
      sheet._setStored(1, col, { value: item._title });
      d.columns.set(item._id, col);
    }
  }
  private _growTo(sheet: SheetImpl, col: number): void {
    if (col > sheet._maxCols) sheet._maxCols = col;
  }
  /** Forms writes answers as values, never formulas; numeric answers become numbers (leading zeros lost). */
  private _cellValue(v: string | string[], locale: string): string | number {
    const s = Array.isArray(v) ? v.join(', ') : v;
    const n = parseNumber(s, locale);
    return n === undefined ? s : n;
  }
  private _appendToDestination(r: FormResponseImpl): { sheet: SheetImpl; row: number } | undefined {
    const d = this._dest;
    if (!d || !d.sheet._ss._sheets.includes(d.sheet)) return undefined;
    this._ensureColumns();
    const sheet = d.sheet;
    const row = sheet._lastRow() + 1;
    if (row > sheet._maxRows) sheet._maxRows = row;
    sheet._setStored(row, 1, { value: new Date(r._timestamp!.getTime()) });
    if (d.emailCol !== undefined) sheet._setStored(row, d.emailCol, { value: r._email });
    for (const a of r._answers) {
      const col = d.columns.get(a._item._id);
      if (col === undefined) continue;
      // A column the spreadsheet formats as plain text keeps the answer as typed ("0901…" keeps its zero):
      // the usual organizer workaround, reported by the community, not documented by Google.
      const plain = sheet._layers.get('numberFormat')?.get(cellKey(row, col)) === '@';
      // A file-upload answer is written as the files' Drive links, as Google writes it.
      const value =
        a._item._type === 'FILE_UPLOAD' ? (Array.isArray(a._value) ? a._value : [a._value]).map((id) => `https://drive.google.com/open?id=${id}`) : a._value;
      const text = Array.isArray(value) ? value.join(', ') : value;
      sheet._setStored(row, col, { value: plain ? text : this._cellValue(value, sheet._ss._locale) });
    }
    return { sheet, row };
  }

  // ---- Apps Script surface ---------------------------------------------------------------

  getId(): string {
    return this._id;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(t: string): this {
    this._title = String(t);
    return this;
  }
  getDescription(): string {
    return this._description;
  }
  setDescription(d: string): this {
    this._description = String(d);
    return this;
  }
  getConfirmationMessage(): string {
    return this._confirmation;
  }
  setConfirmationMessage(m: string): this {
    this._confirmation = String(m);
    return this;
  }
  getCustomClosedFormMessage(): string {
    return this._closedMessage;
  }
  setCustomClosedFormMessage(m: string): this {
    this._closedMessage = String(m);
    return this;
  }
  setAcceptingResponses(a: boolean): this {
    this._accepting = !!a;
    return this;
  }
  isAcceptingResponses(): boolean {
    return this._accepting;
  }
  setCollectEmail(c: boolean): this {
    this._collectEmail = !!c;
    return this;
  }
  collectsEmail(): boolean {
    return this._collectEmail;
  }
  setRequireLogin(b: boolean): this {
    this._requireLogin = !!b;
    return this;
  }
  requiresLogin(): boolean {
    return this._requireLogin;
  }
  setLimitOneResponsePerUser(b: boolean): this {
    this._limitOne = !!b;
    return this;
  }
  hasLimitOneResponsePerUser(): boolean {
    return this._limitOne;
  }
  setAllowResponseEdits(b: boolean): this {
    this._allowEdits = !!b;
    return this;
  }
  canEditResponse(): boolean {
    return this._allowEdits;
  }
  setProgressBar(b: boolean): this {
    this._progressBar = !!b;
    return this;
  }
  hasProgressBar(): boolean {
    return this._progressBar;
  }
  setShuffleQuestions(b: boolean): this {
    this._shuffle = !!b;
    return this;
  }
  setShowLinkToRespondAgain(b: boolean): this {
    this._showLinkAgain = !!b;
    return this;
  }
  hasRespondAgainLink(): boolean {
    return this._showLinkAgain;
  }
  getPublishedUrl(): string {
    return this._viewUrl();
  }
  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this._id}/edit`;
  }
  getSummaryUrl(): string {
    return `https://docs.google.com/forms/d/${this._id}/viewanalytics`;
  }
  shortenFormUrl(url: string): string {
    return `https://forms.gle/${Buffer.from(url)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-17)}`;
  }
  addEditor(u: unknown): this {
    return this.addEditors([u]);
  }
  addEditors(users: unknown[]): this {
    for (const u of users) {
      const e = emailOf(u);
      if (e !== this._owner) this._editors.add(e);
    }
    return this;
  }
  removeEditor(u: unknown): this {
    this._editors.delete(emailOf(u));
    return this;
  }
  getEditors(): UserImpl[] {
    return [this._owner, ...this._editors].map((e) => new UserImpl(this._ctr, e));
  }

  /** Links the form to a spreadsheet: Google creates a response sheet (first tab) with the headers and past responses. */
  setDestination(type: string, destinationId: string): this {
    if (type !== 'SPREADSHEET') throw new Error('Invalid argument: type');
    const ss = this._host.spreadsheet(destinationId);
    if (!ss) throw new Error('No item with the given ID could be found, or you do not have permission to access it.');
    const sheet = ss._addSheet(this._responseSheetName(ss), 0);
    sheet._setStored(1, 1, { value: this._env.isVietnamese(ss._locale) ? 'Dấu thời gian' : 'Timestamp' });
    this._dest = { sheet, columns: new Map() };
    this._ensureColumns();
    for (const r of this._responses) this._appendToDestination(r);
    ss._formUrl = this.getEditUrl();
    sheet._formUrl = this.getEditUrl();
    return this;
  }
  getDestinationId(): string {
    if (!this._destinationId) throw new Error('The form currently has no response destination.');
    return this._destinationId;
  }
  getDestinationType(): string {
    if (!this._destinationId) throw new Error('The form currently has no response destination.');
    return 'SPREADSHEET';
  }
  removeDestination(): this {
    if (this._dest) {
      this._dest.sheet._ss._formUrl = null;
      this._dest.sheet._formUrl = null;
    }
    this._dest = undefined;
    return this;
  }

  addTextItem(): AsKind {
    return this._add('TEXT');
  }
  addParagraphTextItem(): AsKind {
    return this._add('PARAGRAPH_TEXT');
  }
  addListItem(): AsKind {
    return this._add('LIST');
  }
  addMultipleChoiceItem(): AsKind {
    return this._add('MULTIPLE_CHOICE');
  }
  addCheckboxItem(): AsKind {
    return this._add('CHECKBOX');
  }
  addSectionHeaderItem(): AsKind {
    return this._add('SECTION_HEADER');
  }
  addPageBreakItem(): AsKind {
    return this._add('PAGE_BREAK');
  }
  addDateItem(): AsKind {
    return this._add('DATE');
  }
  addDateTimeItem(): AsKind {
    return this._add('DATETIME');
  }
  addTimeItem(): AsKind {
    return this._add('TIME');
  }
  addScaleItem(): AsKind {
    return this._add('SCALE');
  }
  getItems(type?: ItemTypeName): AsKind[] {
    return this._items.filter((i) => !type || i._type === type).map((i) => new AsKind(i, 'Item', ITEM_SURFACE));
  }
  getItemById(id: number): AsKind | null {
    const item = this._items.find((i) => i._id === Number(id));
    return item ? new AsKind(item, 'Item', ITEM_SURFACE) : null;
  }
  /** Position of an item given by index or by the item itself; Google refuses one that is not in the form. */
  private _indexOf(indexOrItem: number | ItemImpl): number {
    const idx = typeof indexOrItem === 'number' ? indexOrItem : this._items.indexOf(indexOrItem);
    if (idx < 0 || idx >= this._items.length) throw new Error('Invalid argument: index');
    return idx;
  }
  deleteItem(indexOrItem: number | ItemImpl): void {
    this._items.splice(this._indexOf(indexOrItem), 1);
  }
  moveItem(from: number | ItemImpl, toIndex: number): ItemImpl {
    const [item] = this._items.splice(this._indexOf(from), 1);
    this._items.splice(toIndex, 0, item);
    return item;
  }
  createResponse(): FormResponseImpl {
    return new FormResponseImpl(this._ctr, this);
  }
  getResponses(timestamp?: Date): FormResponseImpl[] {
    return this._responses.filter((r) => !timestamp || r._timestamp!.getTime() >= timestamp.getTime());
  }
  getResponse(responseId: string): FormResponseImpl {
    const r = this._responses.find((x) => x._id === responseId);
    if (!r) throw new Error('No response with ID ' + responseId + ' exists for this form.');
    return r;
  }
  deleteAllResponses(): this {
    this._responses = [];
    return this;
  }
  deleteResponse(responseId: string): this {
    this._responses = this._responses.filter((r) => r._id !== responseId);
    return this;
  }
}
