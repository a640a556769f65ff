// Tests for the "Cấu hình" settings: defaults, parsing from rows, and validation messages.
import { DEFAULT_SETTINGS, SETTING_DEFINITIONS, parseSettings, validateSettings } from '../../src/domain/settings';
import { isLate } from '../../src/domain/scoring';
import type { Settings } from '../../src/domain/types';

const SHEET = 'Cấu hình';
/** The sheet as setup writes it: labels from row 2 on, default texts as values. */
const defaultRows = () => SETTING_DEFINITIONS.map((d, i) => ({ label: d.label, value: d.defaultText as unknown, row: i + 2 }));

describe('defaults', () => {
  it('are the District 11 rules, dates in Asia/Ho_Chi_Minh', () => {
    // 10/06/2023 23:59 +07:00 = 16:59 UTC; 12/06 00:00 = 11/06 17:00 UTC; 19/06 16:00 = 09:00 UTC
    expect(DEFAULT_SETTINGS.submissionDeadline.toISOString()).toBe('2023-06-10T16:59:00.000Z');
    expect(DEFAULT_SETTINGS.votingStart.toISOString()).toBe('2023-06-11T17:00:00.000Z');
    expect(DEFAULT_SETTINGS.votingEnd.toISOString()).toBe('2023-06-19T09:00:00.000Z');
    expect(DEFAULT_SETTINGS).toMatchObject({
      juryWeight: 40,
      engagementWeight: 60,
      pointsPerShare: 2,
      pointsPerReaction: 1,
      sharesCapPerAccount: 2,
      pointsCap: 300,
      juryAggregation: 'mean',
      minValidClipsPerUnit: 1,
      acceptLateEntries: false,
      onePrizePerUnit: true,
      allowPartialJuryMarks: false,
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
  });
  it('has the exact sheet labels in documented order and default texts that match the defaults', () => {
    expect(SETTING_DEFINITIONS.map((d) => d.label)).toEqual([
      'Tên hội thi',
      'Đơn vị tổ chức',
      'Hạn nộp bài',
      'Bắt đầu bình chọn',
      'Kết thúc bình chọn',
      'Trọng số BGK (%)',
      'Trọng số tương tác (%)',
      'Điểm mỗi lượt chia sẻ',
      'Điểm mỗi lượt cảm xúc',
      'Số lượt chia sẻ tính tối đa mỗi tài khoản',
      'Điểm tương tác tối đa',
      'Cách tổng hợp điểm BGK',
      'Số bài hợp lệ tối thiểu mỗi đơn vị',
      'Nhận bài nộp trễ',
      'Mỗi đơn vị tối đa một giải',
      'Tính điểm khi BGK chưa chấm đủ',
      'Gửi email xác nhận',
      'Múi giờ',
      'Chuẩn hoá điểm BGK',
      'Mẫu giấy khen',
      'Thư mục giấy khen',
      'Nơi ký giấy khen',
      'Ngày ký giấy khen',
      'Người ký giấy khen',
      'Chức vụ người ký',
      'Chia sẻ bảng tính với giám khảo',
    ]);
    // defaultText is settingText(DEFAULT_SETTINGS): the seed's "Giá trị" cells, dates as dd/MM/yyyy HH:mm in +07:00.
    expect(SETTING_DEFINITIONS.map((d) => d.defaultText)).toEqual([
      'Hội thi video clip "Tuổi trẻ Quận 11 thời kỳ chuyển đổi số gắn với phong trào 3 trách nhiệm"',
      'Ban Thường vụ Quận Đoàn 11',
      '10/06/2023 23:59',
      '12/06/2023 00:00',
      '19/06/2023 16:00',
      '40',
      '60',
      '2',
      '1',
      '2',
      '300',
      'Trung bình',
      '1',
      'Không',
      'Có',
      'Không',
      'Không',
      'Asia/Ho_Chi_Minh',
      'Không',
      '',
      '',
      'Quận 11',
      '',
      '',
      'BÍ THƯ',
      'Không',
    ]);
  });
});

describe('parseSettings', () => {
  it('reads the sheet as setup wrote it back into the defaults', () => {
    const r = parseSettings(defaultRows(), SHEET);
    expect(r).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });
  it('missing rows and blank values take the default', () => {
    const r = parseSettings([{ label: 'Trọng số BGK (%)', value: '', row: 7 }], SHEET);
    expect(r).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });
  it('reads typed values: labels matched loosely, Có/Không, aggregation labels, decimal comma, date cells', () => {
    const end = new Date('2023-06-20T09:00:00Z');
    const r = parseSettings(
      [
        { label: 'trong so bgk (%)', value: '50', row: 7 },
        { label: 'Trọng số tương tác (%)', value: 50, row: 8 },
        { label: 'Điểm mỗi lượt cảm xúc', value: '0,5', row: 10 },
        { label: 'Cách tổng hợp điểm BGK', value: 'Trung bình bỏ cao nhất và thấp nhất', row: 13 },
        { label: 'Nhận bài nộp trễ', value: 'Có', row: 15 },
        { label: 'Mỗi đơn vị tối đa một giải', value: false, row: 16 },
        { label: 'Kết thúc bình chọn', value: end, row: 6 },
        { label: 'Hạn nộp bài', value: '11/06/2023 12:00', row: 4 },
      ],
      SHEET,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      juryWeight: 50,
      engagementWeight: 50,
      pointsPerReaction: 0.5,
      juryAggregation: 'trimmedMean',
      acceptLateEntries: true,
      onePrizePerUnit: false,
    });
    expect(r.value.votingEnd).toBe(end);
    // 11/06/2023 12:00 +07:00 = 05:00 UTC
    expect(r.value.submissionDeadline.toISOString()).toBe('2023-06-11T05:00:00.000Z');
  });
  it('dates are read in the sheet’s own time zone setting', () => {
    const r = parseSettings(
      [
        { label: 'Hạn nộp bài', value: '10/06/2023 23:59', row: 4 },
        { label: 'Múi giờ', value: 'UTC', row: 19 },
      ],
      SHEET,
    );
    expect(r.ok && r.value.submissionDeadline.toISOString()).toBe('2023-06-10T23:59:00.000Z');
  });
  describe('a date without a time: an END setting means 23:59 of that day, a START setting 00:00', () => {
    const dates = (rows: { label: string; value: unknown }[]) => {
      const r = parseSettings(
        rows.map((x, i) => ({ ...x, row: 4 + i })),
        SHEET,
      );
      if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
      return r.value;
    };
    it('"Hạn nộp bài" = "10/06/2023" keeps the whole 10 June open', () => {
      const s = dates([{ label: 'Hạn nộp bài', value: '10/06/2023' }]);
      // 10/06/2023 23:59 +07:00 = 16:59 UTC (not 10/06 00:00 = 09/06 17:00 UTC, which made the whole day late)
      expect(s.submissionDeadline.toISOString()).toBe('2023-06-10T16:59:00.000Z');
      // A clip sent on 10/06 at 15:00 is on time; 23:59:40 is still the 23:59 minute; 11/06 00:00 is late.
      expect(isLate({ submittedAt: new Date('2023-06-10T15:00:00+07:00') }, s)).toBe(false);
      expect(isLate({ submittedAt: new Date('2023-06-10T23:59:40+07:00') }, s)).toBe(false);
      expect(isLate({ submittedAt: new Date('2023-06-11T00:00:00+07:00') }, s)).toBe(true);
    });
    it('"Bắt đầu bình chọn" = "12/06/2023" starts at 00:00; "Kết thúc bình chọn" = "19/06/2023" ends at 23:59', () => {
      const s = dates([
        { label: 'Bắt đầu bình chọn', value: '12/06/2023' },
        { label: 'Kết thúc bình chọn', value: '19/06/2023' },
      ]);
      // 12/06 00:00 +07:00 = 11/06 17:00 UTC; 19/06 23:59 +07:00 = 16:59 UTC
      expect(s.votingStart.toISOString()).toBe('2023-06-11T17:00:00.000Z');
      expect(s.votingEnd.toISOString()).toBe('2023-06-19T16:59:00.000Z');
    });
    it('ISO text and whole .xlsx serial days are date-only too; a typed time, even 00:00, is kept', () => {
      // Serial 45087 = 10/06/2023 (45087 days after 30/12/1899).
      expect(dates([{ label: 'Hạn nộp bài', value: '2023-06-10' }]).submissionDeadline.toISOString()).toBe('2023-06-10T16:59:00.000Z');
      expect(dates([{ label: 'Hạn nộp bài', value: 45087 }]).submissionDeadline.toISOString()).toBe('2023-06-10T16:59:00.000Z');
      // "Giá trị" is a plain-text column, so a typed "00:00" is visible and means midnight: 09/06 17:00 UTC.
      expect(dates([{ label: 'Hạn nộp bài', value: '10/06/2023 00:00' }]).submissionDeadline.toISOString()).toBe('2023-06-09T17:00:00.000Z');
      expect(dates([{ label: 'Hạn nộp bài', value: '10/06/2023 16:30' }]).submissionDeadline.toISOString()).toBe('2023-06-10T09:30:00.000Z');
    });
    it('a real date cell at exactly 00:00 (contest time) counts as date-only for an end setting, not for a start', () => {
      const midnight = new Date('2023-06-10T00:00:00+07:00');
      const s = dates([
        { label: 'Hạn nộp bài', value: midnight },
        { label: 'Bắt đầu bình chọn', value: new Date('2023-06-12T00:00:00+07:00') },
        { label: 'Kết thúc bình chọn', value: new Date('2023-06-19T16:00:00+07:00') },
      ]);
      expect(s.submissionDeadline.toISOString()).toBe('2023-06-10T16:59:00.000Z');
      expect(s.votingStart.toISOString()).toBe('2023-06-11T17:00:00.000Z');
      // 16:00 is a real time: kept (09:00 UTC).
      expect(s.votingEnd.toISOString()).toBe('2023-06-19T09:00:00.000Z');
    });
    it('the end of the day follows "Múi giờ": "10/06/2023" in UTC ends at 23:59 UTC', () => {
      const s = dates([
        { label: 'Hạn nộp bài', value: '10/06/2023' },
        { label: 'Múi giờ', value: 'UTC' },
      ]);
      expect(s.submissionDeadline.toISOString()).toBe('2023-06-10T23:59:00.000Z');
    });
    it('the "Ghi chú" of each date setting says so', () => {
      const note = (label: string) => SETTING_DEFINITIONS.find((d) => d.label === label)!.note;
      expect(note('Hạn nộp bài')).toContain('chỉ ghi ngày (dd/MM/yyyy) nghĩa là hết ngày đó (23:59)');
      expect(note('Kết thúc bình chọn')).toContain('chỉ ghi ngày (dd/MM/yyyy) nghĩa là đến hết ngày đó (23:59)');
      expect(note('Bắt đầu bình chọn')).toContain('chỉ ghi ngày (dd/MM/yyyy) nghĩa là từ 00:00 ngày đó');
    });
  });
  it('a bad value is a problem naming the setting, the row and the value', () => {
    const r = parseSettings(
      [
        { label: 'Trọng số BGK (%)', value: 'bốn mươi', row: 7 },
        { label: 'Nhận bài nộp trễ', value: 'tùy', row: 15 },
        { label: 'Hạn nộp bài', value: '31/06/2023', row: 4 },
        { label: 'Cách tổng hợp điểm BGK', value: 'Tổng', row: 13 },
        { label: 'Múi giờ', value: 'Sao Hỏa', row: 19 },
      ],
      SHEET,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.row, p.code])).toEqual(
      expect.arrayContaining([
        [7, 'setting.number'],
        [15, 'setting.boolean'],
        [4, 'setting.date'],
        [13, 'setting.aggregation'],
        [19, 'setting.timezone'],
      ]),
    );
    const weight = r.problems.find((p) => p.row === 7)!;
    expect(weight).toMatchObject({ sheet: SHEET, column: 'Giá trị' });
    expect(weight.message).toContain('Trọng số BGK (%)');
    expect(weight.message).toContain('"bốn mươi"');
    expect(weight.message).toContain('dòng 7');
  });
  it('whole-settings problems point at the row of the setting they name', () => {
    const r = parseSettings([{ label: 'Trọng số BGK (%)', value: 45, row: 7 }], SHEET);
    // 45 + 60 = 105 ≠ 100
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ code: 'setting.juryWeight.sum', row: 7, sheet: SHEET })]);
    expect(r.problems[0].message).toContain('phải bằng 100');
  });
  it('every problem starts with where to fix it: sheet, row and the "Giá trị" column', () => {
    const rows = defaultRows().map((r) => (r.label === 'Trọng số BGK (%)' ? { ...r, value: 50 } : r.label === 'Nhận bài nộp trễ' ? { ...r, value: 'tùy' } : r));
    const bad = parseSettings(rows, SHEET);
    if (bad.ok) throw new Error('expected problems');
    // "Nhận bài nộp trễ" is the 14th setting → row 15.
    expect(bad.problems.map((p) => p.message)).toEqual([
      'Trang "Cấu hình", dòng 15, cột "Giá trị": giá trị "tùy" của thiết lập "Nhận bài nộp trễ" không hợp lệ; cần "Có" hoặc "Không".',
    ]);
    // Weights sit on rows 7 and 8; 50 + 60 = 110 ≠ 100, so both rows are named.
    const sum = parseSettings(
      defaultRows().map((r) => (r.row === 7 ? { ...r, value: 50 } : r)),
      SHEET,
    );
    if (sum.ok) throw new Error('expected problems');
    expect(sum.problems.map((p) => p.message)).toEqual([
      'Trang "Cấu hình", dòng 7, cột "Giá trị" và dòng 8, cột "Giá trị": thiết lập "Trọng số BGK (%)" (50) cộng "Trọng số tương tác (%)" (60) phải bằng 100.',
    ]);
    // Deadline 13/06 after the voting start 12/06 (rows 4 and 5).
    const order = parseSettings(
      defaultRows().map((r) => (r.row === 4 ? { ...r, value: '13/06/2023 08:00' } : r)),
      SHEET,
    );
    if (order.ok) throw new Error('expected problems');
    expect(order.problems[0].message).toMatch(
      /^Trang "Cấu hình", dòng 4, cột "Giá trị" và dòng 5, cột "Giá trị": thiết lập "Hạn nộp bài" \(13\/06\/2023 08:00\) phải trước/,
    );
  });
  it('reports a duplicated label', () => {
    const r = parseSettings(
      [
        { label: 'Điểm tương tác tối đa', value: 300, row: 12 },
        { label: 'Điểm tương tác tối đa', value: 200, row: 30 },
      ],
      SHEET,
    );
    expect(r.ok || r.problems[0]).toMatchObject({ code: 'setting.duplicate', row: 30 });
  });
});

