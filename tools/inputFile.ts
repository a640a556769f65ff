// Checks that a path names an .xlsx workbook (and that an output path is writable) before exceljs sees it, in Vietnamese.
import { readFileSync, realpathSync, statSync } from 'fs';
import JSZip from 'jszip';
import { dirname, isAbsolute, resolve } from 'path';

/**
 * Where relative paths start: the directory the user typed the command in. `npm run score` runs the
 * script from the package root and passes the caller's directory in INIT_CWD; only trusted when npm
 * is running this very script, since child processes of other npm scripts inherit it too.
 */
export function callerDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'score' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

export function resolveFromCaller(path: string): string {
  return isAbsolute(path) ? path : resolve(callerDirectory(), path);
}

/** What is wrong with the input file, as one Vietnamese clause ("là một thư mục, không phải tệp"), or null. */
function statProblem(path: string): string | null {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return 'là một thư mục, không phải tệp bảng tính';
    if (!st.isFile()) return 'không phải tệp thông thường';
    if (st.size === 0) return 'là tệp rỗng (0 byte)';
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'không tồn tại (hãy kiểm tra tên và thư mục của tệp)';
    if (code === 'EACCES' || code === 'EPERM') return 'không có quyền đọc tệp này';
    return 'không đọc được';
  }
}

/**
 * The XML part is cut short when its text does not end with the closing tag of its root element
 * (a download interrupted, or a file copied while still being written). exceljs would otherwise fail
 * with a JavaScript error ("Cannot set properties of undefined") far from the cause.
 */
function truncatedXml(xml: string): boolean {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*/, '');
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(body);
  if (!m) return true;
  const end = body.trimEnd();
  if (!end.endsWith('>')) return true;
  // A self-closing root (<x/>) or one that is closed at the very end.
  return !(end.endsWith(`</${m[1]}>`) || /^<[^>]*\/>$/.test(end));
}

/**
 * Why `path` cannot be read as an .xlsx workbook (one Vietnamese clause), or null when it looks like
 * one: a zip holding xl/workbook.xml whose XML parts are complete. An .ods, an old .xls, another zip,
 * a cut-short download, a directory and a missing file each get their own reason.
 */
export async function workbookFileProblem(path: string): Promise<string | null> {
  const bad = statProblem(path);
  if (bad) return bad;
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return 'là tệp Excel cũ (.xls); hãy mở và lưu lại dưới dạng .xlsx (Excel Workbook)';
  }
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return 'không phải tệp .xlsx (nội dung không phải tệp nén ZIP của Excel; có thể là tệp văn bản, CSV hoặc tệp khác bị đổi đuôi)';
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return 'là tệp nén bị hỏng hoặc bị cắt ngắn (có thể tải về chưa xong); hãy tải lại tệp từ Google Trang tính';
  }
  const mimetype = zip.file('mimetype');
  if (mimetype && (await mimetype.async('string')).includes('opendocument')) {
    return 'là tệp OpenDocument (.ods), không phải .xlsx; hãy tải lại bằng "Tệp → Tải xuống → Microsoft Excel (.xlsx)"';
  }
  if (!zip.file('xl/workbook.xml')) {
    return 'là tệp nén ZIP nhưng không phải bảng tính Excel (không có xl/workbook.xml)';
  }
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir || !/\.(xml|rels)$/i.test(name)) continue;
    let xml: string;
    try {
      xml = await entry.async('string');
    } catch {
      return `có phần "${name}" bị hỏng, không giải nén được`;
    }
    if (truncatedXml(xml)) return `có phần XML "${name}" bị cắt ngắn hoặc hỏng; hãy tải lại tệp từ Google Trang tính`;
  }
  return null;
}

/** Why `out` cannot be written as the result workbook (one Vietnamese clause), or null. */
export function outputFileProblem(out: string, input: string): string | null {
  let st: ReturnType<typeof statSync> | null = null;
  try {
    st = statSync(out);
  } catch {
    st = null;
  }
  if (st?.isDirectory()) return 'là một thư mục; hãy ghi rõ tên tệp, ví dụ ket-qua.xlsx';
  const parent = dirname(out);
  let parentStat: ReturnType<typeof statSync> | null = null;
  try {
    parentStat = statSync(parent);
  } catch {
    parentStat = null;
  }
  if (!parentStat) return `nằm trong thư mục "${parent}" không tồn tại`;
  if (!parentStat.isDirectory()) return `nằm trong "${parent}", không phải một thư mục`;
  // Same file under another spelling (a symlink, "./x.xlsx"): the input is never overwritten.
  const same = st !== null && realpathSync(out) === realpathSync(input);
  if (same || resolve(out) === resolve(input)) return 'trùng với tệp đầu vào: hãy chọn tên khác, tệp đầu vào không bao giờ bị ghi đè';
  return null;
}
