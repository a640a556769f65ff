// Keeps "Tương tác" holding one row per passed clip (organizers then type reactions and shares).
import { ENGAGEMENT } from '../sheets/engagement';
import type { SheetLookup } from '../sheets/sheetIndex';
import { appendRecords, readSheet, text } from '../sheets/table';

/**
 * Appends a row for each passed clip that has none yet, with the fanpage post link when known.
 * Existing rows (and what organizers typed in them) are never touched. Returns how many were added.
 */
export function syncEngagementRows(spreadsheet: SheetLookup, clips: { clipId: string; post: string }[]): number {
  const table = readSheet(spreadsheet, ENGAGEMENT);
  const have = new Set(table.rows.map((r) => text(table, r, 'id').toUpperCase()));
  const fresh = clips.filter((c) => !have.has(c.clipId.toUpperCase()));
  appendRecords(
    table,
    fresh.map((c) => ({ id: c.clipId, post: c.post })),
  );
  return fresh.length;
}
