// Sheet and column protections: organizers only, plus a juror on their own tab, restricted from the start.
import type { LayoutContext } from './layout';
import type { SheetSchema } from './schema';
import { columnToLetters } from './a1';
import { adjacentRuns } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Restricts a protection that `protect()` has just made. Google: a new protection copies the file's
 * sharing and restricts nobody until the script changes its editor list, so without this a sheet
 * protected while the file had no other editors would stay open to everyone it is shared with later
 * (jurors, appraisers). Google's documented pattern: add the effective user (here `allowed`, which
 * starts with the organizer running the action), remove every other editor, then turn off domain edit.
 * The owner and the effective user cannot be removed, so they always keep access.
 */
export function restrictNewProtection(protection: Protection, allowed: string[]): void {
  const keep = allowed.filter((e) => e !== '');
  if (keep.length > 0) protection.addEditors(keep);
  const keys = new Set(keep.map((e) => e.toLowerCase()));
  const others = protection
    .getEditors()
    .map((u) => u.getEmail())
    .filter((e) => e !== '' && !keys.has(e.toLowerCase()));
  // Called even with nobody to remove when nobody was added: the call is what restricts the protection.
  if (others.length > 0 || keep.length === 0) protection.removeEditors(others);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/**
 * Adds the emails of `allowed` that are not editors of `protection` yet (one call, none when all are).
 * `editors`: the editors' emails when the caller has just read them (no second getEditors).
 */
function addMissingEditors(protection: Protection, allowed: string[], editors?: string[]): void {
  const current = new Set((editors ?? protection.getEditors().map((u) => u.getEmail())).map((e) => e.toLowerCase()));
  const toAdd = allowed.filter((e) => e !== '' && !current.has(e.toLowerCase()));
  if (toAdd.length > 0) protection.addEditors(toAdd);
}

/**
 * Sheet protection: `organizers` and `juror` sheets are protected (created once, restricted to the
 * organizers, plus the juror for a jury tab); `open` sheets are left as they are. Re-running only adds
 * missing editors, so co-organizers added by hand keep their access. On a jury tab a re-run also
 * removes other jurors (`jurorEmails`), because a juror must never edit another's marks; the owner,
 * the organizer running it, that juror and anyone else added by hand stay. `fresh`: the sheet was
 * just inserted, so it has no protection to look for.
 */
export function ensureProtection(
  ctx: LayoutContext,
  sheet: Sheet,
  schema: SheetSchema<string>,
  jurorEmail?: string,
  jurorEmails: string[] = [],
  fresh = false,
): void {
  if (schema.protection === 'open') return;
  const allowed = ctx.organizers.filter((e) => e !== '');
  if (schema.protection === 'juror' && jurorEmail) allowed.push(jurorEmail);
  const protection = fresh ? undefined : sheet.getProtections(ctx.app.ProtectionType.SHEET)[0];
  if (!protection) {
    restrictNewProtection(sheet.protect().setDescription(schema.description), allowed);
    return;
  }
  if (schema.protection === 'juror') {
    // An existing jury tab loses only other jurors, not the people an organizer added by hand.
    const allowedKeys = new Set(allowed.map((e) => e.toLowerCase()));
    const jurorKeys = new Set(jurorEmails.map((e) => e.toLowerCase()));
    const editors = protection.getEditors().map((u) => u.getEmail());
    const others = editors.filter((e) => e !== '' && !allowedKeys.has(e.toLowerCase()) && jurorKeys.has(e.toLowerCase()));
    if (others.length > 0) protection.removeEditors(others);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    addMissingEditors(
      protection,
      allowed,
      editors.filter((e) => !others.includes(e)),
    );
    return;
  }
  addMissingEditors(protection, allowed);
}

/** "I:L" for columns 9…12: whole columns, so the protection also covers rows added later. */
function columnsA1(start: number, count: number): string {
  return `${columnToLetters(start)}:${columnToLetters(start + count - 1)}`;
}

/**
 * Protects the columns `columns` (1-based sheet columns) of `sheet` as range protections described
 * `description`, editable by the organizers only: created once (one per run of adjacent columns),
 * found again by description on a re-run, which only adds missing organizers. Google moves a range
 * protection with its columns when columns are inserted or moved, so a re-run does not re-create it.
 * Returns the number of protections created.
 */
export function ensureColumnProtection(ctx: LayoutContext, sheet: Sheet, columns: number[], description: string): number {
  const allowed = ctx.organizers.filter((e) => e !== '');
  const existing = sheet.getProtections(ctx.app.ProtectionType.RANGE).filter((p) => p.getDescription() === description);
  if (existing.length > 0) {
    for (const p of existing) addMissingEditors(p, allowed);
    return 0;
  }
  const runs = adjacentRuns(columns);
  for (const run of runs) {
    restrictNewProtection(sheet.getRange(columnsA1(run.start, run.members.length)).protect().setDescription(description), allowed);
  }
  return runs.length;
}
