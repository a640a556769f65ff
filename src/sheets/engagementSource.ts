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

/**
 * A stored value stays under Google's 9 KB per property value: a snapshot larger than this (about 400
 * clips and more) keeps its counts in numbered parts "<FREEZE_PROPERTY>.1", ".2", … next to it.
 */
const MAX_VALUE_BYTES = 8_000;

/** UTF-8 length, which is what Google's limit counts (no TextEncoder in Apps Script). */
function utf8Bytes(text: string): number {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/gi, 'x').length;
}

type StoredFrozen = FrozenCounts & { parts?: number };

function parsed<T>(raw: string | null): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function loadFrozen(props: Pick<GoogleAppsScript.Properties.Properties, 'getProperty'>): FrozenCounts | null {
  const stored = parsed<StoredFrozen>(props.getProperty(FREEZE_PROPERTY));
  if (!stored) return null;
  const { parts = 0, ...frozen } = stored;
  for (let i = 1; i <= parts; i++) {
    const part = parsed<FrozenCounts['counts']>(props.getProperty(`${FREEZE_PROPERTY}.${i}`));
    if (!part) return null; // a part lost: no snapshot rather than a partial one
    Object.assign(frozen.counts, part);
  }
  return frozen;
}

/** The counts split into JSON objects of at most MAX_VALUE_BYTES each (entries sized one by one). */
function countParts(counts: FrozenCounts['counts']): string[] {
  const parts: string[][] = [[]];
  let bytes = 2; // the braces
  for (const [id, pair] of Object.entries(counts)) {
    const entry = `${JSON.stringify(id)}:${JSON.stringify(pair)}`;
    const size = utf8Bytes(entry) + 1; // and its comma
    if (parts[parts.length - 1].length > 0 && bytes + size > MAX_VALUE_BYTES) {
      parts.push([]);
      bytes = 2;
    }
    parts[parts.length - 1].push(entry);
    bytes += size;
  }
  return parts.map((entries) => `{${entries.join(',')}}`);
}

export function saveFrozen(props: Pick<GoogleAppsScript.Properties.Properties, 'setProperty'>, frozen: FrozenCounts): void {
  const whole = JSON.stringify(frozen);
  if (utf8Bytes(whole) <= MAX_VALUE_BYTES) {
    props.setProperty(FREEZE_PROPERTY, whole);
    return;
  }
  const parts = countParts(frozen.counts);
  // Parts first: the snapshot names them only once they are all stored.
  parts.forEach((part, i) => props.setProperty(`${FREEZE_PROPERTY}.${i + 1}`, part));
  props.setProperty(FREEZE_PROPERTY, JSON.stringify({ ...frozen, counts: {}, parts: parts.length }));
}
