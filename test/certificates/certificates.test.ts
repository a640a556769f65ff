// Certificates end to end in the emulator: template, one PDF per award with its own text, idempotent re-runs, ties refused, e-mail once within quota.
import { makeCertificates, CERTIFICATES_TITLE } from '../../src/flows/certificates';
import { createCertificateTemplate } from '../../src/flows/certificateTemplate';
import { sendCertificates } from '../../src/flows/sendCertificates';
import { formatScoreVi } from '../../src/domain/parse';
import { isContestError } from '../../src/sheets/errors';
import { flowContext, newEmulator, records, rowOf, runFortyClips, setCell, setSetting, type Emu } from '../flows/fixture';
import { pdfPages } from './pdf';

jest.setTimeout(120_000);

const PDF = 'application/pdf';

function pdfsIn(emu: Emu, folderName: string) {
  return emu.drive.items().filter((i) => i.mimeType === PDF && !i.trashed && emu.drive.pathOf(i.id).at(-1) === folderName);
}

/** The organizers decide the sample's tie: the first tied unit keeps the prize, the other row goes. */
function decideTies(emu: Emu): void {
  const ss = emu.SpreadsheetApp.getActiveSpreadsheet()!;
  const s = ss.getSheetByName('Giải thưởng')!;
  const rows = records(emu, 'Giải thưởng');
  const tied = rows.map((r, i) => ({ r, row: i + 2 })).filter((x) => String(x.r['Ghi chú']).startsWith('Đồng điểm'));
  for (const x of tied.slice(1).reverse()) s.deleteRow(x.row);
  if (tied[0]) setCell(emu, 'Giải thưởng', tied[0].row, 'Ghi chú', '');
}

function contest() {
  const emu = newEmulator();
  runFortyClips(emu);
  decideTies(emu);
  setSetting(emu, 'Người ký giấy khen', 'Nguyễn Văn Bình');
  const ctx = flowContext(emu);
  createCertificateTemplate(ctx);
  return { emu, ctx };
}

function awardRecords(emu: Emu) {
  return records(emu, 'Giải thưởng').filter((r) => r['Đơn vị'] !== '');
}

function folderName(emu: Emu): string {
  const folder = emu.drive.items().find((i) => i.mimeType === 'application/vnd.google-apps.folder' && i.name.startsWith('Giấy khen - '));
  return folder!.name;
}

