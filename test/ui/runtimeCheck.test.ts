// The runtime self-check: Intl time zones and normalize, probed by stubs, and the menu door refusing in Vietnamese.
import * as runtimeCheck from '../../src/ui/runtimeCheck';
import { runtimeProblems } from '../../src/ui/runtimeCheck';
import { runMenuAction } from '../../src/ui/runner';
import type { MenuAction } from '../../src/flows/action';
import { contextOf, createContestEmulator } from '../sample/emulator';

const realNormalize = (s: string, f: string) => s.normalize(f);

test('Node has what the rules need', () => {
  expect(runtimeProblems()).toEqual([]);
});

test('a runtime without Intl time zones, without formatToParts, or without normalize is named', () => {
  expect(runtimeProblems({ intl: undefined, normalize: realNormalize })[0]).toContain(
    'không hỗ trợ múi giờ (Intl.DateTimeFormat với timeZone và formatToParts)',
  );
  class NoParts {
    format(): string {
      return '';
    }
  }
  expect(runtimeProblems({ intl: { DateTimeFormat: NoParts }, normalize: realNormalize })).toHaveLength(1);
  // ICU without zone data: the zone is ignored and UTC comes back.
  class Utc extends Intl.DateTimeFormat {
    constructor(locale: string, options: Intl.DateTimeFormatOptions) {
      super(locale, { ...options, timeZone: 'UTC' });
    }
  }
  expect(runtimeProblems({ intl: { DateTimeFormat: Utc }, normalize: realNormalize })).toHaveLength(1);
  class Throws {
    constructor() {
      throw new RangeError('Invalid time zone specified: Asia/Ho_Chi_Minh');
    }
  }
  expect(runtimeProblems({ intl: { DateTimeFormat: Throws }, normalize: realNormalize })).toHaveLength(1);
  const noNormalize = runtimeProblems({ intl: Intl, normalize: (s) => s });
  expect(noNormalize).toHaveLength(1);
  expect(noNormalize[0]).toContain('String.prototype.normalize');
});

test('the menu door shows the message and runs nothing when the runtime lacks them', () => {
  const emu = createContestEmulator();
  let ran = false;
  const action: MenuAction = { title: 'Tính điểm', run: () => ((ran = true), { title: 'Tính điểm', lines: [], warnings: [] }) };
  const spy = jest.spyOn(runtimeCheck, 'runtimeProblemsOnce').mockReturnValue(runtimeProblems({ intl: undefined, normalize: realNormalize }));
  const summary = runMenuAction(contextOf(emu), action, undefined);
  spy.mockRestore();
  expect(ran).toBe(false);
  expect(summary.title).toBe('Tính điểm: Không thực hiện được');
  expect(summary.warnings.join('\n')).toContain('Môi trường Apps Script đang chạy không hỗ trợ múi giờ');
  // With the real runtime the action runs.
  runMenuAction(contextOf(emu), action, undefined);
  expect(ran).toBe(true);
});
