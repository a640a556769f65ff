// The two CLIs as a user runs them: `npm start` (demo) and `npm run score` on the workbook it writes.
import ExcelJS from 'exceljs';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { CONFLICT_NOTE } from '../../src/sheets/juryTab';
import type { ScoreJson } from '../../tools/report';
import { readXlsx, type GridValue, type SheetData } from '../../tools/xlsx';
import { workbookVariant } from './workbookVariant';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const HCM = 'Asia/Ho_Chi_Minh';

let dir: string;
let demo: SpawnSyncReturns<string>;
let demoJson: ScoreJson;
let demoXlsx: string;

function run(script: string, args: string[], tz: string): SpawnSyncReturns<string> {
  return spawnSync(TSX, [join('tools', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: tz, HOITHI_OUT_DIR: '' },
    timeout: 60_000,
  });
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** stdout must be exactly one JSON object (and nothing else). */
function onlyJson(stdout: string): ScoreJson {
  const text = stdout.trim();
  expect(text.startsWith('{') && text.endsWith('}')).toBe(true);
  expect(text.split('\n')).toHaveLength(1);
  return JSON.parse(text) as ScoreJson;
}

/** A copy of the demo workbook with `change` applied to the sheets, written to `name`. */
function variant(name: string, change: (sheets: SheetData[]) => void): Promise<string> {
  return workbookVariant(demoXlsx, dir, name, HCM, change);
}

function sheetOf(sheets: SheetData[], name: string): SheetData {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** What a reader sees of the workbook's formats: "Cấu hình" value column, and the grey rows of each juror tab. */
async function formatsOf(path: string): Promise<{
  configValueFormats: string[];
  configColumnFormat: string | undefined;
  greyRows: Record<string, number>;
  greyRowsWholeAndNoted: boolean;
}> {
  const data = await readXlsx(path, HCM);
  const config = sheetOf(data.sheets, 'Cấu hình');
  const value = col(config, 'Giá trị');
  const greyRows: Record<string, number> = {};
  let whole = true;
  for (const tab of data.sheets.filter((x) => x.name.startsWith('BGK - '))) {
    const rows = tab.backgrounds.map((r, i) => ({ r, i })).filter(({ r }) => r.some((b) => b !== ''));
    if (rows.length > 0) greyRows[tab.name] = rows.length;
    for (const { r, i } of rows) {
      if (!r.every((b) => b === '#d9d9d9') || tab.values[i][col(tab, 'Tổng')] !== CONFLICT_NOTE) whole = false;
    }
  }
  return {
    configValueFormats: config.numberFormats.map((r) => r[value]),
    configColumnFormat: config.columnFormats[value],
    greyRows,
    greyRowsWholeAndNoted: whole,
  };
}

function col(s: SheetData, header: string): number {
  const c = s.values[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${s.name}`);
  return c;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hoithi-cli-'));
  // The demo runs with the process in UTC; the contest's dates are Ho Chi Minh City wall clock.
  demo = run('demo.ts', ['--out-dir', dir, '--json'], 'UTC');
  demoXlsx = join(dir, 'hoithi-demo.xlsx');
  if (demo.status === 0) demoJson = JSON.parse(demo.stdout) as ScoreJson;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (tools/demo.ts)', () => {
  test('runs the sample contest, prints the award list and writes the workbook', () => {
    expect(demo.stderr).not.toMatch(/Lỗi|dừng ở bước/);
    expect(demo.status).toBe(0);
    demoJson = onlyJson(demo.stdout);
    expect(existsSync(demoXlsx)).toBe(true);
    // Default prize tiers: Nhất 1, Nhì 1, Ba 1, Khuyến khích 3 → six awards, one unit each.
    expect(demoJson.awards.map((a) => a.prize)).toEqual(['Giải Nhất', 'Giải Nhì', 'Giải Ba', 'Giải Khuyến khích', 'Giải Khuyến khích', 'Giải Khuyến khích']);
    expect(new Set(demoJson.awards.map((a) => a.unit)).size).toBe(6);
    // The printed award list names every prize-winning unit and clip.
    expect(demo.stderr).toContain('DANH SÁCH KHEN THƯỞNG');
    for (const a of demoJson.awards) expect(demo.stderr).toMatch(new RegExp(`${a.prize}\\s+${a.unit}\\s+${a.id}`));
  });

  test('the sample has what the issue asks for: 30 units, 45 clips, late, unknown unit, duplicate link, disqualified', () => {
    expect(demoJson.results).toHaveLength(45);
    expect(demoJson.participation.filter((p) => p.unit !== 'Chi đoàn Công ty Du lịch Phú Thọ')).toHaveLength(30);
    const notes = demoJson.results.map((r) => r.note);
    // 3 late clips and 6 failing appraisal (one of them the repeated link) are not scored.
    expect(notes.filter((n) => n.startsWith('Nộp trễ'))).toHaveLength(3);
    expect(notes.filter((n) => n.startsWith('Không đạt'))).toHaveLength(6);
    expect(demoJson.results.filter((r) => r.rank === null)).toHaveLength(9);
    // Phường 9, 14 and Trung tâm Y tế sent nothing; Phường 12 and BHXH have no valid clip; Du lịch Phú
    // Thọ was removed from the roster, so its row is outside the quota (never "met").
    expect(
      demoJson.participation
        .filter((p) => !p.quotaMet)
        .map((p) => p.unit)
        .sort(),
    ).toEqual(
      [
        'Chi đoàn Bảo hiểm xã hội Quận 11',
        'Chi đoàn Công ty Du lịch Phú Thọ',
        'Chi đoàn Trung tâm Y tế Quận 11',
        'Đoàn phường 12',
        'Đoàn phường 14',
        'Đoàn phường 9',
      ].sort(),
    );
    expect(demo.stderr).toMatch(/3 nộp trễ, 1 không rõ đơn vị, 1 trùng link/);
    // One juror shares a unit with two passed clips and does not mark them.
    expect(demo.stderr).toMatch(/Nguyễn Ngọc Diễm chấm: 34 bài, 2 bài cùng đơn vị không chấm/);
    // A clip whose raw points pass the cap counts 300 (60 × 300 / 300 = 60.00 engagement part).
    const capped = demoJson.results.find((r) => r.engagementPoints > 300)!;
    expect(capped.countedPoints).toBe(300);
    expect(capped.engagementPart).toBeCloseTo(60, 10);
  });

  test('the workbook has every sheet, bold frozen headers, TRUE/FALSE ticks, date cells and the QR codes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(demoXlsx);
    const names = wb.worksheets.map((w) => w.name);
    for (const name of [
      'Cấu hình',
      'Đơn vị',
      'Ban giám khảo',
      'Bài dự thi',
      'Thẩm định',
      'Tương tác',
      'Nhật ký chia sẻ',
      'Kết quả',
      'Giải thưởng',
      'Tham gia',
      'Nhật ký',
      'Mã QR',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.filter((n) => n.startsWith('BGK - '))).toHaveLength(5);
    for (const ws of wb.worksheets.filter((w) => w.actualRowCount > 0)) {
      expect(ws.getCell('A1').font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    }
    const appraisal = wb.getWorksheet('Thẩm định')!;
    const tt1 = (appraisal.getRow(1).values as unknown[]).indexOf('TT1');
    const ticks = [];
    for (let r = 2; r <= appraisal.actualRowCount; r++) ticks.push(appraisal.getRow(r).getCell(tt1).value);
    expect(ticks).toHaveLength(45);
    expect(ticks.every((v) => v === true || v === false)).toBe(true);
    // LibreOffice shows a bare boolean as 1/0; the display format makes it read TRUE/FALSE there too.
    expect(appraisal.getRow(2).getCell(tt1).numFmt).toBe('"TRUE";"TRUE";"FALSE"');
    const subs = wb.getWorksheet('Bài dự thi')!;
    const timeCol = (subs.getRow(1).values as unknown[]).indexOf('Thời gian nộp');
    expect(subs.getRow(2).getCell(timeCol).value).toBeInstanceOf(Date);
    expect(subs.getRow(2).getCell(timeCol).numFmt).toBe('dd/mm/yyyy hh:mm');
    // One general link and one per unit of the roster as it was when the codes were made (31).
    expect(wb.getWorksheet('Mã QR')!.getImages()).toHaveLength(32);
    // The emulator's blank first sheet is not exported.
    expect(names).not.toContain('Trang tính1');
  });

  test('the workbook keeps its dropdowns: TRUE/FALSE ticks, lists and the 0–100 mark range, also on rows not typed yet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(demoXlsx);
    const header = (ws: ExcelJS.Worksheet, h: string): number => (ws.getRow(1).values as unknown[]).indexOf(h);
    const appraisal = wb.getWorksheet('Thẩm định')!;
    // 45 clips fill rows 2–46; row 200 is still empty and keeps the rules for the next clips.
    for (const row of [2, 200]) {
      expect(appraisal.getRow(row).getCell(header(appraisal, 'TT1')).dataValidation).toMatchObject({ type: 'list', formulae: ['"TRUE,FALSE"'] });
      expect(appraisal.getRow(row).getCell(header(appraisal, 'Kết quả')).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"Chờ thẩm định,Đạt,Không đạt"'],
        errorStyle: 'stop',
      });
    }
    const subs = wb.getWorksheet('Bài dự thi')!;
    expect(subs.getRow(2).getCell(header(subs, 'Hình thức')).dataValidation).toMatchObject({ type: 'list', formulae: ['"Cá nhân,Tập thể"'] });
    // The rubric's one criterion "Điểm" has max 100: marks between 0 and 100; "8,5" typed as text only warns.
    const tab = wb.worksheets.find((w) => w.name.startsWith('BGK - '))!;
    expect(tab.getRow(2).getCell(header(tab, 'Điểm')).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
      errorStyle: 'warning',
    });
  });

  test('the workbook keeps plain-text "Giá trị" in "Cấu hình" (also below the last row) and the grey conflict-of-interest rows', async () => {
    const f = await formatsOf(demoXlsx);
    // Every setting's value is text ("@"), the header not; rows not typed yet get it from the column.
    expect(f.configValueFormats[0]).toBe('');
    expect(f.configValueFormats.slice(1).every((x) => x === '@')).toBe(true);
    expect(f.configValueFormats.length).toBeGreaterThan(15);
    expect(f.configColumnFormat).toBe('@');
    // The demo's one conflict: juror Nguyễn Ngọc Diễm and 2 clips of her own unit, greyed across the row.
    expect(f.greyRows).toEqual({ 'BGK - Nguyễn Ngọc Diễm': 2 });
    expect(f.greyRowsWholeAndNoted).toBe(true);
  });

  test('"Nhật ký" reads in time order', async () => {
    const data = await readXlsx(demoXlsx, HCM);
    const log = sheetOf(data.sheets, 'Nhật ký');
    const times = log.values.slice(1).map((r) => r[col(log, 'Thời gian')]);
    expect(times.length).toBeGreaterThanOrEqual(10);
    expect(times.every((t) => t instanceof Date)).toBe(true);
    const ms = times.map((t) => (t as Date).getTime());
    for (let i = 1; i < ms.length; i++) expect(ms[i]).toBeGreaterThanOrEqual(ms[i - 1]);
  });

  test('JSON numbers are numbers, the jury aggregate is on the rubric scale, totals add up', () => {
    for (const r of demoJson.results.filter((x) => x.rank !== null)) {
      expect(typeof r.total).toBe('number');
      // jury part = 40 × aggregate / 100 (rubric "Điểm" 0–100); total = jury part + engagement part.
      expect(r.juryPart!).toBeCloseTo((40 * r.juryAggregate!) / 100, 9);
      expect(r.total!).toBeCloseTo(r.juryPart! + r.engagementPart, 9);
      // engagement part = 60 × min(points, 300) / 300 (default settings), whatever the clip's points.
      expect(r.countedPoints).toBe(Math.min(r.engagementPoints, 300));
      expect(r.engagementPart).toBeCloseTo((60 * r.countedPoints) / 300, 9);
      // On the 0–100 scale of the rubric, not 0–1 nor 0–40.
      expect(r.juryAggregate!).toBeGreaterThan(1);
      expect(r.juryAggregate!).toBeLessThanOrEqual(100);
    }
  });
});

describe('npm run score (tools/score.ts)', () => {
  test('the demo workbook scores to the same results and awards the demo printed, under another zone', async () => {
    const before = sha256(demoXlsx);
    const out = join(dir, 'rescored.xlsx');
    const r = run('score.ts', [demoXlsx, '--json', '--out', out], 'Asia/Tokyo');
    expect(r.stderr).not.toMatch(/Lỗi/);
    expect(r.status).toBe(0);
    const json = onlyJson(r.stdout);
    expect(json.awards).toEqual(demoJson.awards);
    expect(json.results).toEqual(demoJson.results);
    expect(json.participation).toEqual(demoJson.participation);
    expect(existsSync(out)).toBe(true);
    expect(sha256(demoXlsx)).toBe(before);
    // The written workbook keeps the formats and grey rows of the one it read.
    expect(await formatsOf(out)).toEqual(await formatsOf(demoXlsx));
    // "Nhật ký" of the written workbook says the two actions ran offline, not as some Google account.
    const log = sheetOf((await readXlsx(out, HCM)).sheets, 'Nhật ký');
    const lastTwo = log.values.slice(-2);
    expect(lastTwo.map((r) => r[col(log, 'Thao tác')])).toEqual(['Tính điểm', 'Lập danh sách khen thưởng']);
    expect(lastTwo.map((r) => r[col(log, 'Người thực hiện')])).toEqual(['hoithi (ngoại tuyến)', 'hoithi (ngoại tuyến)']);
  });

  test('columns reordered by hand (and an extra column) give the same results', async () => {
    const path = await variant('reordered.xlsx', (sheets) => {
      for (const s of sheets) {
        if (!['Bài dự thi', 'Thẩm định', 'Tương tác', 'Nhật ký chia sẻ', 'Cấu hình', 'Đơn vị'].includes(s.name) && !s.name.startsWith('BGK - ')) continue;
        s.values = s.values.map((row, i) => [i === 0 ? 'Ghi chú riêng' : 'x', ...[...row].reverse()]);
      }
    });
    const r = run('score.ts', [path, '--json'], 'UTC');
    expect(r.status).toBe(0);
    const json = onlyJson(r.stdout);
    expect(json.results).toEqual(demoJson.results);
    expect(json.awards).toEqual(demoJson.awards);
  });

  test('a mark "9,5a" stops scoring with exit 2 naming the juror tab, row and column; nothing is written', async () => {
    let row = 0;
    const path = await variant('badmark.xlsx', (sheets) => {
      const s = sheetOf(sheets, 'BGK - Trần Quốc Bảo');
      s.values[2][col(s, 'Điểm')] = '9,5a';
      row = 3;
    });
    const before = sha256(path);
    const out = join(dir, 'badmark-out.xlsx');
    const r = run('score.ts', [path, '--json', '--out', out], 'UTC');
    expect(r.status).toBe(2);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr).toContain(`Trang "BGK - Trần Quốc Bảo", dòng ${row}, cột "Điểm"`);
    expect(r.stderr).toContain('"9,5a"');
    expect(existsSync(out)).toBe(false);
    expect(sha256(path)).toBe(before);
  });

  test('weights 50/60 exit 2 with a message naming both settings and the "Cấu hình" row', async () => {
    let row = 0;
    const path = await variant('weights.xlsx', (sheets) => {
      const s = sheetOf(sheets, 'Cấu hình');
      const key = col(s, 'Thiết lập');
      const value = col(s, 'Giá trị');
      const set = (label: string, v: GridValue): number => {
        const i = s.values.findIndex((r) => r[key] === label);
        s.values[i][value] = v;
        return i + 1;
      };
      row = set('Trọng số BGK (%)', 50);
      set('Trọng số tương tác (%)', 60);
    });
    const r = run('score.ts', [path], 'UTC');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"Trọng số BGK (%)" (50) cộng "Trọng số tương tác (%)" (60) phải bằng 100');
    expect(r.stderr).toContain(`Trang "Cấu hình", dòng ${row}, cột "Giá trị"`);
  });

  test('a missing header or sheet exits 2 naming it', async () => {
    const noHeader = await variant('noheader.xlsx', (sheets) => {
      const s = sheetOf(sheets, 'Tương tác');
      const c = col(s, 'Lượt cảm xúc');
      s.values = s.values.map((r) => r.filter((_, i) => i !== c));
    });
    const r1 = run('score.ts', [noHeader, '--json'], 'UTC');
    expect(r1.status).toBe(2);
    expect(r1.stderr).toContain('Trang "Tương tác" thiếu cột "Lượt cảm xúc" ở dòng 1');

    const noSheet = await variant('nosheet.xlsx', (sheets) => {
      sheets.splice(
        sheets.findIndex((s) => s.name === 'Ban giám khảo'),
        1,
      );
    });
    const r2 = run('score.ts', [noSheet], 'UTC');
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('Không tìm thấy trang "Ban giám khảo"');
    // The message names the sheet once, not 'Trang "Ban giám khảo": Không tìm thấy trang "Ban giám khảo"'.
    expect(r2.stderr).not.toContain('Trang "Ban giám khảo":');
  });

  test('a count "nhiều" or a share time "hôm qua" stops scoring (exit 2) instead of counting 0 or dropping the share', async () => {
    let countRow = 0;
    let shareRow = 0;
    const path = await variant('nhieu.xlsx', (sheets) => {
      const e = sheetOf(sheets, 'Tương tác');
      countRow = 5;
      e.values[countRow - 1][col(e, 'Lượt cảm xúc')] = 'nhiều';
      const log = sheetOf(sheets, 'Nhật ký chia sẻ');
      shareRow = 7;
      log.values[shareRow - 1][col(log, 'Thời gian')] = 'hôm qua';
    });
    const before = sha256(path);
    const out = join(dir, 'nhieu-out.xlsx');
    const r = run('score.ts', [path, '--json', '--out', out], 'UTC');
    expect(r.status).toBe(2);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr).toContain('Không tính được điểm vì bảng tính có lỗi');
    expect(r.stderr).toContain(`Trang "Tương tác", dòng ${countRow}, cột "Lượt cảm xúc": "nhiều" không phải số nguyên không âm.`);
    expect(r.stderr).toContain(`Trang "Nhật ký chia sẻ", dòng ${shareRow}, cột "Thời gian": "hôm qua"`);
    // What the add-on does meanwhile in Google (count 0) is not what happens here: nothing is computed.
    expect(r.stderr).not.toContain('tạm tính là 0');
    expect(existsSync(out)).toBe(false);
    expect(sha256(path)).toBe(before);
  });

  test('a missing mark leaves its clip unscored (exit 0) and stderr says which juror has not marked which clip', async () => {
    let line = '';
    const path = await variant('missing-mark.xlsx', (sheets) => {
      const tab = sheetOf(sheets, 'BGK - Trần Quốc Bảo');
      tab.values[2][col(tab, 'Điểm')] = '';
      const jurors = sheetOf(sheets, 'Ban giám khảo');
      const code = jurors.values.find((r) => r[col(jurors, 'Họ tên')] === 'Trần Quốc Bảo')![col(jurors, 'Mã')];
      line = `Trần Quốc Bảo (${code}) chưa chấm 1 bài: ${tab.values[2][col(tab, 'Mã bài')]}`;
    });
    const r = run('score.ts', [path, '--json'], 'UTC');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Điểm BGK còn thiếu:');
    expect(r.stderr).toContain(line);
    // The summary's warning about the clip of a unit outside the roster is shown, once for both actions.
    expect(r.stderr.split('Chưa xét giải 1 bài vì đơn vị không có trong danh sách').length - 1).toBe(1);
    // 36 clips were scored in the demo; this one now waits for its mark.
    expect(onlyJson(r.stdout).results.filter((x) => x.rank !== null)).toHaveLength(35);
  });

  test('usage errors exit 2 in Vietnamese; --out onto the input is refused', () => {
    const r1 = run('score.ts', [], 'UTC');
    expect(r1.status).toBe(2);
    expect(r1.stderr).toContain('Chưa chọn tệp bảng tính');
    const r2 = run('score.ts', [join(dir, 'khong-co.xlsx')], 'UTC');
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('Không tìm thấy tệp');
    const before = sha256(demoXlsx);
    const r3 = run('score.ts', [demoXlsx, '--out', demoXlsx], 'UTC');
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain('trùng với tệp đầu vào');
    expect(sha256(demoXlsx)).toBe(before);
  });
});

describe('npm start read through a pipe that closes early (`npm start | head`)', () => {
  test('still writes the whole workbook and leaves no partial file', () => {
    const out = mkdtempSync(join(tmpdir(), 'hoithi-pipe-'));
    try {
      // `head -2` closes the pipe after two lines; the demo must shrug off EPIPE and finish.
      const r = spawnSync('bash', ['-c', `"${TSX}" tools/demo.ts --out-dir "${out}" 2>&1 | head -2`], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.stdout.trim().split('\n')).toHaveLength(2);
      const xlsx = join(out, 'hoithi-demo.xlsx');
      // bash waits for both ends of the pipe, so the demo has exited by now.
      expect(existsSync(xlsx)).toBe(true);
      expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK'); // a zip, not a truncated file
      expect(existsSync(`${xlsx}.partial`)).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
