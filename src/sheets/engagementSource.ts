// Who wrote a row's counts in "Tương tác" ("Nguồn": Fanpage or Nhập tay) and the freeze marker of the Fanpage counts.
import { isBlank, normalizeName } from '../domain/parse';
import type { EngagementKey } from './engagement';
import { cell, text, type Table, type TableRow } from './table';

export const SOURCE_FANPAGE = 'Fanpage';
export const SOURCE_MANUAL = 'Nhập tay';

export type CountSource = 'fanpage' | 'manual' | 'empty';

/**
 * "Fanpage" rows are the add-on's to rewrite. "Nhập tay", or any other Nguồn (blank included) next to
 * a typed count, is a person's number; a row with no count at all is free to fill.
 */
export function countSource(table: Table<EngagementKey>, r: TableRow): CountSource {
  const source = normalizeName(text(table, r, 'source'));
  if (source === normalizeName(SOURCE_FANPAGE)) return 'fanpage';
  if (source === normalizeName(SOURCE_MANUAL)) return 'manual';
  return isBlank(cell(table, r, 'reactions')) && isBlank(cell(table, r, 'shares')) ? 'empty' : 'manual';
}

/** The document property holding the frozen snapshot (one per spreadsheet, seen by every organizer). */
export const FREEZE_PROPERTY = 'hoithi.fanpage.frozen';

export interface FrozenCounts {
  /** When the counts were read (ISO). */
  readAt: string;
  /** "Kết thúc bình chọn" the freeze was for (ISO): moving the setting later reopens reading. */
  windowEnd: string;
  /** Minutes after the window's end the read happened (0 = on time). */
  lateMinutes: number;
  /** Clip ID → [reactions, shares] as frozen. */
  counts: Record<string, [number, number]>;
}

export function loadFrozen(props: Pick<GoogleAppsScript.Properties.Properties, 'getProperty'>): FrozenCounts | null {
  const raw = props.getProperty(FREEZE_PROPERTY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as FrozenCounts;
  } catch {
    return null;
  }
}

export function saveFrozen(props: Pick<GoogleAppsScript.Properties.Properties, 'setProperty'>, frozen: FrozenCounts): void {
  props.setProperty(FREEZE_PROPERTY, JSON.stringify(frozen));
}
