// Issue 13 through `npm run score`: every kind of bad input exits 2 with a Vietnamese message naming the file, sheet, row and column.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { ScoreJson } from '../../tools/report';
import type { SheetData } from '../../tools/xlsx';
import { workbookVariant } from './workbookVariant';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const HCM = 'Asia/Ho_Chi_Minh';
const AN = 'BGK - Trần Quốc Bảo';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;
let base: string;
let baseHash: string;

/** `npm run score` as tools/score.ts, asynchronously so the many cases below run side by side. */
function score(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(TSX, [join('tools', 'score.ts'), ...args], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function sheetOf(sheets: SheetData[], name: string): SheetData {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function col(s: SheetData, header: string): number {
  const c = s.values[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${s.name}`);
  return c;
}

/** 0-based index of the row whose "Mã bài" is `id`. */
function rowIndex(s: SheetData, id: string): number {
  const c = col(s, 'Mã bài');
  const i = s.values.findIndex((r, k) => k > 0 && r[c] === id);
  if (i < 0) throw new Error(`no ${id} in ${s.name}`);
  return i;
}

/** A copy of the base workbook with `change` applied, written to `name`. */
function variant(name: string, change: (sheets: SheetData[]) => void): Promise<string> {
  return workbookVariant(base, dir, name, HCM, change);
}

/** Appends a copy of row `i` of `s` (with `change` by header) and returns its sheet row. */
function copyRow(s: SheetData, i: number, change: Record<string, unknown> = {}): number {
  const row = s.values[i].map((v, c) => (String(s.values[0][c]) in change ? change[String(s.values[0][c])] : v)) as SheetData['values'][number];
  s.values.push(row);
  return s.values.length;
}

/** The base workbook with one part of its zip replaced by `content` (or cut to half when omitted). */
async function zipVariant(name: string, part: string, content?: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(base));
  const xml = await zip.file(part)!.async('string');
  zip.file(part, content ?? xml.slice(0, Math.floor(xml.length / 2)));
  const path = join(dir, name);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
  return path;
}

const results = new Map<string, Run>();
const rows: Record<string, number> = {};
const paths: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hoithi-bad-'));
  const demo = spawnSync(TSX, [join('tools', 'demo.ts'), '--out-dir', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 120_000,
  });
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  base = join(dir, 'hoithi-demo.xlsx');
  baseHash = sha256(base);

  // Files that are not a contest workbook.
  const ods = new JSZip();
  ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
  ods.file('content.xml', '<office:document-content/>');
  paths.ods = join(dir, 'bang-tinh.ods');
  writeFileSync(paths.ods, await ods.generateAsync({ type: 'nodebuffer' }));
  const other = new JSZip();
  other.file('ghi-chu.txt', 'không phải bảng tính');
  paths.zip = join(dir, 'nen.xlsx');
  writeFileSync(paths.zip, await other.generateAsync({ type: 'nodebuffer' }));
  paths.text = join(dir, 'van-ban.xlsx');
  writeFileSync(paths.text, 'Mã bài,Tổng điểm\nHT-001,90\n');
  paths.cut = await zipVariant('cat-ngan.xlsx', 'xl/worksheets/sheet1.xml');
  paths.half = join(dir, 'tai-do.xlsx');
  writeFileSync(paths.half, readFileSync(base).subarray(0, 20000));
  paths.dir = join(dir, 'thu-muc.xlsx');
  mkdirSync(paths.dir);
  paths.missing = join(dir, 'khong-co.xlsx');
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet('Sheet1').getCell('A1').value = 'Danh sách lớp';
  paths.plain = join(dir, 'bang-khac.xlsx');
  await plain.xlsx.writeFile(paths.plain);

  // The same key twice.
  paths.dupSubmission = await variant('trung-bai.xlsx', (sheets) => {
    const s = sheetOf(sheets, 'Bài dự thi');
    rows.dupSubmission = rowIndex(s, 'HT-002') + 1;
    rows.dupSubmission2 = copyRow(s, rows.dupSubmission - 1, { 'Tên tác phẩm': 'Một bài khác' });
  });
  paths.sameSubmission = await variant('trung-bai-giong.xlsx', (sheets) => {
    const s = sheetOf(sheets, 'Bài dự thi');
    rows.sameSubmission = rowIndex(s, 'HT-002') + 1;
    rows.sameSubmission2 = copyRow(s, rows.sameSubmission - 1);
  });
  paths.dupAppraisal = await variant('trung-tham-dinh.xlsx', (sheets) => {
    const s = sheetOf(sheets, 'Thẩm định');
    rows.dupAppraisal = rowIndex(s, 'HT-002') + 1;
    rows.dupAppraisal2 = copyRow(s, rows.dupAppraisal - 1, { TT1: false });
  });
  paths.dupJury = await variant('trung-bgk.xlsx', (sheets) => {
    const s = sheetOf(sheets, AN);
    rows.dupJury = rowIndex(s, 'HT-002') + 1;
    rows.dupJury2 = copyRow(s, rows.dupJury - 1, { Điểm: 1 });
  });
  paths.dupEngagement = await variant('trung-tuong-tac.xlsx', (sheets) => {
    const s = sheetOf(sheets, 'Tương tác');
    rows.dupEngagement = rowIndex(s, 'HT-002') + 1;
    rows.dupEngagement2 = copyRow(s, rows.dupEngagement - 1, { 'Lượt cảm xúc': 1 });
  });
  paths.dupHeader = await variant('trung-cot.xlsx', (sheets) => {
    const s = sheetOf(sheets, 'Tương tác');
    s.values = s.values.map((r, i) => [...r, i === 0 ? 'Lượt chia sẻ' : i === 1 ? 99999 : '']);
  });
  // A row with content but no ID.
  paths.noId = await variant('khong-ma.xlsx', (sheets) => {
    const s = sheetOf(sheets, 'Bài dự thi');
    rows.noId = copyRow(s, 1, { 'Mã bài': '', 'Tên tác phẩm': 'Bài chưa có mã' });
  });
  // Numbers too large.
  paths.bigCount = await variant('so-lon.xlsx', (sheets) => {
    const s = sheetOf(sheets, 'Tương tác');
    rows.bigCount = rowIndex(s, 'HT-002') + 1;
    s.values[rows.bigCount - 1][col(s, 'Lượt chia sẻ')] = 1e300;
  });
  paths.bigSetting = await variant('thiet-lap-lon.xlsx', (sheets) => {
    const s = sheetOf(sheets, 'Cấu hình');
    const i = s.values.findIndex((r) => r[col(s, 'Thiết lập')] === 'Điểm mỗi lượt chia sẻ');
    rows.bigSetting = i + 1;
    s.values[i][col(s, 'Giá trị')] = '1e300';
  });
  paths.bigMax = await variant('diem-toi-da-lon.xlsx', (sheets) => {
    sheetOf(sheets, 'Tiêu chí chấm').values[1][1] = 1e308;
  });
  // An extra numeric column at the left of a juror tab.
  paths.stt = await variant('stt.xlsx', (sheets) => {
    const s = sheetOf(sheets, AN);
    s.values = s.values.map((r, i) => [i === 0 ? 'STT' : i, ...r]);
  });
  // A formula saved without its value.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(base);
  const ws = wb.getWorksheet(AN)!;
  ws.getCell('F3').value = { formula: '8+1' } as ExcelJS.CellFormulaValue;
  paths.formula = join(dir, 'cong-thuc.xlsx');
  await wb.xlsx.writeFile(paths.formula);

  const cases: [string, string[]][] = [
    ['base', [base, '--json']],
    ...['ods', 'zip', 'text', 'cut', 'half', 'dir', 'missing', 'plain'].map((k): [string, string[]] => [k, [paths[k]]]),
    ...[
      'dupSubmission',
      'sameSubmission',
      'dupAppraisal',
      'dupJury',
      'dupEngagement',
      'dupHeader',
      'noId',
      'bigCount',
      'bigSetting',
      'bigMax',
      'stt',
      'formula',
    ].map((k): [string, string[]] => [k, [paths[k], '--json']]),
    ['outNoDir', [base, '--out', join(dir, 'khong-co-thu-muc', 'ket-qua.xlsx')]],
    ['outIsDir', [base, '--out', dir]],
    ['outIsInput', [base, '--out', join(dir, '.', 'hoithi-demo.xlsx')]],
  ];
  // Three at a time: each is a Node process loading the whole workbook.
  for (let i = 0; i < cases.length; i += 3) {
    const batch = cases.slice(i, i + 3);
    const done = await Promise.all(batch.map(([, args]) => score(args)));
    batch.forEach(([k], j) => results.set(k, done[j]));
  }
}, 600_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function result(key: string): Run {
  const r = results.get(key);
  if (!r) throw new Error(`no run ${key}`);
  return r;
}

describe('files that are not a contest workbook exit 2, naming the file and what is wrong', () => {
  test.each([
    ['ods', 'bang-tinh.ods', 'là tệp OpenDocument (.ods)'],
    ['zip', 'nen.xlsx', 'là tệp nén ZIP nhưng không phải bảng tính Excel'],
    ['text', 'van-ban.xlsx', 'không phải tệp .xlsx'],
    ['cut', 'cat-ngan.xlsx', 'có phần XML "xl/worksheets/sheet1.xml" bị cắt ngắn'],
    ['half', 'tai-do.xlsx', 'là tệp nén bị hỏng hoặc bị cắt ngắn'],
    ['dir', 'thu-muc.xlsx', 'là một thư mục'],
    ['missing', 'khong-co.xlsx', 'Không tìm thấy tệp'],
    ['plain', 'bang-khac.xlsx', 'không phải bảng tính hội thi'],
  ])('%s', (key, file, text) => {
    const r = result(key);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/Cannot|undefined|Error/);
    expect(r.stdout).toBe('');
  });
});

describe('--out that cannot be written exits 2 and leaves the input untouched', () => {
  test.each([
    ['outNoDir', 'không tồn tại'],
    ['outIsDir', 'là một thư mục'],
    ['outIsInput', 'trùng với tệp đầu vào'],
  ])('%s', (key, text) => {
    const r = result(key);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Tệp kết quả (--out)');
    expect(r.stderr).toContain(text);
  });

  test('the input is byte for byte what the demo wrote, and nothing was created', () => {
    expect(existsSync(join(dir, 'khong-co-thu-muc'))).toBe(false);
    expect(sha256(base)).toBe(baseHash);
  });
});

test("relative paths are the caller's: `npm run score -- ../x.xlsx` typed in a subdirectory", () => {
  const sub = join(dir, 'con');
  mkdirSync(sub, { recursive: true });
  const r = spawnSync('npm', ['--prefix', ROOT, 'run', 'score', '--', '../hoithi-demo.xlsx', '--json'], {
    cwd: sub,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 120_000,
  });
  expect(r.stderr).not.toContain('Không tìm thấy tệp');
  expect(r.status).toBe(0);
  expect((JSON.parse(r.stdout) as ScoreJson).awards).toEqual((JSON.parse(result('base').stdout) as ScoreJson).awards);
});

describe('the same key twice', () => {
  test('"Bài dự thi": two different rows for one clip ID exit 2 naming both rows', () => {
    const r = result('dupSubmission');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `Trang "Bài dự thi", cột "Mã bài": mã "HT-002" có ở dòng ${rows.dupSubmission}, ${rows.dupSubmission2} với thông tin bài khác nhau`,
    );
  });

  test('"Bài dự thi": an identical copy is a warning and the clip is scored once', () => {
    const r = result('sameSubmission');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`mã "HT-002" có ở dòng ${rows.sameSubmission}, ${rows.sameSubmission2} với nội dung giống hệt nhau`);
    expect((JSON.parse(r.stdout) as ScoreJson).results.filter((x) => x.id === 'HT-002')).toHaveLength(1);
  });

  test.each([
    ['dupAppraisal', 'Thẩm định', 'dấu tiêu chí'],
    ['dupJury', AN, 'điểm'],
    ['dupEngagement', 'Tương tác', 'số lượt'],
  ])('%s: different copies exit 2 naming the sheet, both rows and the column', (key, sheet, what) => {
    const r = result(key);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Trang "${sheet}", cột "Mã bài": mã "HT-002" có ở dòng ${rows[key]}, ${rows[`${key}2`]} với ${what} khác nhau`);
  });

  test('a header twice with different data exits 2 naming both columns', () => {
    const r = result('dupHeader');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Trang "Tương tác", dòng 1: tiêu đề "Lượt chia sẻ" có ở cột D, cột [A-Z]+, và dữ liệu hai cột khác nhau ở dòng 2/);
  });
});

