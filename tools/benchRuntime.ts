// Bench part: the organizer's estimated trigger runtime on a marking day against the 90 min/day consumer quota.
import { contestTriggerHandlers, contextOf, createContestEmulator } from '../test/sample/emulator';
import { updateAppraisal } from '../src/flows/appraisal';
import { prepareJuryTabs } from '../src/flows/juryTabs';
import { setupAction } from '../src/flows/setup';
import { runMenuAction } from '../src/ui/runner';
import { escapeCell } from '../src/sheets/table';

const OWNER = 'btc@quandoan11.vn';
const APPRAISER = 'thamdinh@quandoan11.vn';
const CLIPS = 45;
const JURORS = 5;
const SHARES = 200;
/** Google's consumer quota for total trigger runtime per day (quotas page). */
export const CONSUMER_TRIGGER_MINUTES = 90;

export interface RuntimeEstimate {
  edits: { jurors: number; appraisal: number; shareLog: number };
  /** The organizer's estimated trigger runtime for the day, in minutes (emulator cost model: 300 ms + 60 ms per call). */
  organizerMinutes: number;
  installableRuns: number;
  share: number;
}

type Emu = ReturnType<typeof createContestEmulator>;

function column(emu: Emu, sheet: string, header: string): string {
  const s = emu.spreadsheet.getSheetByName(sheet)!;
  const i = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String).indexOf(header);
  if (i < 0) throw new Error(`bench: no ${header} in ${sheet}`);
  return String.fromCharCode(65 + i);
}

/**
 * A realistic marking day, every cell typed by a person (editCell): 5 jurors mark 45 clips and comment
 * on each, the appraiser ticks 10 criteria of every clip, the organizer types a share log of 200 rows.
 * Triggers wired as src/main.ts wires them; the day's runtime is read with emu.triggerRuntime.
 */
export function benchTriggerRuntime(): RuntimeEstimate {
  const jurors = Array.from({ length: JURORS }, (_, k) => ({ code: `GK${k + 1}`, name: `Giám khảo ${k + 1}`, email: `gk${k + 1}@quandoan11.vn` }));
  const emu = createContestEmulator({ owner: OWNER, user: OWNER, sharing: { editors: [APPRAISER, ...jurors.map((j) => j.email)] }, runtime: {} });
  emu.setNow(new Date('2023-06-14T08:00:00+07:00'));
  // Wired as src/main.ts wires them; the organizer has installed the add-on in this document.
  emu.setHandlers(contestTriggerHandlers(emu));
  emu.installAddon();
  runMenuAction(contextOf(emu), setupAction, undefined);
  const put = (sheet: string, rows: unknown[][]) => {
    const s = emu.spreadsheet.getSheetByName(sheet)!;
    s.getRange(2, 1, rows.length, rows[0].length).setValues(rows.map((r) => r.map((v) => escapeCell(v))));
  };
  put(
    'Ban giám khảo',
    jurors.map((j) => [j.code, j.name, j.email, '']),
  );
  const subs = emu.spreadsheet.getSheetByName('Bài dự thi')!;
  const headers = subs.getRange(1, 1, 1, subs.getLastColumn()).getValues()[0].map(String);
  const row = (k: number): Record<string, unknown> => ({
    'Mã bài': `HT-${String(k).padStart(3, '0')}`,
    'Thời gian nộp': `01/06/2023 08:${String(k).padStart(2, '0')}`,
    'Đơn vị': `Đoàn phường ${k}`,
    'Tên tác phẩm': `Clip ${k}`,
    'Link video': `https://youtu.be/c${k}`,
    'Trạng thái': 'Chờ thẩm định',
  });
  put(
    'Bài dự thi',
    Array.from({ length: CLIPS }, (_, k) => headers.map((h) => row(k + 1)[h] ?? '')),
  );
  const ctx = contextOf(emu);
  updateAppraisal(ctx);
  // Yesterday's appraisal: every clip passed, so the jury tabs list all 45.
  const appraisal = emu.spreadsheet.getSheetByName('Thẩm định')!;
  const tt1 = appraisal.getRange(1, 1, 1, appraisal.getLastColumn()).getValues()[0].map(String).indexOf('TT1');
  appraisal.getRange(2, tt1 + 1, CLIPS, 10).setValues(Array.from({ length: CLIPS }, () => new Array(10).fill(true)));
  updateAppraisal(ctx);
  prepareJuryTabs(ctx);
  emu.triggerRuns.length = 0;
  const day = new Date('2023-06-14T08:00:00+07:00');
  const before = emu.triggerRuntime(OWNER, day);

  let juryEdits = 0;
  for (const j of jurors) {
    emu.setUser(j.email);
    const tab = `BGK - ${j.name}`;
    const [markCol, commentCol] = [column(emu, tab, 'Điểm'), column(emu, tab, 'Nhận xét')];
    for (let k = 0; k < CLIPS; k++) {
      emu.editCell(tab, `${markCol}${k + 2}`, 60 + ((k * 7) % 40));
      emu.editCell(tab, `${commentCol}${k + 2}`, 'Nội dung tốt, âm thanh cần rõ hơn');
      juryEdits += 2;
    }
  }
  // Re-ticking (the appraiser's second pass of the day): one edit per criterion and clip.
  emu.setUser(APPRAISER);
  let appraisalEdits = 0;
  for (let k = 0; k < CLIPS; k++) {
    for (let t = 0; t < 10; t++) {
      emu.editCell('Thẩm định', `${String.fromCharCode(65 + tt1 + t)}${k + 2}`, t !== 3 || k % 9 !== 0);
      appraisalEdits++;
    }
  }
  emu.setUser(OWNER);
  const [idCol, accountCol, timeCol] = ['Mã bài', 'Tài khoản', 'Thời gian'].map((h) => column(emu, 'Nhật ký chia sẻ', h));
  for (let r = 0; r < SHARES; r++) {
    emu.editCell('Nhật ký chia sẻ', `${idCol}${r + 2}`, `HT-${String((r % CLIPS) + 1).padStart(3, '0')}`);
    emu.editCell('Nhật ký chia sẻ', `${accountCol}${r + 2}`, `fan${r}`);
    emu.editCell('Nhật ký chia sẻ', `${timeCol}${r + 2}`, `${13 + (r % 6)}/06/2023 10:${String(r % 60).padStart(2, '0')}`);
  }
  const organizerMs = emu.triggerRuntime(OWNER, day) - before;
  const installableRuns = emu.triggerRuns.filter((r) => r.handler === 'onSettingsEdit').length;
  const organizerMinutes = Math.round((organizerMs / 60000) * 10) / 10;
  return {
    edits: { jurors: juryEdits, appraisal: appraisalEdits, shareLog: SHARES * 3 },
    organizerMinutes,
    installableRuns,
    share: Math.round((organizerMinutes / CONSUMER_TRIGGER_MINUTES) * 1000) / 10,
  };
}

/** The bench's text for it. */
export function describeTriggerRuntime(r: RuntimeEstimate): string {
  return (
    `Ngày chấm (${JURORS} giám khảo × ${CLIPS} bài có nhận xét: ${r.edits.jurors} ô; tích thẩm định: ${r.edits.appraisal} ô; nhật ký chia sẻ gõ tay: ${r.edits.shareLog} ô): ` +
    `trigger của BTC chạy ${r.installableRuns} lần trình kích hoạt sửa, ước tính ${r.organizerMinutes} phút = ${r.share}% hạn mức ${CONSUMER_TRIGGER_MINUTES} phút/ngày (tài khoản thường).`
  );
}
