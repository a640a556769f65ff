// Times pasted from a Page's "shares" list are read as Facebook shows them.
import { facebookTime } from '../../src/domain/facebookTime';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(iso).getTime();

test.each([
  ['19 tháng 6 lúc 15:30', '2023-06-19T15:30:00+07:00'],
  ['Thứ Hai, 19 tháng 6, 2023 lúc 15:30', '2023-06-19T15:30:00+07:00'],
  ['12 Tháng 6 lúc 0:05', '2023-06-12T00:05:00+07:00'],
  ['June 19 at 3:30 PM', '2023-06-19T15:30:00+07:00'],
  ['Monday, June 19, 2023 at 12:10 AM', '2023-06-19T00:10:00+07:00'],
])('%s', (text, iso) => {
  expect(facebookTime(text, TZ, 2023)?.getTime()).toBe(at(iso));
});

test('relative times cannot be placed: null (the share log reports the cell)', () => {
  expect(facebookTime('2 giờ', TZ, 2023)).toBeNull();
  expect(facebookTime('Hôm qua', TZ, 2023)).toBeNull();
});
