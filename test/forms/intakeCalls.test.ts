// Service calls of one onFormSubmit: flat in the rows already in "Bài dự thi", few of them while the script lock is held.
import { handleFormSubmit } from '../../src/flows/intake';
import { answers, contextFor, makeContest } from './fixture';

interface Profile {
  total: number;
  /** Calls from tryLock to releaseLock, both included: what other submitters wait behind. */
  underLock: number;
  byMethod: Record<string, number>;
}

/** One submission handled as a trigger execution would, with `existing` rows (written by earlier submissions) already in "Bài dự thi". */
function submitWith(existing: number): Profile {
  const c = makeContest();
  // A first submission through the trigger adds the response-id column, as in any live contest.
  c.emu.submitForm(c.form, answers({ 'Tên tác phẩm': 'Clip đầu', 'Link video': 'https://youtu.be/first' }));
  const rows = Array.from({ length: existing - 1 }, (_, k) => [
    `HT-${String(k + 2).padStart(3, '0')}`,
    '01/06/2023 08:00',
    'Đoàn Phường 2',
    'Cá nhân',
    `Tác giả ${k}`,
    `Clip ${k}`,
    `https://youtu.be/old${k}`,
    '4:00',
    'Người liên hệ',
    '0901 000 000',
    'x@example.com',
    '',
    'Chờ thẩm định',
    `old-response-${k}`,
  ]);
  if (rows.length > 0)
    c.sheet('Bài dự thi')
      .getRange(3, 1, rows.length, rows[0].length)
      .setValues(rows.map((r) => r.map((v) => `'${v}`)));
  const response = c.emu.submitForm(c.form, answers(), undefined, { fireTriggers: false });

  c.emu.calls.reset();
  const ctx = contextFor(c.emu);
  const lock = ctx.services.lockService.getDocumentLock()!;
  let lockedAt = -1;
  let underLock = -1;
  const counted = {
    ...lock,
    tryLock: (ms: number) => {
      lockedAt = c.emu.calls.total();
      return lock.tryLock(ms);
    },
    releaseLock: () => {
      lock.releaseLock();
      underLock = c.emu.calls.total() - lockedAt;
    },
  } as GoogleAppsScript.Lock.Lock;
  ctx.services = { ...ctx.services, lockService: { ...ctx.services.lockService, getDocumentLock: () => counted } };
  const { outcome } = handleFormSubmit(ctx, c.emu.submitEvent(response));
  expect(outcome.kind).toBe('added');
  if (outcome.kind === 'added') expect(outcome.submission.id).toBe(`HT-${String(existing + 1).padStart(3, '0')}`);
  return { total: c.emu.calls.total(), underLock, byMethod: c.emu.calls.byMethod() };
}

describe('onFormSubmit service calls', () => {
  test('the same number of calls with 10 or 200 rows already in "Bài dự thi"', () => {
    const small = submitWith(10);
    const large = submitWith(200);
    expect(large.byMethod).toEqual(small.byMethod);
    expect(large.total).toBe(small.total);
    expect(large.underLock).toBe(small.underLock);
  });

  test('stays at the measured 28 calls (15 under the lock), with a small margin for harmless changes', () => {
    const p = submitWith(10);
    // Worked out by hand for the standard form (10 questions, all answered), from the spreadsheet event:
    //   the event's row: getValues 1 (answers come from e.namedValues: no Forms call at all)            = 1
    //   before the lock: getDocumentLock 1 + "Cấu hình", "Đơn vị", "Tiêu chí thẩm định"
    //          3 × (getSheetByName, getDataRange, getValues) 9 + getSheetByName of the two written sheets 2 = 12
    //   under the lock: tryLock 1 + 2 tables × (getDataRange, getValues) 4
    //          + 2 tables × (getMaxRows, getRange, getNumberFormats, setValues) 8 + flush 1 + releaseLock 1  = 15
    //   total 1 + 12 + 15 = 28 (62 when the answers were read from the FormResponse, 91 before that)
    expect(p.total).toBeLessThanOrEqual(28 + 3);
    expect(p.underLock).toBeLessThanOrEqual(15 + 1);
    // Sheets are read once each: no table is read twice, no cell-by-cell access, one flush.
    expect(p.byMethod['Range.getValues']).toBe(1 + 5);
    expect(p.byMethod['Range.setValues']).toBe(2);
    expect(p.byMethod['SpreadsheetApp.flush']).toBe(1);
    // The whole form is not walked per submission: only the answers' own items are asked.
    expect(p.byMethod['Form.getItems'] ?? 0).toBe(0);
    expect(Object.keys(p.byMethod).filter((m) => m.startsWith('Form') || m.startsWith('ItemResponse'))).toEqual([]);
  });
});
