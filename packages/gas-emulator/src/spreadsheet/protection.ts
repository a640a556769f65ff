// Spreadsheet.Protection: protected ranges and sheets, their editors, and the edit check behind every write.
import { CallCounter, Emulated } from '../core/calls';
import { containsCell, intersects, Rect } from './a1';
import { PROTECTED_EDIT } from '../core/errors';
import { emailOf, UserImpl } from '../base/user';
import type { SheetImpl } from './sheet';
import { RangeImpl } from './range';
import type { Env } from '../core/env';

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });
export type ProtectionKind = keyof typeof ProtectionType;

export class ProtectionImpl extends Emulated {
  static kind = 'Protection';
  private description = '';
  private warningOnly = false;
  private domainEdit = false;
  _unprotected: Rect[] = [];
  _removed = false;
  readonly _editors: Set<string>;

  constructor(
    ctr: CallCounter,
    private readonly env: Env,
    readonly _type: ProtectionKind,
    readonly _sheet: SheetImpl,
    public _rect: Rect | undefined,
  ) {
    super(ctr);
    this._editors = new Set([_sheet._ss._owner, env.effectiveUser]);
  }

  /**
   * Google: a new protection only mirrors the file's own sharing until the script changes its editor
   * list (adding or removing an editor, or setting domain edit). Until then every editor of the file
   * can still write there, so the area is in effect not protected yet.
   */
  _customized = false;

  /** The file's editors as the protection sees them (owner, people it is shared with, its creator). */
  private _mirrored(): Set<string> {
    return new Set([this._sheet._ss._owner, ...this._editors, ...this._sheet._ss._editors]);
  }
  /** First change of the editor list: freeze the mirrored list, then the change applies to it. */
  private _customize(): void {
    if (this._customized) return;
    for (const e of this._mirrored()) this._editors.add(e);
    this._customized = true;
  }

  /** Whether `user` may write through this protection. */
  _allows(user: string): boolean {
    if (!this._customized) return true;
    return this.warningOnly || user === this._sheet._ss._owner || this._editors.has(user) || this.domainEdit;
  }

  /** Whether the protection covers any cell of `rect` (a sheet protection minus its unprotected ranges). */
  _covers(rect: Rect): boolean {
    if (this._type === 'RANGE') return this._rect !== undefined && intersects(this._rect, rect);
    if (this._unprotected.length === 0) return true;
    const relevant = this._unprotected.filter((u) => intersects(u, rect));
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        if (!relevant.some((u) => containsCell(u, r, c))) return true;
      }
    }
    return false;
  }

  private _assertManageable(): void {
    if (!this.canEdit()) throw new Error(PROTECTED_EDIT);
  }

  addEditor(user: unknown): this {
    return this.addEditors([user]);
  }
  addEditors(users: unknown[]): this {
    this._assertManageable();
    this._customize();
    for (const u of users) this._editors.add(emailOf(u));
    return this;
  }
  /** Neither the spreadsheet owner nor the current user can be removed (Google's documented rule). */
  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }
  removeEditors(users: unknown[]): this {
    this._assertManageable();
    this._customize();
    for (const u of users) {
      const e = emailOf(u);
      if (e !== this._sheet._ss._owner && e !== this.env.effectiveUser) this._editors.delete(e);
    }
    return this;
  }
  getEditors(): UserImpl[] {
    const all = this._customized ? new Set([this._sheet._ss._owner, ...this._editors]) : this._mirrored();
    return [...all].map((e) => new UserImpl(this._ctr, e));
  }
  canEdit(): boolean {
    const u = this.env.effectiveUser;
    if (!this._customized) return true; // every editor of the file still can
    return u === this._sheet._ss._owner || this._editors.has(u) || this.domainEdit;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this._assertManageable();
    this._customize();
    this.domainEdit = editable;
    return this;
  }
  setDescription(d: string): this {
    this.description = d;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(w: boolean): this {
    this._assertManageable();
    this.warningOnly = w;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  getProtectionType(): ProtectionKind {
    return this._type;
  }
  getRange(): RangeImpl {
    return new RangeImpl(this._ctr, this._sheet, this._rect ?? this._sheet._wholeRect());
  }
  setRange(range: RangeImpl): this {
    if (this._type !== 'RANGE') throw new Error('not emulated: Protection.setRange on a sheet protection');
    this._rect = { ...range._rect };
    return this;
  }
  getUnprotectedRanges(): RangeImpl[] {
    return this._unprotected.map((r) => new RangeImpl(this._ctr, this._sheet, r));
  }
  setUnprotectedRanges(ranges: RangeImpl[]): this {
    if (this._type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this._unprotected = ranges.map((r) => ({ ...r._rect }));
    return this;
  }
  remove(): void {
    this._assertManageable();
    this._removed = true;
    this._sheet._ss._protections = this._sheet._ss._protections.filter((p) => p !== this);
  }
}
