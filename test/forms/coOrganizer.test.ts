// A co-organizer who cannot open the organizer's form: every form action refuses, names the owner, and changes nothing.
import { createFormAction, type CreateOrLinkResult } from '../../src/flows/createForm';
import { qrCodesAction } from '../../src/flows/qrCodes';
import { syncSubmissionsAction } from '../../src/flows/syncSubmissions';
import { syncUnitsAction } from '../../src/flows/syncUnits';
import { runMenuAction } from '../../src/ui/runner';
import { answers, contextFor, makeContest } from './fixture';

const CO = 'phobtc@quandoan11.vn';

/** Two organizers: the owner made the form; the co-organizer edits the spreadsheet and every protected sheet, but not the form. */
function twoOrganizers() {
  const c = makeContest({ sharing: { editors: [CO] }, withForm: false });
  const owner = c.emu.user();
  const made = runMenuAction(contextFor(c.emu), createFormAction, '') as CreateOrLinkResult;
  expect(made.created).toBe(true);
  // Co-organizers are added to the protections by hand (what an organizer does in Data → Protected ranges).
  const ss = c.emu.spreadsheet;
  const { SHEET, RANGE } = c.emu.SpreadsheetApp.ProtectionType;
  for (const p of [...ss.getProtections(SHEET), ...ss.getProtections(RANGE)]) p.addEditor(CO);
  return { ...c, owner, form: made.form };
}

function config(c: ReturnType<typeof makeContest>, label: string): unknown {
  const row = c.rows('Cấu hình').find((r) => r[0] === label);
  return row ? row[1] : undefined;
}

describe('a co-organizer without access to the form', () => {
  test('"Tạo / liên kết biểu mẫu" refuses, names the owner, and nothing is lost: the owner\'s trigger still ingests', () => {
    const c = twoOrganizers();
    const formId = c.form.getId();
    const links = c.column('Đơn vị', 'Link nộp bài');
    const triggersBefore = c.emu.triggers.list();
    const formsBefore = c.emu.spreadsheet.getSheets().length;

    c.emu.setUser(CO);
    const summary = runMenuAction(contextFor(c.emu), createFormAction, '');
    expect(summary.title).toBe('Tạo / liên kết biểu mẫu: Không thực hiện được');
    const message = summary.warnings.join('\n');
    expect(message).toContain(`Không mở được biểu mẫu ghi trong trang "Cấu hình" (ID ${formId}) bằng tài khoản ${CO}`);
    expect(message).toContain(`Theo "Nhật ký", biểu mẫu này do ${c.owner} tạo hoặc liên kết.`);
    expect(message).toContain(`nhờ ${c.owner} chia sẻ quyền chỉnh sửa biểu mẫu với tài khoản ${CO}`);
    expect(message).toContain('Chưa có gì bị thay đổi');

    // Nothing changed: same form recorded, same links, no trigger for the co-organizer, no new response sheet.
    expect(config(c, 'ID biểu mẫu')).toBe(formId);
    expect(c.column('Đơn vị', 'Link nộp bài')).toEqual(links);
    expect(c.emu.triggers.list()).toEqual(triggersBefore);
    expect(c.emu.triggers.list().some((t) => t.owner === CO)).toBe(false);
    expect(c.emu.spreadsheet.getSheets().length).toBe(formsBefore);

    // The owner's next run re-checks the same form and keeps its submit trigger; a printed-QR submission is ingested.
    c.emu.setUser(c.owner);
    const again = runMenuAction(contextFor(c.emu), createFormAction, '') as CreateOrLinkResult;
    expect(again.created).toBe(false);
    expect(again.form.getId()).toBe(formId);
    c.emu.submitForm(c.form, answers());
    expect(c.column('Bài dự thi', 'Tên tác phẩm')).toEqual(['Tuổi trẻ Quận 11']);
    expect(config(c, 'ID biểu mẫu')).toBe(formId);
  });

  test('"Mã QR", "Đồng bộ danh sách đơn vị" and "Đồng bộ bài dự thi" say the form cannot be opened, not "create one"', () => {
    const c = twoOrganizers();
    const formId = c.form.getId();
    const sheetsBefore = c.emu.spreadsheet.getSheets().map((s) => s.getName());
    c.emu.setUser(CO);
    for (const action of [qrCodesAction, syncUnitsAction, syncSubmissionsAction]) {
      const summary = runMenuAction(contextFor(c.emu), action, undefined);
      const message = summary.warnings.join('\n');
      expect(summary.title).toBe(`${action.title}: Không thực hiện được`);
      expect(message).toContain(`Không mở được biểu mẫu ghi trong trang "Cấu hình" (ID ${formId}) bằng tài khoản`);
      expect(message).toContain('Chưa có gì bị thay đổi');
      expect(message).not.toContain('Chưa có biểu mẫu nộp bài');
      // QR and unit sync name the user and the owner from "Nhật ký" (sync submissions does once it calls requireFormFor).
      if (action !== syncSubmissionsAction)
        expect(message).toContain(
          `bằng tài khoản ${CO}: biểu mẫu đã bị xoá, hoặc chưa được chia sẻ với bạn. Theo "Nhật ký", biểu mẫu này do ${c.owner} tạo hoặc liên kết.`,
        );
    }
    expect(c.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
    // Once the owner shares the form, the co-organizer's QR action works on the same form.
    c.emu.setUser(c.owner);
    c.form.addEditor(CO);
    c.emu.setUser(CO);
    const ok = runMenuAction(contextFor(c.emu), qrCodesAction, undefined);
    expect(ok.title).toBe('Mã QR nộp bài');
  });
});
