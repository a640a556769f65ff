// Schema of "Nhật ký": the audit log of every menu action (time, user, action, details).
import { DATE_TIME_FORMAT, defineSchema } from './schema';

export const AUDIT_LOG = defineSchema({
  name: 'Nhật ký',
  protection: 'organizers',
  description: 'Nhật ký thao tác của add-on Hội thi (chỉ Ban tổ chức được sửa).',
  columns: [
    { key: 'time', header: 'Thời gian', role: 'computed', width: 140, format: DATE_TIME_FORMAT },
    { key: 'user', header: 'Người thực hiện', role: 'computed', width: 200 },
    { key: 'action', header: 'Thao tác', role: 'computed', width: 200 },
    { key: 'details', header: 'Chi tiết', role: 'computed', width: 500 },
  ],
});
