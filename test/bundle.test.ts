// Proves the clasp bundle works as Apps Script loads it: a plain script in a bare V8 context.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { createContestEmulator } from './sample/emulator';

const root = path.resolve(__dirname, '..');
const bundlePath = path.join(root, 'dist', 'Code.js');

/** Entry points as src/main.ts declares them (`global.name = ...`). */
function declaredEntryPoints(): string[] {
  const main = fs.readFileSync(path.join(root, 'src', 'main.ts'), 'utf8');
  return [...main.matchAll(/^global\.(\w+)\s*=/gm)].map((m) => m[1]);
}

function loadBundle() {
  const emulator = createContestEmulator();
  const context = vm.createContext({});
  emulator.installGlobals(context);
  vm.runInContext(fs.readFileSync(bundlePath, 'utf8'), context, { filename: 'Code.js' });
  return { emulator, context: context as Record<string, unknown> };
}

describe('dist/Code.js (run `npm run build` first; `npm test` does)', () => {
  const source = fs.existsSync(bundlePath) ? fs.readFileSync(bundlePath, 'utf8') : '';

  test('is a plain script: no require, no import/export statements', () => {
    // An empty or missing bundle would pass the two checks below: it must hold the entry points.
    expect(source).toMatch(/^function onOpen\(/m);
    expect(source).not.toMatch(/\brequire\s*\(/);
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
  });

  test('declares every entry point of src/main.ts as a top-level function', () => {
    const names = declaredEntryPoints();
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall']));
    for (const name of names) {
      expect(source).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  test('onOpen runs in a bare context and adds the "Hội thi" menu whose items all exist', () => {
    const { emulator, context } = loadBundle();
    for (const name of declaredEntryPoints()) expect(typeof context[name]).toBe('function');
    (context.onOpen as () => void)();
    expect(emulator.ui.menus.map((m) => m.title)).toEqual(['Hội thi']);
    const items = emulator.ui.menus[0].items;
    // docs/workbook.md "Menu Hội thi", in order, as the organizer reads it (plus unit sync and appraisal update).
    expect(items.map((i) => i.caption)).toEqual([
      'Thiết lập hội thi',
      'Tạo / liên kết biểu mẫu',
      'Đồng bộ danh sách đơn vị',
      'Mã QR nộp bài',
      'Đồng bộ bài dự thi',
      'Cập nhật thẩm định',
      'Chuẩn bị phiếu chấm BGK',
      'Tiến độ chấm',
      'Nhắc giám khảo',
      'Kết nối Fanpage',
      'Cập nhật tương tác từ Fanpage',
      'Tính điểm',
      'Lập danh sách khen thưởng',
      'Báo cáo tham gia',
      'Tạo mẫu giấy khen',
      'Giấy khen (PDF)',
      'Gửi giấy khen',
      'Chốt kết quả',
      'Mở lại kết quả',
      'Nhật ký thao tác',
    ]);
    for (const item of items) expect(typeof context[item.functionName!]).toBe('function');
  });

  test('is valid as an Editor add-on: no top-level menu, no trigger on another file, nothing project-wide', () => {
    // createMenu: an add-on's menu is createAddonMenu; forForm: an add-on triggers only on its own file;
    // getScriptLock / getProjectTriggers: shared by every document where the add-on is installed.
    for (const call of ['createMenu(', 'forForm(', 'getScriptLock(', 'getProjectTriggers(']) expect(source).not.toContain(call);
    expect(source).toContain('createAddonMenu(');
    expect(source).toContain('getDocumentLock(');
    expect(source).toContain('getUserTriggers(');
  });

  test('manifest scopes allow what the bundle calls: openById (the scheduler) needs the full spreadsheets scope', () => {
    for (const file of [path.join(root, 'appsscript.json'), path.join(root, 'dist', 'appsscript.json')]) {
      const scopes: string[] = JSON.parse(fs.readFileSync(file, 'utf8')).oauthScopes;
      // An add-on's clock trigger has no active spreadsheet: the scheduler opens the contest by id.
      expect(source).toMatch(/\.openById\(/);
      expect(scopes).toContain('https://www.googleapis.com/auth/spreadsheets');
      expect(scopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    }
  });

  test('manifest is copied beside the bundle with V8 and the contest time zone', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});
