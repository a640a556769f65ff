// "Kết quả" shows the raw jury aggregate and, while "Chuẩn hoá điểm BGK" is on, the normalised one: the README's worked example.
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { updateAppraisal } from '../../src/flows/appraisal';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { flowContext, mark, newEmulator, records, seedRoster, seedSubmissions, setSetting, sheet, tickAppraisal } from '../flows/fixture';

/** Two jurors only (GK1 "A", GK2 "B"), three clips: A marks 60/70/80, B 80/90/100. */
function twoJurorContest(normalise: boolean) {
  const emu = newEmulator();
  const ctx = flowContext(emu);
  setupContest(ctx);
  seedRoster(emu);
  sheet(emu, 'Ban giám khảo').getRange(4, 1, 3, 4).clearContent();
  seedSubmissions(emu, 3);
  updateAppraisal(ctx);
  tickAppraisal(emu);
  updateAppraisal(ctx);
  prepareJuryTabs(ctx);
  [60, 70, 80].forEach((m, i) => mark(emu, 'GK1', `HT-00${i + 1}`, m));
  [80, 90, 100].forEach((m, i) => mark(emu, 'GK2', `HT-00${i + 1}`, m));
  if (normalise) setSetting(emu, 'Chuẩn hoá điểm BGK', 'Chuẩn hoá theo từng giám khảo');
  computeScores(ctx);
  const rows = records(emu, 'Kết quả');
  const byId = (id: string) => rows.find((r) => r['Mã bài'] === id)!;
  return ['HT-001', 'HT-002', 'HT-003'].map((id) => [byId(id)['Điểm BGK'], byId(id)['Điểm BGK (chuẩn hoá)'], byId(id)['Điểm BGK quy đổi']]);
}

test('off: raw means 70 / 80 / 90 and a blank normalised column', () => {
  // jury part = 40 × aggregate / 100
  expect(twoJurorContest(false)).toEqual([
    [70, '', 28],
    [80, '', 32],
    [90, '', 36],
  ]);
});

test('on: both jurors become 80 − √250, 80, 80 + √250; raw stays, the jury part follows the normalised', () => {
  // mean_A 70, mean_B 90, sd_A = sd_B = √(200/3); pooled mean 80, pooled sd √(500/3);
  // z = −√1.5, 0, √1.5 → 80 ∓ √1.5 × √(500/3) = 80 ∓ √250 = 64.1886 / 80 / 95.8114 (4 decimals as ranked).
  expect(twoJurorContest(true)).toEqual([
    [70, 64.1886, 25.6754],
    [80, 80, 32],
    [90, 95.8114, 38.3246],
  ]);
});

test('the column comes after the documented columns of "Kết quả"', () => {
  const emu = newEmulator();
  setupContest(flowContext(emu));
  expect(sheet(emu, 'Kết quả').getRange(1, 11, 1, 2).getValues()[0]).toEqual(['Ghi chú', 'Điểm BGK (chuẩn hoá)']);
});
