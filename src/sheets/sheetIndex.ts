// One action's view of the spreadsheet's sheets by name: each name looked up once, the whole list read at most once, kept in step with the sheets the action inserts or renames.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What finding a sheet by name needs: a Spreadsheet itself, or an action's SheetIndex. */
export type SheetLookup = Pick<Spreadsheet, 'getSheetByName'>;

export interface NamedSheet {
  sheet: Sheet;
  name: string;
}

/**
 * The sheets of `spreadsheet` as one action sees them. Every service call here would otherwise be
 * repeated by each reader and writer of the action (a getSheetByName per read, a getSheets per insert):
 * once the list is read (getSheets and one getName per sheet, which locating the jury tabs needs
 * anyway) every lookup is free; before that each name costs one getSheetByName, the first time.
 * Made per action and never kept: sheets added, renamed or deleted by anyone else between actions
 * are seen by the next action's index. Names are matched ignoring case, as Sheets does.
 */
export class SheetIndex implements SheetLookup {
  private listed: NamedSheet[] | null = null;
  private readonly byName = new Map<string, Sheet | null>();
  private count: number | null = null;

  constructor(readonly spreadsheet: Spreadsheet) {}

  /** Every sheet in tab order with its name (getSheets and one getName each, the first time only). */
  list(): readonly NamedSheet[] {
    if (!this.listed) {
      this.listed = this.spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
      this.byName.clear();
      for (const s of this.listed) this.byName.set(s.name.toLowerCase(), s.sheet);
      this.count = this.listed.length;
    }
    return this.listed;
  }

  getSheetByName(name: string): Sheet | null {
    const key = name.toLowerCase();
    if (!this.listed && !this.byName.has(key)) this.byName.set(key, this.spreadsheet.getSheetByName(name));
    return this.byName.get(key) ?? null;
  }

  /** A new sheet called `name`, inserted last so the workbook keeps the order in which sheets are created. */
  insertSheetLast(name: string): Sheet {
    this.count ??= this.spreadsheet.getNumSheets();
    const sheet = this.spreadsheet.insertSheet(name, this.count);
    this.count++;
    this.byName.set(name.toLowerCase(), sheet);
    this.listed?.push({ sheet, name });
    return sheet;
  }

  /** Renames `sheet` (setName) and remembers it under its new name only. */
  rename(sheet: Sheet, from: string, to: string): void {
    sheet.setName(to);
    if (this.byName.get(from.toLowerCase()) === sheet) this.byName.set(from.toLowerCase(), null);
    this.byName.set(to.toLowerCase(), sheet);
    const entry = this.listed?.find((s) => s.sheet === sheet);
    if (entry) entry.name = to;
  }
}

/** `sheets` when it is an index already, else a new index of the spreadsheet. */
export function sheetIndexOf(sheets: Spreadsheet | SheetIndex): SheetIndex {
  return sheets instanceof SheetIndex ? sheets : new SheetIndex(sheets);
}
