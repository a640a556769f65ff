// Spreadsheet.Protection: protected ranges and sheets, their editors, and the edit check behind every write.
import { CallCounter, Emulated } from './calls';
import { containsCell, intersects, Rect } from './a1';
import { PROTECTED_EDIT } from './errors';
import { emailOf, UserImpl } from './user';
import type { SheetImpl } from './sheet';
import { RangeImpl } from './range';
import type { Env } from './env';

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
    // Like Google: until the script changes the editor list, a new protection mirrors the
    // spreadsheet's editors (owner, collaborators, and whoever is running the script).
    this._editors = new Set([env.owner, env.effectiveUser, ...env.collaborators]);
  }

  /** Whether `user` may write through this protection. */
  _allows(user: string): boolean {
    return this.warningOnly || user === this.env.owner || this._editors.has(user) || this.domainEdit;
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

  private assertManageable(): void {
    if (!this.canEdit()) throw new Error(PROTECTED_EDIT);
  }

  addEditor(user: unknown): this {
    this.assertManageable();
    this._editors.add(emailOf(user));
    return this;
  }
  addEditors(users: unknown[]): this {
    this.assertManageable();
    for (const u of users) this._editors.add(emailOf(u));
    return this;
  }
  /** Neither the spreadsheet owner nor the current user can be removed (Google's documented rule). */
  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }
  removeEditors(users: unknown[]): this {
    this.assertManageable();
    for (const u of users) {
      const e = emailOf(u);
      if (e !== this.env.owner && e !== this.env.effectiveUser) this._editors.delete(e);
    }
    return this;
  }
  getEditors(): UserImpl[] {
    const all = new Set([this.env.owner, ...this._editors]);
    return [...all].map((e) => new UserImpl(this._ctr, e));
  }
  canEdit(): boolean {
    const u = this.env.effectiveUser;
    return u === this.env.owner || this._editors.has(u) || this.domainEdit;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this.assertManageable();
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
    this.assertManageable();
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
    const s = this._sheet;
    return new RangeImpl(this._ctr, s, this._rect ?? { row: 1, col: 1, numRows: s._maxRows, numCols: s._maxCols });
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
    this.assertManageable();
    this._removed = true;
    this._sheet._ss._protections = this._sheet._ss._protections.filter((p) => p !== this);
  }
}
