// Spreadsheet.Spreadsheet: sheets by name and position, id/url, time zone, toast and protections.
import { CallCounter, Emulated } from '../core/calls';
import { duplicateSheetName, NO_PERMISSION_ACTION, REMOVE_ALL_SHEETS } from '../core/errors';
import { SheetImpl } from './sheet';
import { RangeImpl } from './range';
import { ProtectionImpl, ProtectionKind } from './protection';
import { UserImpl, emailOf } from '../base/user';
import { isValidZone } from '../core/tz';
import type { Env } from '../core/env';

export class SpreadsheetImpl extends Emulated {
  static kind = 'Spreadsheet';
  _sheets: SheetImpl[] = [];
  _activeSheet: SheetImpl;
  _protections: ProtectionImpl[] = [];
  /** Id of the form that sends responses here, if any (Spreadsheet.getFormUrl). */
  _formUrl: string | null = null;
  /** Owner of the file (the emulator's owner, or with `sharing` the user who created it). */
  _owner: string;
  /** People the file is shared with as editors; the bound spreadsheet's set is the emulator's collaborators. */
  _editors: Set<string>;
  _commenters = new Set<string>();
  _viewers = new Set<string>();
  /** "Anyone with the link can edit": every person, signed in or anonymous (email ""), may write. */
  _anyoneWithLinkCanEdit = false;

  constructor(
    ctr: CallCounter,
    readonly _env: Env,
    readonly _id: string,
    public _name: string,
    public _timeZone: string,
    public _locale: string,
  ) {
    super(ctr);
    this._owner = _env.owner;
    this._editors = _env.collaborators;
    this._activeSheet = this._addSheet(this._defaultSheetName(), 0, 0);
  }

  /** Whether `user` may change the file (owner, editors, or anyone when link-shared for editing). */
  _canEdit(user: string): boolean {
    return user === this._owner || this._editors.has(user) || this._anyoneWithLinkCanEdit;
  }
  _canView(user: string): boolean {
    return this._canEdit(user) || this._commenters.has(user) || this._viewers.has(user);
  }
  /** With `sharing`, a write by someone who cannot edit the file is refused (before any protection check). */
  _assertCanWrite(): void {
    if (this._env.enforceSharing && !this._canEdit(this._env.effectiveUser)) throw new Error(NO_PERMISSION_ACTION);
  }

  _identity(): string {
    return this._id;
  }
  _defaultSheetName(): string {
    const base = this._env.isVietnamese(this._locale) ? 'Trang tính' : 'Sheet';
    let n = this._sheets.length + 1;
    while (this._sheetByName(`${base}${n}`)) n++;
    return `${base}${n}`;
  }
  _sheetByName(name: string): SheetImpl | undefined {
    const key = String(name).toLowerCase();
    return this._sheets.find((s) => s._name.toLowerCase() === key);
  }
  _addSheet(name: string, index: number, id?: number): SheetImpl {
    if (this._sheetByName(name)) throw new Error(duplicateSheetName(name));
    const sheet = new SheetImpl(this._ctr, this, name, id ?? this._env.intId());
    this._sheets.splice(Math.max(0, Math.min(index, this._sheets.length)), 0, sheet);
    return sheet;
  }

  getId(): string {
    return this._id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getName(): string {
    return this._name;
  }
  rename(name: string): void {
    this._assertCanWrite();
    this._name = name;
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._assertCanWrite();
    if (!isValidZone(tz)) throw new Error(`Invalid argument: timeZone`);
    this._timeZone = tz;
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  /** Typed input and display follow this locale (per spreadsheet): en_US reads 12/06/2023 as 6 December. */
  setSpreadsheetLocale(locale: string): void {
    this._assertCanWrite();
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(String(locale))) throw new Error('Invalid argument: locale');
    this._locale = locale;
  }
  /** Spreadsheet reference: "the owner of the document, or null for a document in a shared drive" (createEmulator({ sharedDrive })). */
  getOwner(): UserImpl | null {
    if (this._env.sharedDrive) return null;
    return new UserImpl(this._ctr, this._owner);
  }
  getEditors(): UserImpl[] {
    return [this._owner, ...[...this._editors].filter((e) => e !== this._owner)].map((e) => new UserImpl(this._ctr, e));
  }
  /** Shares the file for editing (unlike Protection.addEditor, which Google documents does not share it). */
  addEditor(user: unknown): this {
    return this.addEditors([user]);
  }
  addEditors(users: unknown[]): this {
    this._assertCanWrite();
    for (const u of users) {
      const e = emailOf(u);
      this._editors.add(e);
      this._viewers.delete(e);
      this._commenters.delete(e);
    }
    return this;
  }
  removeEditor(user: unknown): this {
    this._assertCanWrite();
    this._editors.delete(emailOf(user));
    return this;
  }
  /** Viewers and commenters, as Google lists them (getViewers includes commenters). */
  getViewers(): UserImpl[] {
    return [...new Set([...this._commenters, ...this._viewers])].map((e) => new UserImpl(this._ctr, e));
  }
  addViewer(user: unknown): this {
    return this.addViewers([user]);
  }
  addViewers(users: unknown[]): this {
    this._assertCanWrite();
    for (const u of users) {
      const e = emailOf(u);
      if (e !== this._owner && !this._editors.has(e)) this._viewers.add(e);
    }
    return this;
  }
  removeViewer(user: unknown): this {
    this._assertCanWrite();
    this._viewers.delete(emailOf(user));
    this._commenters.delete(emailOf(user));
    return this;
  }

  getSheets(): SheetImpl[] {
    return [...this._sheets];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): SheetImpl | null {
    return this._sheetByName(name) ?? null;
  }
  getSheetById(id: number): SheetImpl | null {
    return this._sheets.find((s) => s._id === id) ?? null;
  }
  /** insertSheet(), (index), (name), (name, index) — options objects are ignored. The new sheet becomes active. */
  insertSheet(a?: unknown, b?: unknown): SheetImpl {
    let name: string | undefined;
    let index = this._sheets.length;
    if (typeof a === 'string') name = a;
    if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    this._assertCanWrite();
    const sheet = this._addSheet(name ?? this._defaultSheetName(), index);
    this._activeSheet = sheet;
    return sheet;
  }
  deleteSheet(sheet: SheetImpl): void {
    if (!(sheet instanceof SheetImpl) || !this._sheets.includes(sheet)) throw new Error('Invalid argument: sheet');
    if (this._sheets.length === 1) throw new Error(REMOVE_ALL_SHEETS);
    sheet._assertSheetEditable();
    this._sheets = this._sheets.filter((s) => s !== sheet);
    this._protections = this._protections.filter((p) => p._sheet !== sheet);
    if (this._activeSheet === sheet) this._activeSheet = this._sheets[0];
  }
  getActiveSheet(): SheetImpl {
    return this._activeSheet;
  }
  setActiveSheet(sheet: SheetImpl): SheetImpl {
    this._activeSheet = sheet;
    return sheet;
  }
  moveActiveSheet(pos: number): void {
    const s = this._activeSheet;
    this._sheets = this._sheets.filter((x) => x !== s);
    this._sheets.splice(pos - 1, 0, s);
  }
  /** "A1" is on the active sheet; Sheet.getRange already follows a "'Name'!A1" prefix to its sheet. */
  getRange(a1: string): RangeImpl {
    return this._activeSheet.getRange(a1);
  }
  getProtections(type: ProtectionKind): ProtectionImpl[] {
    return this._protections.filter((p) => p._type === type);
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this._env.ui.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }
  getFormUrl(): string | null {
    return this._formUrl;
  }
}
