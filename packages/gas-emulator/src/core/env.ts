// Shared state of one emulator instance: clock, users, ids, counters and registries of files.
import { CallCounter } from './calls';
import type { SpreadsheetImpl } from '../spreadsheet/spreadsheet';
import type { UiRecorder } from '../base/ui';

/** Small seeded PRNG (mulberry32) so ids and UUIDs are reproducible between runs. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

interface EnvInit {
  owner: string;
  user: string;
  timeZone: string;
  locale: string;
  now?: () => Date;
  seed: number;
}

export class Env {
  readonly ctr = new CallCounter();
  readonly owner: string;
  /** Session.getActiveUser(). */
  activeUser: string;
  /** Session.getEffectiveUser(); edits and protections are checked against this user. */
  effectiveUser: string;
  timeZone: string;
  locale: string;
  private readonly random: () => number;
  private pinnedMs: number | undefined;
  private offsetMs = 0;
  private readonly nowFn: () => Date;
  /** Every spreadsheet this emulator knows, by id (SpreadsheetApp.openById, form destinations). */
  readonly spreadsheets = new Map<string, SpreadsheetImpl>();
  /** The bound spreadsheet (SpreadsheetApp.getActiveSpreadsheet). */
  active: SpreadsheetImpl | undefined;
  /** The document an add-on's clock trigger execution belongs to (its trigger's): triggers it creates belong there too. */
  triggerDocId: string | null = null;
  /** People the spreadsheet is shared with as editors; new protections start with them, like Google. */
  readonly collaborators = new Set<string>();
  ui!: UiRecorder;
  /** Editor add-on rules (createEmulator({ addon: true })): add-on menus, host-file triggers, per-document state. */
  addon = false;
  /** With `addon`: refuse getScriptLock() and getProjectTriggers(), which reach across every installation (stricter than Google). */
  refuseProjectWide = false;
  /** File-level sharing is enforced (createEmulator({ sharing })): only the owner and editors write. */
  enforceSharing = false;
  /** Forms open only for their owner and editors (createEmulator({ formAccess }) or { sharing }). */
  formAccess = false;
  /** Utilities.newBlob refuses byte values outside -128..127 (createEmulator({ signedBytes: true })). */
  signedBytes = false;
  /** The running execution is a clock or form-submit trigger: no editor is open, SpreadsheetApp.getUi() throws. */
  noUi = false;
  /** The files live in a shared drive (createEmulator({ sharedDrive: true })): Spreadsheet.getOwner() is null. */
  sharedDrive = false;
  /** FormResponse.submit() from a script fires no trigger, as Google documents (false: queue them, the old emulator). */
  strictScriptSubmits = true;

  constructor(init: EnvInit) {
    this.owner = init.owner;
    this.activeUser = init.user;
    this.effectiveUser = init.user;
    this.timeZone = init.timeZone;
    this.locale = init.locale;
    this.nowFn = init.now ?? (() => new Date());
    this.random = seededRandom(init.seed);
  }

  /** Emulator clock: follows `now` (or the real/fake system clock) unless pinned with setNow. */
  now(): Date {
    const base = this.pinnedMs ?? this.nowFn().getTime();
    return new Date(base + this.offsetMs);
  }
  setNow(d: Date): void {
    this.pinnedMs = d.getTime();
    this.offsetMs = 0;
  }
  /** Utilities.sleep and lock waits move time forward without waiting. */
  advance(ms: number): void {
    this.offsetMs += Math.max(0, ms);
  }

  rand(): number {
    return this.random();
  }
  /** Drive-like file id: 44 characters starting with "1". */
  fileId(len = 44): string {
    let s = '1';
    while (s.length < len) s += ID_CHARS[Math.floor(this.random() * 64)];
    return s;
  }
  /** Positive integer ids (sheet ids, form item ids). */
  intId(max = 2_000_000_000): number {
    return 1 + Math.floor(this.random() * (max - 1));
  }
  isVietnamese(locale: string = this.locale): boolean {
    return locale.toLowerCase().startsWith('vi');
  }
}
