// SpreadsheetApp: the active (bound) spreadsheet, opening and creating files, Ui, flush and enums.
import { CallCounter, Emulated } from '../core/calls';
import { DataValidationBuilderImpl, DataValidationCriteria } from './dataValidation';
import { ProtectionType } from './protection';
import { SpreadsheetImpl } from './spreadsheet';
import { UiImpl } from '../base/ui';
import type { SheetImpl } from './sheet';
import type { RangeImpl } from './range';
import type { Env } from '../core/env';
import { NO_ACCESS_DOCUMENT, UI_FROM_THIS_CONTEXT } from '../core/errors';

export class SpreadsheetAppImpl extends Emulated {
  static kind = 'SpreadsheetApp';
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = Object.freeze({ WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' });
  readonly BorderStyle = Object.freeze({
    DOTTED: 'DOTTED',
    DASHED: 'DASHED',
    SOLID: 'SOLID',
    SOLID_MEDIUM: 'SOLID_MEDIUM',
    SOLID_THICK: 'SOLID_THICK',
    DOUBLE: 'DOUBLE',
  });
  readonly Dimension = Object.freeze({ COLUMNS: 'COLUMNS', ROWS: 'ROWS' });
  readonly SheetType = Object.freeze({ GRID: 'GRID', OBJECT: 'OBJECT', DATASOURCE: 'DATASOURCE' });
  readonly CopyPasteType = Object.freeze({ PASTE_NORMAL: 'PASTE_NORMAL', PASTE_VALUES: 'PASTE_VALUES', PASTE_FORMAT: 'PASTE_FORMAT' });
  /** Number of flush() calls, for "flush at most once per action" checks. */
  _flushes = 0;

  constructor(
    ctr: CallCounter,
    private readonly _env: Env,
    private readonly _ui: UiImpl,
  ) {
    super(ctr);
  }

  /** Creates and registers a spreadsheet; the first one becomes the bound (active) spreadsheet. */
  _create(name: string): SpreadsheetImpl {
    const ss = new SpreadsheetImpl(this._ctr, this._env, this._env.fileId(), name, this._env.timeZone, this._env.locale);
    this._env.spreadsheets.set(ss._id, ss);
    // With sharing enforced, a file made after the bound one belongs to its creator and is shared with nobody.
    if (this._env.enforceSharing && this._env.spreadsheets.size > 1) {
      ss._owner = this._env.effectiveUser;
      ss._editors = new Set();
    }
    return ss;
  }
  /** With sharing enforced, only people the file is shared with (any role) can open it. */
  private _opened(ss: SpreadsheetImpl | undefined, method: string): SpreadsheetImpl {
    if (!ss) throw new Error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    if (this._env.enforceSharing && !ss._canView(this._env.effectiveUser)) throw new Error(NO_ACCESS_DOCUMENT);
    return ss;
  }

  getActiveSpreadsheet(): SpreadsheetImpl | null {
    return this._env.active ?? null;
  }
  getActive(): SpreadsheetImpl | null {
    return this._env.active ?? null;
  }
  getActiveSheet(): SheetImpl | null {
    return this._env.active?._activeSheet ?? null;
  }
  setActiveSheet(sheet: SheetImpl): SheetImpl {
    sheet._ss._activeSheet = sheet;
    return sheet;
  }
  setActiveSpreadsheet(ss: SpreadsheetImpl): void {
    this._env.active = ss;
  }
  getActiveRange(): RangeImpl | null {
    const sheet = this._env.active?._activeSheet;
    return sheet ? sheet.getRange('A1') : null;
  }
  openById(id: string): SpreadsheetImpl {
    return this._opened(this._env.spreadsheets.get(id), 'openById');
  }
  openByUrl(url: string): SpreadsheetImpl {
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url);
    return this._opened(m ? this._env.spreadsheets.get(m[1]) : undefined, 'openByUrl');
  }
  create(name: string): SpreadsheetImpl {
    return this._create(name);
  }
  /** Ui reference: a script "can only interact with the UI for the current instance of an open editor". */
  getUi(): UiImpl {
    if (this._env.noUi) throw new Error(UI_FROM_THIS_CONTEXT);
    return this._ui;
  }
  /** Nothing is pending in memory; counted so benchmarks can see how often code flushes. */
  flush(): void {
    this._flushes++;
  }
  newDataValidation(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._ctr);
  }
}
