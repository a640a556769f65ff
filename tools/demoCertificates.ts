// The demo's certificate step: template, PDFs (written to out/giay-khen/), e-mail to the units — through the add-on's menu in the emulator.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { AWARDS } from '../src/sheets/awards';
import { upsertConfigValues } from '../src/sheets/config';
import { vn } from '../test/sample/contest';
import { headersOf, readRecords } from '../test/sample/workbook';
import type { DemoRun } from './demoSteps';

/**
 * 20/06 09:00: the organizers settle a tie (if any) by keeping the first tied unit, fill in the signer,
 * make the template, the certificates and send them. Returns the folder the PDFs were written to.
 */
export function certificatesStep({ em, d, progress, outDir }: DemoRun): string {
  d.at(vn(2023, 6, 20, 9, 0));
  const sheet = em.spreadsheet.getSheetByName(AWARDS.name)!;
  const H = headersOf(AWARDS);
  const tied = readRecords(sheet).rows.filter((r) => String(r.values[H.note] ?? '').startsWith('Đồng điểm'));
  for (const r of tied.slice(1).reverse()) sheet.deleteRow(r.row);
  if (tied[0]) {
    const col = readRecords(sheet).headers.indexOf(H.note) + 1;
    sheet.getRange(tied[0].row, col).setValue('');
    progress.note(`BTC quyết định đồng điểm: giữ "${String(tied[0].values[H.unit])}", bỏ ${tied.length - 1} dòng`);
  }
  upsertConfigValues(em.spreadsheet, [{ label: 'Người ký giấy khen', value: 'Nguyễn Minh Thành' }]);
  d.menu('menuCertificateTemplate', 'Tạo mẫu giấy khen');
  d.menu('menuCertificates', 'Giấy khen (PDF)');
  d.menu('menuSendCertificates', 'Gửi giấy khen');

  const dir = join(outDir, 'giay-khen');
  mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const item of em.drive.items()) {
    if (item.mimeType !== 'application/pdf' || item.trashed || em.drive.pathOf(item.id).at(-1) === 'cũ') continue;
    writeFileSync(join(dir, item.name), item.bytes!);
    n++;
  }
  progress.step('Đã ghi giấy khen', `${n} tệp PDF (mỗi giải một tệp + một tệp in chung) vào ${dir}`);
  return dir;
}
