// "Chuẩn bị phiếu chấm BGK" names jurors who cannot edit the spreadsheet, and shares it only when the organizer chose to.
import { errors } from '../../packages/gas-emulator/src';
import { updateAppraisal } from '../../src/flows/appraisal';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { setupContest } from '../../src/flows/setup';
import { createContestEmulator } from '../sample/emulator';
import { APPRAISER, JURORS, NOW, OWNER, flowContext, mark, seedRoster, seedSubmissions, setSetting, tickAppraisal, records } from './fixture';

test('jurors who are not editors of the file are named; "Chia sẻ bảng tính với giám khảo" = Có shares it with them', () => {
  // The file is shared with the appraiser and the first three jurors only.
  const shared = [APPRAISER, ...JURORS.slice(0, 3).map((j) => j.email)];
  const emu = createContestEmulator({ owner: OWNER, user: OWNER, sharing: { editors: shared } });
  emu.setNow(NOW);
  const ctx = flowContext(emu);
  setupContest(ctx);
  seedRoster(emu);
  seedSubmissions(emu, 6);
  updateAppraisal(ctx);
  tickAppraisal(emu);
  updateAppraisal(ctx);

  const first = prepareJuryTabs(flowContext(emu));
  const [dung, em] = [JURORS[3], JURORS[4]];
  expect(first.warnings).toContain(
    `2 giám khảo chưa có quyền chỉnh sửa bảng tính nên chưa nhập được điểm vào phiếu chấm của mình: ${dung.name} (${dung.email}), ${em.name} (${em.email}). ` +
      'Quyền trên trang "BGK - …" không tự cấp quyền vào tệp. Hãy chia sẻ bảng tính với họ (nút Chia sẻ → Người chỉnh sửa), ' +
      'hoặc đặt "Chia sẻ bảng tính với giám khảo" là Có trong trang "Cấu hình" rồi chạy lại "Chuẩn bị phiếu chấm BGK".',
  );
  // Never shared silently: the file's editors are as they were, and the juror still cannot type.
  expect(emu.spreadsheet.getEditors().map((u) => u.getEmail())).toEqual([OWNER, ...shared]);
  expect(() => mark(emu, 'GK4', 'HT-001', 80)).toThrow(errors.NO_PERMISSION_ACTION);
  emu.setUser(OWNER);

  // The organizer chooses to share.
  setSetting(emu, 'Chia sẻ bảng tính với giám khảo', 'Có');
  const second = prepareJuryTabs(flowContext(emu));
  expect(second.lines).toContain(`Đã chia sẻ bảng tính (quyền chỉnh sửa) với 2 giám khảo: ${dung.name} (${dung.email}), ${em.name} (${em.email}).`);
  expect(second.warnings.some((w) => w.includes('chưa có quyền chỉnh sửa bảng tính'))).toBe(false);
  expect(emu.spreadsheet.getEditors().map((u) => u.getEmail())).toEqual([OWNER, ...shared, dung.email, em.email]);
  mark(emu, 'GK4', 'HT-001', 80);
  expect(records(emu, `BGK - ${dung.name}`).find((r) => r['Mã bài'] === 'HT-001')!['Điểm']).toBe(80);
  // A third run has nothing to share and says nothing about it.
  const third = prepareJuryTabs(flowContext(emu));
  expect([...third.lines, ...third.warnings].some((t) => t.includes('chia sẻ bảng tính') || t.includes('Đã chia sẻ'))).toBe(false);
});
