// Schema of "Gửi giấy khen": one row per certificate e-mailed (who, where, which file), so no certificate is sent twice.
import { insertSheetLast, layOutColumns } from './layout';
import { DATE_TIME_FORMAT, defineSchema, type SchemaKey } from './schema';
import { readTable, type Table } from './table';

export const CERTIFICATE_MAIL = defineSchema({
  name: 'Gửi giấy khen',
  protection: 'organizers',
  description: 'Nhật ký gửi giấy khen qua email (add-on ghi; chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'time', header: 'Thời gian', role: 'computed', width: 140, format: DATE_TIME_FORMAT },
    { key: 'unit', header: 'Đơn vị', role: 'computed', width: 240 },
    { key: 'email', header: 'Email', role: 'computed', width: 220 },
    { key: 'prize', header: 'Giải', role: 'computed', width: 160 },
    { key: 'file', header: 'Giấy khen (PDF)', role: 'computed', width: 320 },
    { key: 'fingerprint', header: 'Mã giấy khen', role: 'computed', width: 200, note: 'Dấu vân tay nội dung giấy khen: cùng mã thì không gửi lại.' },
    { key: 'sender', header: 'Người gửi', role: 'computed', width: 200 },
  ],
});
export type CertificateMailKey = SchemaKey<typeof CERTIFICATE_MAIL>;

/** The log, created (last, with its headers) the first time a certificate is sent. */
export function readCertificateMailLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Table<CertificateMailKey> {
  let sheet = spreadsheet.getSheetByName(CERTIFICATE_MAIL.name);
  if (!sheet) {
    sheet = insertSheetLast(spreadsheet, CERTIFICATE_MAIL.name);
    layOutColumns(sheet, CERTIFICATE_MAIL);
  }
  return readTable(sheet, CERTIFICATE_MAIL);
}
