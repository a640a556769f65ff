// The Apps Script entry points of src/main.ts run against the emulator's globals: menu, dialogs, audit log, onEdit.
import { APPRAISER, JURORS, OWNER, newEmulator, records, rowOf, seedRoster, seedSubmissions, sheet } from './fixture';

type Fn = (...args: unknown[]) => unknown;

describe('src/main.ts entry points', () => {
  const emu = newEmulator();
  emu.installGlobals(globalThis);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- main.ts assigns its entry points to `global` when loaded.
  require('../../src/main');
  // The organizer installs the add-on in this document (onInstall, AuthMode.FULL): from then on its simple
  // triggers run in AuthMode.LIMITED for everyone editing the document, as Google's add-on lifecycle has it.
  emu.installAddon();
  const g = globalThis as unknown as Record<string, Fn>;
  const lastDialog = () => emu.ui.dialogs[emu.ui.dialogs.length - 1];

  test('onOpen adds the "Hội thi" menu; every item names an entry point that exists', () => {
    g.onOpen();
    const menu = emu.ui.menus.find((m) => m.title === 'Hội thi')!;
    expect(menu.items.map((i) => i.caption)).toContain('Tính điểm');
    for (const item of menu.items) expect(typeof g[item.functionName]).toBe('function');
  });

  test('a menu action shows a summary dialog and appends a line to "Nhật ký"', () => {
    g.menuSetupContest();
    expect(lastDialog().title).toBe('Thiết lập hội thi');
    expect(lastDialog().html).toContain('Đã tạo 14 trang');
    const log = records(emu, 'Nhật ký');
    expect(log).toHaveLength(1);
    expect([log[0]['Người thực hiện'], log[0]['Thao tác']]).toEqual([OWNER, 'Thiết lập hội thi']);
    // A long action says it has started before its dialog opens ("Long actions show progress").
    expect(emu.ui.toasts[0]).toMatchObject({ message: 'Đang thực hiện: Thiết lập hội thi…', title: 'Thiết lập hội thi' });
  });

  test('"Giấy khen (PDF)" before any award list stops with a Vietnamese dialog, not a crash', () => {
    g.menuSetupContest();
    g.menuCertificates();
    expect(lastDialog().title).toBe('Giấy khen (PDF): Không thực hiện được');
    expect(lastDialog().html).toContain('chưa có giải nào');
  });

  test('ticking in "Thẩm định" as an organizer fills Kết quả at once (simple onEdit)', () => {
    seedRoster(emu);
    seedSubmissions(emu, 3);
    g.menuUpdateAppraisal();
    const row = rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-002');
    // Ticks TT1…TT10 are columns E…N; one tick → "Không đạt" with the nine others as the reason.
    emu.editCell('Thẩm định', `E${row}`, true);
    let r = records(emu, 'Thẩm định').find((x) => x['Mã bài'] === 'HT-002')!;
    expect(r['Kết quả']).toBe('Không đạt');
    expect(r['Người thẩm định']).toBe(OWNER);
    for (const col of ['F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N']) emu.editCell('Thẩm định', `${col}${row}`, true);
    r = records(emu, 'Thẩm định').find((x) => x['Mã bài'] === 'HT-002')!;
    expect([r['Kết quả'], r['Lý do']]).toEqual(['Đạt', '']);
  });

  test("an appraiser's tick gets its result from the edit trigger setup installed, which runs as the organizer", () => {
    const row = rowOf(emu, 'Thẩm định', 'Mã bài', 'HT-003');
    emu.setUser(APPRAISER);
    emu.editCell('Thẩm định', `E${row}`, true);
    emu.setUser(OWNER);
    const r = records(emu, 'Thẩm định').find((x) => x['Mã bài'] === 'HT-003')!;
    // The simple onEdit (as the appraiser) cannot write the protected result columns; the installable
    // edit trigger "Thiết lập hội thi" installed runs as the organizer and fills them, crediting the appraiser.
    expect([r['TT1'], r['Kết quả'], r['Người thẩm định']]).toEqual([true, 'Không đạt', APPRAISER]);
    expect(emu.triggers.all.filter((t) => t.getHandlerFunction() === 'onSettingsEdit')).toHaveLength(1);
  });

  test('a juror typing a mark sees Tổng at once; "8,5" style marks are summed', () => {
    g.menuPrepareJuryTabs();
    const j = JURORS[0];
    const tab = `BGK - ${j.name}`;
    const row = rowOf(emu, tab, 'Mã bài', 'HT-002');
    emu.setUser(j.email);
    emu.editCell(tab, `F${row}`, '85,5');
    emu.setUser(OWNER);
    const r = records(emu, tab).find((x) => x['Mã bài'] === 'HT-002')!;
    // vi_VN reads "85,5" as the number 85.5; Tổng = 85.5 with the one default criterion.
    expect([r['Điểm'], r['Tổng']]).toEqual([85.5, 85.5]);
  });

  test("an appraiser cannot change the organizers' sheets", () => {
    emu.setUser(APPRAISER);
    expect(() => sheet(emu, 'Cấu hình').getRange('B2').setValue('x')).toThrow(/protected cell/);
    emu.setUser(OWNER);
  });
});
