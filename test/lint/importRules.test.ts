// The layers' import directions are enforced by lint: each deliberate bad import below fails `eslint`.
import { brokenRules } from './eslint';

describe('import directions (main → ui → flows → forms / sheets → domain; the emulator apart)', () => {
  test.each([
    ['src/domain/bad.ts', "import { readTable } from '../sheets/table';\nexport const x = readTable;\n"],
    ['src/sheets/bad.ts', "import { setupAction } from '../flows/setup';\nexport const x = setupAction;\n"],
    ['src/sheets/bad2.ts', "import { QUESTIONS } from '../forms/questions';\nexport const x = QUESTIONS;\n"],
    ['src/forms/bad.ts', "import { MSG } from '../ui/messages';\nexport const x = MSG;\n"],
    ['src/flows/bad.ts', "import { runMenuAction } from '../ui/runner';\nexport const x = runMenuAction;\n"],
    ['src/ui/bad.ts', "import { createEmulator } from '../../packages/gas-emulator/src';\nexport const x = createEmulator;\n"],
    ['packages/gas-emulator/src/bad.ts', "import { isDate } from '../../../src/domain/parse';\nexport const x = isDate;\n"],
    ['packages/gas-emulator/src/spreadsheet/bad.ts', "import { isDate } from '../../../../src/domain/parse';\nexport const x = isDate;\n"],
    ['test/flows/bad.ts', "import { parseA1 } from '../../packages/gas-emulator/src/spreadsheet/a1';\nexport const x = parseA1;\n"],
  ])('%s breaks the rule', (file, source) => {
    expect(brokenRules(file, source)).toContain('no-restricted-imports');
  });

  test('the allowed directions pass', () => {
    expect(brokenRules('src/ui/ok.ts', "import { setupAction } from '../flows/setup';\nexport const x = setupAction;\n")).toEqual([]);
    expect(brokenRules('src/flows/ok.ts', "import { readTable } from '../sheets/table';\nexport const x = readTable;\n")).toEqual([]);
    expect(brokenRules('src/forms/ok.ts', "import { CONFIG } from '../sheets/config';\nexport const x = CONFIG;\n")).toEqual([]);
    expect(brokenRules('packages/gas-emulator/src/spreadsheet/ok.ts', "import { isDate } from '../core/dates';\nexport const x = isDate;\n")).toEqual([]);
    expect(brokenRules('tools/ok.ts', "import { parseA1 } from '../packages/gas-emulator/src';\nexport const x = parseA1;\n")).toEqual([]);
  });
});
