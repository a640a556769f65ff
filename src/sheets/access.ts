// Who may write where: the protected sheets and ranges among those an action writes that the current user cannot edit.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/**
 * Names of the sheets in `sheetNames` that the current user cannot write: a sheet protection, or a
 * range protection on that sheet, whose Protection.canEdit() is false. Sheets that do not exist yet
 * are skipped (creating them is allowed). Checked before an action writes anything, so a
 * non-organizer gets a Vietnamese message instead of Google's error after half the writes.
 * Costs getSheetByName, getProtections and canEdit per existing sheet, plus one spreadsheet-wide
 * getProtections(RANGE).
 */
export function blockedSheets(spreadsheet: Spreadsheet, app: SpreadsheetApp, sheetNames: string[]): string[] {
  const wanted = new Set<string>();
  const blocked: string[] = [];
  const block = (name: string): void => {
    if (!blocked.some((b) => b.toLowerCase() === name.toLowerCase())) blocked.push(name);
  };
  for (const name of sheetNames) {
    if (wanted.has(name.toLowerCase())) continue;
    wanted.add(name.toLowerCase());
    const sheet = spreadsheet.getSheetByName(name);
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