describe('Giấy khen (PDF)', () => {
  const { emu, ctx } = contest();
  const first = makeCertificates(ctx);
  const awards = awardRecords(emu);
  const folder = folderName(emu);

  it('writes one PDF per award, each naming its own unit, prize, clip title and score', () => {
    expect(first.title).toBe(CERTIFICATES_TITLE);
    expect(awards.length).toBeGreaterThanOrEqual(6);
    const files = pdfsIn(emu, folder);
    const singles = files.filter((f) => !f.name.startsWith('Giấy khen - Tất cả'));
    expect(singles).toHaveLength(awards.length);
    const pages = pdfPages(singles.map((f) => f.bytes!));
    for (const a of awards) {
      const link = String(a['Giấy khen (PDF)']);
      const file = singles.find((f) => link.includes(f.id));
      expect(file).toBeDefined();
      const [page] = pages[singles.indexOf(file!)];
      expect(page.width).toBeCloseTo(841.89, 0);
      expect(page.height).toBeCloseTo(595.28, 0);
      expect(page.text).toContain(String(a['Đơn vị']));
      expect(page.text).toContain(String(a['Giải']));
      expect(page.text).toContain(String(a['Tên tác phẩm']));
      expect(page.text).toContain(formatScoreVi(Number(a['Tổng điểm'])));
      expect(page.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(page.text).toContain('GIẤY KHEN');
      expect(page.text).toContain('Nguyễn Văn Bình');
      expect(page.text).toContain('ngày 20 tháng 6 năm 2023');
      expect(page.text).not.toMatch(/\{\{/);
      // Every other unit's name is absent from this certificate.
      for (const other of awards.filter((o) => o !== a)) expect(page.text).not.toContain(`${String(other['Đơn vị'])} `);
    }
  });

  it('writes one combined PDF with one page per award, in list order', () => {
    const combined = pdfsIn(emu, folder).filter((f) => f.name.startsWith('Giấy khen - Tất cả'));
    expect(combined).toHaveLength(1);
    const [pages] = pdfPages([combined[0].bytes!]);
    expect(pages).toHaveLength(awards.length);
    awards.forEach((a, i) => expect(pages[i].text).toContain(String(a['Đơn vị'])));
  });

  it('re-running keeps every PDF (no new file, same links)', () => {
    const before = emu.drive
      .items()
      .filter((i) => i.mimeType === PDF)
      .map((i) => i.id);
    const links = awardRecords(emu).map((a) => a['Giấy khen (PDF)']);
    const again = makeCertificates(flowContext(emu));
    expect(again.lines[0]).toContain(`0 tạo mới, ${awards.length} giữ nguyên`);
    expect(
      emu.drive
        .items()
        .filter((i) => i.mimeType === PDF)
        .map((i) => i.id),
    ).toEqual(before);
    expect(awardRecords(emu).map((a) => a['Giấy khen (PDF)'])).toEqual(links);
  });

  it('a changed award replaces only its certificate; the old one moves to "cũ"', () => {
    const row = rowOf(emu, 'Giải thưởng', 'Giải', 'Giải Ba');
    const before = awardRecords(emu);
    setCell(emu, 'Giải thưởng', row, 'Tên tác phẩm', 'Tên đã sửa – Thanh niên số');
    const summary = makeCertificates(flowContext(emu));
    expect(summary.lines[0]).toContain(`1 tạo mới, ${awards.length - 1} giữ nguyên`);
    const after = awardRecords(emu);
    after.forEach((a, i) => {
      if (a['Giải'] === 'Giải Ba') expect(a['Giấy khen (PDF)']).not.toEqual(before[i]['Giấy khen (PDF)']);
      else expect(a['Giấy khen (PDF)']).toEqual(before[i]['Giấy khen (PDF)']);
    });
    const old = pdfsIn(emu, 'cũ');
    // The old Giải Ba certificate and the old combined PDF.
    expect(old).toHaveLength(2);
    const changed = pdfsIn(emu, folder).find((f) => String(after.find((a) => a['Giải'] === 'Giải Ba')!['Giấy khen (PDF)']).includes(f.id))!;
    expect(pdfPages([changed.bytes!])[0][0].text).toContain('Tên đã sửa – Thanh niên số');
  });

  it('e-mails each unit its PDF once, within the quota', () => {
    emu.calls.reset();
    const s1 = sendCertificates(flowContext(emu));
    // One log line per mail sent (a crash never resends): a getRange, getNumberFormats and setValues each,
    // the log's row count asked once (once per line before).
    expect(emu.calls.count('Range.setValues')).toBeLessThanOrEqual(awards.length + 1);
    expect(emu.calls.count('Sheet.getMaxRows')).toBeLessThanOrEqual(2);
    expect(s1.lines[0]).toContain(`Đã gửi ${awards.length} giấy khen`);
    expect(emu.mail).toHaveLength(awards.length);
    for (const m of emu.mail) {
      expect(m.attachments).toHaveLength(1);
      const blob = m.attachments![0] as unknown as GoogleAppsScript.Base.Blob;
      expect(blob.getContentType()).toBe(PDF);
      expect(blob.getName()).toMatch(/^Giấy khen - .+\.pdf$/);
    }
    const s2 = sendCertificates(flowContext(emu));
    expect(s2.lines[0]).toContain(`Đã gửi 0 giấy khen; ${awards.length} giấy khen đã gửi từ trước`);
    expect(emu.mail).toHaveLength(awards.length);
    expect(records(emu, 'Gửi giấy khen')).toHaveLength(awards.length);
  });
});

describe('limits', () => {
  it('sends no more than the remaining daily quota, and the rest on the next run', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    const ctx = flowContext(emu);
    decideTies(emu);
    createCertificateTemplate(ctx);
    makeCertificates(ctx);
    const total = awardRecords(emu).length;
    // Leave 2 e-mails of today's quota.
    const quota = emu.MailApp.getRemainingDailyQuota();
    for (let i = 0; i < quota - 2; i++) emu.MailApp.sendEmail('x@example.com', 's', 'b');
    emu.mail.length = 0;
    const s = sendCertificates(flowContext(emu));
    // quota left 2 → 2 sent now; the other total − 2 wait for the next run
    expect(emu.mail).toHaveLength(2);
    expect(s.lines[0]).toContain(`${total - 2} giấy khen chưa gửi`);
  });

  it('refuses a tie the organizers have not decided, naming the row', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    const ctx = flowContext(emu);
    createCertificateTemplate(ctx);
    // The sample has a real tie at the last Khuyến khích place, flagged by "Lập danh sách khen thưởng".
    const row = records(emu, 'Giải thưởng').findIndex((r) => String(r['Ghi chú']).startsWith('Đồng điểm')) + 2;
    expect(row).toBeGreaterThan(1);
    let error: unknown;
    try {
      makeCertificates(ctx);
    } catch (e) {
      error = e;
    }
    expect(isContestError(error)).toBe(true);
    expect(String((error as Error).message)).toContain(`Trang "Giải thưởng", dòng ${row}, cột "Ghi chú"`);
    expect(emu.drive.items().filter((i) => i.mimeType === PDF)).toHaveLength(0);
  });

  it('reports unknown placeholders and refuses a template without any', () => {
    const emu = newEmulator();
    runFortyClips(emu);
    decideTies(emu);
    const ctx = flowContext(emu);
    const p = emu.SlidesApp.create('Mẫu tự làm');
    const id = p.getId();
    p.getSlides()[0].insertTextBox('Giấy khen cho {{Đơn vị}} – {{Lớp}}', 40, 40, 600, 80);
    p.saveAndClose();
    // Made by hand in Slides: DriveApp cannot open it under drive.file, SlidesApp can (presentations scope).
    emu.drive.markHandMade(id);
    expect(() => emu.DriveApp.getFileById(id)).toThrow(/No item with the given ID could be found/);
    setSetting(emu, 'Mẫu giấy khen', `https://docs.google.com/presentation/d/${id}/edit`);
    const s = makeCertificates(ctx);
    expect(s.warnings.join(' ')).toContain('{{Lớp}}');
    const bare = emu.SlidesApp.create('Không chỗ điền');
    const bareId = bare.getId();
    bare.getSlides()[0].insertTextBox('Giấy khen', 40, 40, 600, 80);
    bare.saveAndClose();
    setSetting(emu, 'Mẫu giấy khen', bareId);
    expect(() => makeCertificates(flowContext(emu))).toThrow(/không có chỗ điền nào/);
  });
});
