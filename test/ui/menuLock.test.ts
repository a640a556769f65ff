// The menu door runs an action holding the contest's document lock: one action at a time per contest, none while a submission is written.
import { auditLogAction } from '../../src/flows/auditLog';
import type { Summary } from '../../src/flows/context';
import { scoresAction } from '../../src/flows/scores';
import { setupAction } from '../../src/flows/setup';
import { runMenuAction } from '../../src/ui/runner';
import { flowContext, newEmulator, records, runFortyClips, type Emu } from '../flows/fixture';

/** Lock attempts on the contest's document lock since `from` (the emulator records every tryLock). */
function documentAttempts(emu: Emu, from: number) {
  return emu.locks.attempts.slice(from).filter((a) => a.scope === 'document');
}

/** Everything the dialog shows. */
function shown(summary: Summary): string {
  return [...summary.lines, ...summary.warnings].join('\n');
}

describe('the menu door and the document lock', () => {
  test('while another execution holds the lock, "Tính điểm" writes nothing and says so in Vietnamese', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    const before = records(emu, 'Kết quả');
    emu.locks.holdByOther(true, 'document');

    const summary = runMenuAction(flowContext(emu), scoresAction, undefined);

    expect(shown(summary)).toContain('Một thao tác khác (hoặc một bài nộp đang được ghi) đang chạy');
    expect(records(emu, 'Kết quả')).toEqual(before);
    // It waited the 30 s a menu action allows, then gave up.
    expect(documentAttempts(emu, 0).at(-1)).toMatchObject({ ok: false, waitedMs: 30_000 });
    // The refusal is in "Nhật ký" (appendRow needs no lock).
    expect(records(emu, 'Nhật ký').at(-1)).toMatchObject({ 'Thao tác': 'Tính điểm' });
    expect(String(records(emu, 'Nhật ký').at(-1)!['Chi tiết'])).toContain('Thao tác chưa được thực hiện vì');
  });

  test('an action that also locks inside ("Thiết lập hội thi") takes the lock once, and releases it', () => {
    const emu = newEmulator();
    const from = emu.locks.attempts.length;

    runMenuAction(flowContext(emu), setupAction, undefined);

    expect(documentAttempts(emu, from)).toHaveLength(1);
    expect(emu.locks.isHeldByMe('document')).toBe(false);
  });

  test('"Tính điểm" runs under the lock, which is free again afterwards', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    const from = emu.locks.attempts.length;

    runMenuAction(flowContext(emu), scoresAction, undefined);

    expect(documentAttempts(emu, from)).toEqual([expect.objectContaining({ ok: true })]);
    expect(emu.locks.isHeldByMe('document')).toBe(false);
  });

  test('"Nhật ký thao tác" only reads: it opens while the lock is held elsewhere', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    emu.locks.holdByOther(true, 'document');
    const from = emu.locks.attempts.length;

    const summary = runMenuAction(flowContext(emu), auditLogAction, undefined);

    expect(shown(summary)).not.toContain('Một thao tác khác');
    expect(documentAttempts(emu, from)).toEqual([]);
  });
});
