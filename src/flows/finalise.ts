// "Chốt kết quả" / "Mở lại kết quả": snapshot of the results with time, user and input checksums; input sheets locked while final; reopening logs a reason.
import { fnv1a, valuesChecksum } from '../domain/checksum';
import { formatDateTime } from '../domain/parse';
import type { Problem } from '../domain/types';
import { AWARDS } from '../sheets/awards';
import { ContestError } from '../sheets/errors';
import { JURORS } from '../sheets/jurors';
import { JURY_TAB_PREFIX } from '../sheets/juryTab';
import { restrictNewProtection } from '../sheets/protection';
import { sheetIndexOf, type NamedSheet, SheetIndex } from '../sheets/sheetIndex';
import { RESULTS } from '../sheets/results';
import { SHARE_LOG } from '../sheets/shareLog';
import { SHEET_ORDER } from '../sheets/workbook';
import { escapeCell } from '../sheets/table';
import type { MenuAction } from './action';
import { assertCanWrite, contestStore, withLock, type ActionContext, type Summary } from './context';
import { childLines } from './outline';

export const FINALISE_TITLE = 'Chốt kết quả';
export const REOPEN_TITLE = 'Mở lại kết quả';

/** Document property holding the final state (JSON of FinalState) while results are final. */
export const FINAL_PROPERTY = 'hoithi.final';
/** Description of the sheet protections finalising adds to sheets that had none ("Thẩm định"). */
export const FINAL_PROTECTION = 'Đã chốt kết quả: chỉ Ban tổ chức được sửa cho đến khi mở lại kết quả.';
/** Sheets whose values decide the results: setup's sheets up to "Nhật ký chia sẻ" (jury tabs are added by name). */
export const INPUT_SHEETS = SHEET_ORDER.slice(0, SHEET_ORDER.indexOf(SHARE_LOG.name) + 1);
/** The sheets snapshot, and the name of each copy. */
export const SNAPSHOTS = [RESULTS.name, AWARDS.name];
export const snapshotName = (name: string): string => `${name} (chốt)`;

/** What "Chốt kết quả" recorded: when, by whom, each input's checksum, and how each protection was changed. */
export interface FinalState {
  at: string;
  user: string;
  checksums: Record<string, string>;
  /** Per sheet: a protection finalising created (removed on reopening), or editors it removed (added back). */
  locks: { sheet: string; created: boolean; removed: string[] }[];
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The input sheets as they are now, with their names: the fixed ones that exist, then every "BGK - …"
 * tab. `sheets`: the action's index, so the sheet list and names are read once however often this is asked.
 */
export function inputSheets(sheets: Spreadsheet | SheetIndex): NamedSheet[] {
  const all = sheetIndexOf(sheets).list();
  const byName = new Map(all.map((s) => [s.name.toLowerCase(), s]));
  const fixed = INPUT_SHEETS.map((n) => byName.get(n.toLowerCase())).filter((s): s is NamedSheet => s !== undefined);
  return [...fixed, ...all.filter((s) => s.name.startsWith(JURY_TAB_PREFIX))];
}

/** Checksum of every input sheet's values (one getValues each), by sheet name; `sheets` may be the input sheets already listed. */
export function inputChecksums(sheets: Spreadsheet | SheetIndex | NamedSheet[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of Array.isArray(sheets) ? sheets : inputSheets(sheets)) out[s.name] = valuesChecksum(s.sheet.getDataRange().getValues());
  return out;
}

/** One checksum of the whole set (sheet names and their checksums, in name order). */
export function combinedChecksum(checksums: Record<string, string>): string {
  return fnv1a(
    Object.keys(checksums)
      .sort()
      .map((k) => `${k}=${checksums[k]}`)
      .join(';'),
  );
}

/** Sheets changed, added or removed since `before` (sheet names, in that order of discovery). */
export function changedSheets(before: Record<string, string>, now: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(now)])];
  return names.filter((n) => before[n] !== now[n]);
}

