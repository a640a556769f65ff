// Form menu actions run by someone who is not an organizer: refused in Vietnamese before any write.
import { syncSubmissionsAction } from '../../src/flows/syncSubmissions';
import { runMenuAction } from '../../src/ui/runner';
import { answers, contextFor, makeContest } from './fixture';

const HELPER = 'tinhnguyen@quandoan11.vn';

describe('form actions and protection', () => {
  test('"Đồng bộ bài dự thi" by a plain editor names the protected sheets and adds nothing', () => {
    const c = makeContest({ collaborators: [HELPER] });
    // A response whose trigger did not fire: the sync would add it.
    c.emu.submitForm(c.form, answers(), undefined, { fireTriggers: false });
    const before = c.rows('Bài dự thi');
    const owner = c.emu.user();
    c.emu.setUser(HELPER);
    const summary = runMenuAction(contextFor(c.emu), syncSubmissionsAction, undefined);
    c.emu.setUser(owner);
    expect(summary.title).toBe('Đồng bộ bài dự thi: Không thực hiện được');
    // "Bài dự thi" and "Nhật ký" are organizers-only; on "Thẩm định" appraisers tick, but the result columns
    // a new row's status goes to are organizers-only too, so all three are named.
    expect(summary.warnings[0]).toBe(
      'Chỉ Ban tổ chức (BTC) mới chạy được "Đồng bộ bài dự thi": Tài khoản tinhnguyen@quandoan11.vn không có quyền sửa trang "Bài dự thi", trang "Nhật ký", trang "Thẩm định" (trang được bảo vệ). Chưa có dữ liệu nào bị thay đổi. Hãy nhờ Ban tổ chức chạy thao tác này, hoặc nhờ họ thêm bạn vào danh sách được sửa các trang đó.',
    );
    expect(c.rows('Bài dự thi')).toEqual(before);
    expect(c.rows('Thẩm định')).toEqual([]);
  });
});