describe('validateSettings', () => {
  const with_ = (patch: Partial<Settings>) => validateSettings({ ...DEFAULT_SETTINGS, ...patch }).map((p) => p.code);
  it('weights must add up to 100 (float noise tolerated)', () => {
    expect(with_({ juryWeight: 50 })).toEqual(['setting.juryWeight.sum']);
    // 33.3333 + 66.6667 = 100.0000 in ten-thousandths
    expect(with_({ juryWeight: 33.3333, engagementWeight: 66.6667 })).toEqual([]);
    expect(with_({ juryWeight: 0.1 + 0.2 + 39.7, engagementWeight: 60 })).toEqual([]);
  });
  it('caps and point values must be positive; the share cap a whole number', () => {
    expect(with_({ pointsCap: 0 })).toEqual(['setting.pointsCap.positive']);
    expect(with_({ pointsPerShare: -2 })).toEqual(['setting.pointsPerShare.positive']);
    expect(with_({ sharesCapPerAccount: 1.5 })).toEqual(['setting.sharesCapPerAccount.integer']);
    expect(with_({ minValidClipsPerUnit: -1 })).toEqual(['setting.minValidClipsPerUnit.integer']);
  });
  it('deadline ≤ voting start < voting end', () => {
    const start = DEFAULT_SETTINGS.votingStart;
    expect(with_({ submissionDeadline: start })).toEqual([]);
    expect(with_({ submissionDeadline: new Date(start.getTime() + 60000) })).toEqual(['setting.submissionDeadline.order']);
    expect(with_({ votingEnd: start })).toEqual(['setting.votingStart.order']);
    const msg = validateSettings({ ...DEFAULT_SETTINGS, votingEnd: start })[0].message;
    // times are shown in the contest zone
    expect(msg).toContain('12/06/2023 00:00');
  });
  it('time zone must exist', () => {
    expect(with_({ timeZone: 'Asia/Hanoi_Typo' })).toEqual(['setting.timeZone.invalid']);
  });
});
