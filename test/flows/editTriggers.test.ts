// Edit triggers in "Thẩm định" when Google hides the editor's email (accounts outside the owner's domain).
import { ensureSettingsEditTrigger } from '../../src/flows/triggers';
import { contextOf } from '../sample/emulator';
import { APPRAISAL_RESULTS_PROTECTION, UNKNOWN_APPRAISER } from '../../src/sheets/appraisal';
import { APPRAISER, OWNER, newEmulator, records, rowOf, seedRoster, seedSubmissions, sheet } from './fixture';

type Fn = (...args: unknown[]) => unknown;

describe('"Người thẩm định" when the editor\'s email is hidden', () => {
  // A co-organizer and an appraiser with gmail.com accounts: in a simple trigger Google returns ""
  // for both e.user and Session.getActiveUser() (the emulator does the same).
  const CO_ORGANIZER = 'pho.btc@gmail.com';
  const GMAIL_APPRAISER = 'ctv.thamdinh@gmail.com';
  const emu = newEmulator();
  emu.addCollaborator(CO_ORGANIZER);
  emu.addCollaborator(GMAIL_APPRAISER);
  emu.installGlobals(globalThis);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- main.ts assigns its entry points to `global` when loaded.
  require('../../src/main');
  // The organizer installed the add-on in this document: simple triggers run in AuthMode.LIMITED.
  emu.installAddon();
  const g = globalThis as unknown as Record<string, Fn>;
  const row = (id: string) => records(emu, 'Thẩm định').find((x) => x['Mã bài'] === id)!;
  const TT = ['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'];

  beforeAll(() => {
    g.menuSetupContest();
    seedRoster(emu);
    seedSubmissions(emu, 3);
    g.menuUpdateAppraisal();
    // The owner ticks every criterion of HT-001: "Đạt", by the owner.
    const r = rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-001');
    for (const col of TT) emu.editCell('Thẩm định', `${col}${r}`, true);
    // The co-organizer is added by hand to the result columns' protection, as organizers do.
    const p = sheet(emu, 'Thẩm định')
      .getProtections(emu.SpreadsheetApp.ProtectionType.RANGE)
      .find((x) => x.getDescription() === APPRAISAL_RESULTS_PROTECTION)!;
    p.addEditor(CO_ORGANIZER);
  });

  test('an edit that leaves the result as it was keeps the known appraiser (no blank written over it)', () => {
    expect([row('HT-001')['Kết quả'], row('HT-001')['Người thẩm định']]).toEqual(['Đạt', OWNER]);
    emu.setUser(CO_ORGANIZER);
    emu.editCell('Thẩm định', `E${rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-001')}`, true);
    emu.setUser(OWNER);
    expect([row('HT-001')['Kết quả'], row('HT-001')['Người thẩm định']]).toEqual(['Đạt', OWNER]);
  });

  test('a change of result by a hidden editor says the appraiser is unknown instead of leaving a blank', () => {
    emu.setUser(CO_ORGANIZER);
    // Unticking TT4 ("Âm thanh rõ ràng, không có tạp âm") fails the clip.
    emu.editCell('Thẩm định', `H${rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-001')}`, false);
    emu.setUser(OWNER);
    const r = row('HT-001');
    expect(r['Kết quả']).toBe('Không đạt');
    expect(r['Lý do']).toContain('Âm thanh rõ ràng, không có tạp âm');
    expect(r['Người thẩm định']).toBe('(không rõ tài khoản)');
    expect(UNKNOWN_APPRAISER).toBe('(không rõ tài khoản)');
  });

  test("with the installable edit trigger (made when the form is linked), appraisers' ticks are filled in as the organizer", () => {
    ensureSettingsEditTrigger(contextOf(emu));
    // An appraiser of the owner's domain: the trigger sees the email.
    emu.setUser(APPRAISER);
    emu.editCell('Thẩm định', `E${rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-002')}`, true);
    // A gmail.com appraiser: the email is hidden.
    emu.setUser(GMAIL_APPRAISER);
    emu.editCell('Thẩm định', `E${rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-003')}`, true);
    emu.setUser(OWNER);
    // One tick of ten → "Không đạt", the nine unticked criteria as the reason.
    expect([row('HT-002')['Kết quả'], row('HT-002')['Người thẩm định']]).toEqual(['Không đạt', APPRAISER]);
    expect([row('HT-003')['Kết quả'], row('HT-003')['Người thẩm định']]).toEqual(['Không đạt', UNKNOWN_APPRAISER]);
  });
});
