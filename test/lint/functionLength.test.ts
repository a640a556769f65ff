// Functions stay small: one over 60 lines (blank lines and comments aside) fails the lint, except in tests.
import { brokenRules } from './eslint';

/** A function whose body has `lines` statements, each on its own line, with blank lines and comments between. */
function functionOf(lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `  total += ${i};\n\n  // step ${i}\n`).join('');
  return `export function long(): number {\n  let total = 0;\n${body}  return total;\n}\n`;
}

describe('function length', () => {
  // 57 statements + the declaration, `let`, `return` and the closing brace: 61 lines of code.
  test.each(['src/flows/long.ts', 'packages/gas-emulator/src/core/long.ts', 'tools/long.ts', 'test/sample/long.ts'])('61 lines of code in %s fail', (file) => {
    expect(brokenRules(file, functionOf(57))).toContain('max-lines-per-function');
  });

  test('60 lines of code pass, however many blank lines and comments they carry', () => {
    expect(brokenRules('src/flows/short.ts', functionOf(56))).toEqual([]);
  });

  test('a test file may hold a long describe block', () => {
    expect(brokenRules('test/flows/long.test.ts', functionOf(57))).toEqual([]);
  });
});
