// "Người thẩm định" when the file is shared "anyone with the link can edit": an anonymous tick is never credited to the organizer.
import { setupAction } from '../../src/flows/setup';
import { updateAppraisal } from '../../src/flows/appraisal';
import { UNKNOWN_APPRAISER } from '../../src/sheets/appraisal';
import { runMenuAction } from '../../src/ui/runner';
import { contestTriggerHandlers, contextOf, createContestEmulator } from '../sample/emulator';
import { NOW, OWNER, records, rowOf, seedRoster, seedSubmissions } from './fixture';

const TT = ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'];

test('anonymous ticks are "(không rõ tài khoản)", the owner\'s own ticks carry the owner\'s email', () => {
  const emu = createContestEmulator({ owner: OWNER, user: OWNER, sharing: { anyoneWithLinkCanEdit: true } });
  emu.setNow(NOW);
  // Wired as src/main.ts wires them: the simple onEdit as the person editing, the installable one as its owner.
  // Wired as src/main.ts wires them; the organizer has installed the add-on in this document.
  emu.setHandlers(contestTriggerHandlers(emu));
  emu.installAddon();
  runMenuAction(contextOf(emu), setupAction, undefined);
  seedRoster(emu);
  seedSubmissions(emu, 3);
  updateAppraisal(contextOf(emu));
  const row = (id: string) => records(emu, 'Thẩm định').find((x) => x['Mã bài'] === id)!;

  // An anonymous appraiser ticks HT-001: Google reports the trigger's owner as e.user.
  const r1 = rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-001');
  for (const col of TT) emu.editCell('Thẩm định', `${col}${r1}`, true, { anonymous: true });
  expect([row('HT-001')['Kết quả'], row('HT-001')['Người thẩm định']]).toEqual(['Đạt', UNKNOWN_APPRAISER]);

  // The owner ticks HT-002 themself: both triggers run; the simple one (as the owner) names them.
  const r2 = rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-002');
  for (const col of TT) emu.editCell('Thẩm định', `${col}${r2}`, true);
  expect([row('HT-002')['Kết quả'], row('HT-002')['Người thẩm định']]).toEqual(['Đạt', OWNER]);
  // HT-001 keeps its unknown appraiser: nobody known edited it.
  expect(row('HT-001')['Người thẩm định']).toBe(UNKNOWN_APPRAISER);
});
