// Who may write where: the protected sheets and ranges among those an action writes that the current user cannot edit.
import type { SheetLookup } from './sheetIndex';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/**
 * Whether `user` owns the spreadsheet (two calls). Google: the owner can always edit every protected
 * sheet and range, so nothing can block them. A file in a shared drive has no owner (getOwner() is
 * null), and an unknown user ('') owns nothing: then the protections are asked one by one.
 */
export function isOwner(spreadsheet: Spreadsheet, user: string): boolean {
  if (user === '') return false;
  const owner = spreadsheet.getOwner();
  return owner !== null && owner.getEmail().toLowerCase() === user.toLowerCase();
}

/**
 * Names of the sheets in `sheetNames` that the current user cannot write: a sheet protection, or a
 * range protection on that sheet, whose Protection.canEdit() is false. Sheets that do not exist yet
 * are skipped (creating them is allowed). Checked before an action writes anything, so a
 * non-organizer gets a Vietnamese message instead of Google's error after half the writes.
 * Costs getSheetByName (from `sheets`, free when the action's index has listed them), getProtections
 * and canEdit per existing sheet, plus one spreadsheet-wide getProtections(RANGE).
 */
export function blockedSheets(spreadsheet: Spreadsheet, app: SpreadsheetApp, sheetNames: string[], sheets: SheetLookup = spreadsheet): string[] {
  const wanted = new Set<string>();
  const blocked: string[] = [];
  const block = (name: string): void => {
    if (!blocked.some((b) => b.toLowerCase() === name.toLowerCase())) blocked.push(name);
  };
  for (const name of sheetNames) {
    if (wanted.has(name.toLowerCase())) continue;
    wanted.add(name.toLowerCase());
    const sheet = sheets.getSheetByName(name);
    if (!sheet) continue;
    if (sheet.getProtections(app.ProtectionType.SHEET).some((p) => !p.canEdit())) block(name);
  }
  // Range protections are rare (organizers add them by hand): one call lists them all.
  for (const p of spreadsheet.getProtections(app.ProtectionType.RANGE)) {
    if (p.canEdit()) continue;
    const name = p.getRange().getSheet().getName();
    if (wanted.has(name.toLowerCase())) block(name);
  }
  return blocked;
}