/** The final state, or null while results are open (or the property cannot be read as one). */
export function readFinalState(ctx: ActionContext): FinalState | null {
  // "Chốt kết quả" runs under the document lock, so it only ever writes the document's properties: with a
  // document, that store alone is read (two calls), never the user-store fallback of contestStore.
  const doc = ctx.services.propertiesService.getDocumentProperties();
  const raw = doc ? doc.getProperty(FINAL_PROPERTY) : contestStore(ctx).getProperty(FINAL_PROPERTY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as FinalState;
    return parsed && typeof parsed.at === 'string' && parsed.checksums ? parsed : null;
  } catch {
    return null;
  }
}

function when(ctx: ActionContext, state: FinalState): string {
  return formatDateTime(new Date(state.at), ctx.spreadsheet.getSpreadsheetTimeZone());
}

/** "Dữ liệu đã thay đổi sau khi chốt …: trang "Tương tác", …", or null when no input changed. */
export function changedSinceFinalMessage(ctx: ActionContext, state: FinalState, sheets: SheetIndex = new SheetIndex(ctx.spreadsheet)): string | null {
  const changed = changedSheets(state.checksums, inputChecksums(sheets));
  if (changed.length === 0) return null;
  return `Dữ liệu đầu vào đã thay đổi sau khi chốt kết quả lúc ${when(ctx, state)}: ${changed.map((n) => `trang "${n}"`).join(', ')}. Kết quả đã chốt không tính các thay đổi này; nếu cần, hãy chạy "${REOPEN_TITLE}" rồi tính lại.`;
}

/**
 * Stops `title` ("Tính điểm", "Lập danh sách khen thưởng") while results are final, before anything is
 * read or written; the message says who finalised and when, and which inputs changed since.
 */
export function assertNotFinal(ctx: ActionContext, title: string): void {
  const state = readFinalState(ctx);
  if (!state) return;
  const problems: Problem[] = [
    {
      code: 'final.locked',
      severity: 'stops-action',
      message: `Kết quả đã được chốt lúc ${when(ctx, state)} bởi ${state.user || '(không rõ tài khoản)'}, nên "${title}" không chạy. Muốn tính lại, BTC chạy "Hội thi → ${REOPEN_TITLE}" (có ghi lý do vào "Nhật ký").`,
    },
  ];
  const changed = changedSinceFinalMessage(ctx, state);
  if (changed) problems.push({ code: 'final.changed', severity: 'info', message: changed });
  throw new ContestError(problems);
}

/** For the menu door: a warning when results are final and an input changed since (null otherwise). */
export function finalChangeWarning(ctx: ActionContext): string | null {
  const state = readFinalState(ctx);
  return state ? changedSinceFinalMessage(ctx, state) : null;
}

/** Copies the values of `name` into "<name> (chốt)" (created or cleared), protected to the organizers; A1 notes when and by whom. */
function snapshot(ctx: ActionContext, sheets: SheetIndex, name: string, stamp: string): number {
  const source = sheets.getSheetByName(name);
  if (!source)
    throw new ContestError([
      {
        code: 'final.no_sheet',
        severity: 'stops-action',
        message: `Không tìm thấy trang "${name}" để chốt. Hãy chạy "Tính điểm" và "Lập danh sách khen thưởng" trước.`,
        sheet: name,
      },
    ]);
  const values = source.getDataRange().getValues();
  const copyName = snapshotName(name);
  let copy = sheets.getSheetByName(copyName);
  if (copy) copy.clearContents();
  else {
    copy = sheets.insertSheetLast(copyName);
    restrictNewProtection(copy.protect().setDescription(`Bản chốt của trang "${name}" (chỉ Ban tổ chức được sửa).`), ctx.user ? [ctx.user] : []);
  }
  const rows = values.length;
  const cols = Math.max(1, values[0]?.length ?? 1);
  if (copy.getMaxRows() < rows) copy.insertRowsAfter(copy.getMaxRows(), rows - copy.getMaxRows());
  if (copy.getMaxColumns() < cols) copy.insertColumnsAfter(copy.getMaxColumns(), cols - copy.getMaxColumns());
  copy.getRange(1, 1, rows, cols).setValues(values.map((r) => r.map((v) => escapeCell(v))));
  copy.getRange(1, 1, 1, cols).setFontWeight('bold');
  copy.getRange(1, 1).setNote(stamp);
  return Math.max(0, rows - 1);
}