test('"Bài dự thi": a row with content but no ID exits 2 naming its row', () => {
  const r = result('noId');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`Trang "Bài dự thi", dòng ${rows.noId}, cột "Mã bài": dòng này có nội dung nhưng chưa có mã bài`);
});

describe('numbers', () => {
  test('every total of the demo is a finite number in [0, 100]', () => {
    const json = JSON.parse(result('base').stdout) as ScoreJson;
    for (const r of json.results) {
      if (r.total === null) continue;
      expect(Number.isFinite(r.total)).toBe(true);
      expect(r.total).toBeGreaterThanOrEqual(0);
      expect(r.total).toBeLessThanOrEqual(100);
    }
  });

  test('a count of 1e300 exits 2 naming its cell', () => {
    const r = result('bigCount');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Trang "Tương tác", dòng ${rows.bigCount}, cột "Lượt chia sẻ": "1e+300" lớn quá mức hợp lý`);
  });

  test('a setting of 1e300 exits 2 naming the setting and its row', () => {
    const r = result('bigSetting');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Trang "Cấu hình", dòng ${rows.bigSetting}, cột "Giá trị"`);
    expect(r.stderr).toContain('Điểm mỗi lượt chia sẻ');
  });

  test('a rubric maximum of 1e308 exits 2 naming its cell', () => {
    const r = result('bigMax');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Trang "Tiêu chí chấm", dòng 2, cột "Điểm tối đa": 1e+308 lớn quá mức hợp lý');
  });
});

test('a formula cell saved without its value exits 2 naming the cell, instead of reading "not marked"', () => {
  const r = result('formula');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`Trang "${AN}", dòng 3, cột "Điểm": công thức "=8+1" chưa được tính`);
});

test('an extra numeric "STT" column in a juror tab is not reported as a criterion that left the rubric', () => {
  const r = result('stt');
  expect(r.stderr).not.toContain('không còn trong "Tiêu chí chấm"');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(JSON.parse(result('base').stdout));
});