/**
 * Locks the input sheets to the organizers: jurors (emails in "Ban giám khảo") are removed from every
 * existing sheet protection (their own tabs above all), and a sheet without one ("Thẩm định") gets a
 * new protection restricted to the user finalising. Returns what to undo on reopening.
 */
function lockInputs(ctx: ActionContext, inputs: NamedSheet[], jurorEmails: Set<string>): FinalState['locks'] {
  const type = ctx.services.spreadsheetApp.ProtectionType.SHEET;
  const me = ctx.user.toLowerCase();
  return inputs.map(({ sheet, name }) => {
    const existing = sheet.getProtections(type)[0];
    if (!existing) {
      restrictNewProtection(sheet.protect().setDescription(FINAL_PROTECTION), ctx.user ? [ctx.user] : []);
      return { sheet: name, created: true, removed: [] };
    }
    const removed = existing
      .getEditors()
      .map((u) => u.getEmail())
      .filter((e) => e !== '' && e.toLowerCase() !== me && jurorEmails.has(e.toLowerCase()));
    if (removed.length > 0) existing.removeEditors(removed);
    return { sheet: name, created: false, removed };
  });
}

/** Emails in "Ban giám khảo" (column found by header), lower case. */
function jurorEmailSet(sheets: SheetIndex): Set<string> {
  const sheet = sheets.getSheetByName(JURORS.name);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  const col = (values[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === 'email');
  return new Set(
    col < 0
      ? []
      : values
          .slice(1)
          .map((r) =>
            String(r[col] ?? '')
              .trim()
              .toLowerCase(),
          )
          .filter((e) => e !== ''),
  );
}

/**
 * "Chốt kết quả": copies "Kết quả" and "Giải thưởng" to "… (chốt)" sheets, stores the time, the user
 * and a checksum of each input sheet in the document properties, and locks the inputs to the
 * organizers. "Tính điểm" and "Lập danh sách khen thưởng" then refuse until "Mở lại kết quả".
 */
export function finaliseResults(ctx: ActionContext): Summary {
  return withLock(ctx, () => {
    const state = readFinalState(ctx);
    const sheets = new SheetIndex(ctx.spreadsheet);
    if (state) {
      const changed = changedSinceFinalMessage(ctx, state, sheets);
      throw new ContestError([
        {
          code: 'final.already',
          severity: 'stops-action',
          message: `Kết quả đã được chốt lúc ${when(ctx, state)} bởi ${state.user || '(không rõ tài khoản)'}. Muốn chốt lại, hãy chạy "${REOPEN_TITLE}" trước.`,
        },
        ...(changed ? [{ code: 'final.changed', severity: 'info' as const, message: changed }] : []),
      ]);
    }
    // One list of the input sheets serves the access check, the checksums and the locks.
    const inputs = inputSheets(sheets);
    assertCanWrite(ctx, FINALISE_TITLE, [...inputs.map((s) => s.name), ...SNAPSHOTS, ...SNAPSHOTS.map(snapshotName)], sheets);
    const checksums = inputChecksums(inputs);
    const total = combinedChecksum(checksums);
    const whenText = formatDateTime(ctx.now, ctx.spreadsheet.getSpreadsheetTimeZone());
    const stamp = `Chốt lúc ${whenText} bởi ${ctx.user || '(không rõ tài khoản)'}; mã kiểm tra dữ liệu ${total}.`;
    const counts = SNAPSHOTS.map((name) => snapshot(ctx, sheets, name, stamp));
    const locks = lockInputs(ctx, inputs, jurorEmailSet(sheets));
    const saved: FinalState = { at: ctx.now.toISOString(), user: ctx.user, checksums, locks };
    contestStore(ctx).setProperty(FINAL_PROPERTY, JSON.stringify(saved));
    const jurorTabs = locks.filter((l) => l.sheet.startsWith(JURY_TAB_PREFIX)).length;
    return {
      title: FINALISE_TITLE,
      lines: [
        `Đã chốt kết quả lúc ${whenText} (${ctx.user || 'không rõ tài khoản'}); mã kiểm tra dữ liệu ${total}.`,
        `Bản chốt: trang "${snapshotName(RESULTS.name)}" (${counts[0]} bài), trang "${snapshotName(AWARDS.name)}" (${counts[1]} dòng).`,
        `Đã khoá ${locks.length} trang đầu vào (${jurorTabs} phiếu chấm BGK): chỉ Ban tổ chức sửa được; "Tính điểm" và "Lập danh sách khen thưởng" tạm dừng cho đến khi "${REOPEN_TITLE}".`,
        'Mã kiểm tra từng trang:',
        ...childLines(
          Object.entries(checksums).map(([n, c]) => `${n}: ${c}`),
          50,
        ),
      ],
      warnings: [],
    };
  });
}

/**
 * "Mở lại kết quả" with the organizer's `reason` (required): restores the protections finalising
 * changed (jurors edit their tabs again), forgets the final state, and logs the reason; says which
 * inputs changed while final. The "… (chốt)" copies stay as the record of what was finalised.
 */
export function reopenResults(ctx: ActionContext, reason: string): Summary {
  return withLock(ctx, () => {
    const state = readFinalState(ctx);
    if (!state)
      throw new ContestError([{ code: 'final.not_final', severity: 'stops-action', message: `Kết quả chưa được chốt nên không cần "${REOPEN_TITLE}".` }]);
    const why = (reason ?? '').trim();
    if (why === '')
      throw new ContestError([
        {
          code: 'final.no_reason',
          severity: 'stops-action',
          message: `Cần ghi lý do mở lại kết quả (lý do được lưu ở trang "Nhật ký"). Kết quả vẫn đang chốt.`,
        },
      ]);
    const sheets = new SheetIndex(ctx.spreadsheet);
    const changed = changedSinceFinalMessage(ctx, state, sheets);
    const type = ctx.services.spreadsheetApp.ProtectionType.SHEET;
    const warnings: string[] = [];
    let restored = 0;
    for (const lock of state.locks ?? []) {
      const sheet = sheets.getSheetByName(lock.sheet);
      if (!sheet) {
        warnings.push(`Không thấy trang "${lock.sheet}" (đã đổi tên hoặc xoá sau khi chốt) nên không khôi phục quyền sửa của trang này.`);
        continue;
      }
      const protections = sheet.getProtections(type);
      if (lock.created) {
        for (const p of protections.filter((x) => x.getDescription() === FINAL_PROTECTION)) p.remove();
        restored++;
      } else if (lock.removed.length > 0 && protections[0]) {
        protections[0].addEditors(lock.removed);
        restored++;
      }
    }
    contestStore(ctx).deleteProperty(FINAL_PROPERTY);
    const lines = [
      `Đã mở lại kết quả (chốt lúc ${when(ctx, state)} bởi ${state.user || '(không rõ tài khoản)'}). Lý do: ${why}`,
      `Đã khôi phục quyền sửa của ${restored} trang (giám khảo sửa lại được phiếu chấm của mình); "Tính điểm" và "Lập danh sách khen thưởng" chạy lại được.`,
    ];
    if (changed) warnings.unshift(changed);
    return { title: REOPEN_TITLE, lines, warnings };
  });
}

export const finaliseAction: MenuAction = { title: FINALISE_TITLE, finalNotice: false, run: finaliseResults };
export const reopenAction: MenuAction<string> = { title: REOPEN_TITLE, finalNotice: false, run: reopenResults };
