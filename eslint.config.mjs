// Lint: typescript-eslint's recommended rules, and the import directions of the layers (a broken one fails `npm test`).
import tseslint from 'typescript-eslint';

/** `no-restricted-imports` patterns for a layer: each entry forbids importing that place. */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

const EMULATOR = [['**/packages/**', '**/gas-emulator/**'], 'src/ never imports the emulator: it is a test double, not part of the add-on.'];
const OUTSIDE_SRC = [['**/test/**', '**/tools/**'], 'src/ never imports tests or tools.'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', '**/*.cjs', 'webpack.config.js', 'jest.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Small functions with one job: a function over 60 lines (blank lines and comments aside) fails the lint.
  // Tests are exempt: a describe block is long by nature.
  {
    files: ['src/**/*.ts', 'packages/gas-emulator/src/**/*.ts', 'tools/**/*.ts', 'test/sample/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  // main → ui → flows → forms / sheets → domain; nothing in src/ imports the emulator.
  { files: ['src/domain/**/*.ts'], rules: forbid([['../**'], 'src/domain imports nothing outside itself.'], EMULATOR, OUTSIDE_SRC) },
  {
    files: ['src/sheets/**/*.ts'],
    rules: forbid([['**/flows/**', '**/forms/**', '**/ui/**', '**/main'], 'src/sheets imports only src/domain.'], EMULATOR, OUTSIDE_SRC),
  },
  {
    files: ['src/forms/**/*.ts'],
    rules: forbid([['**/flows/**', '**/ui/**', '**/main'], 'src/forms imports only src/sheets and src/domain.'], EMULATOR, OUTSIDE_SRC),
  },
  {
    files: ['src/flows/**/*.ts', 'src/facebook/**/*.ts'],
    rules: forbid([['**/ui/**', '**/main'], 'src/flows never imports src/ui: the UI imports the flows.'], EMULATOR, OUTSIDE_SRC),
  },
  { files: ['src/ui/**/*.ts'], rules: forbid([['**/main'], 'src/ui never imports src/main.ts.'], EMULATOR, OUTSIDE_SRC) },
  { files: ['src/main.ts'], rules: forbid(EMULATOR, OUTSIDE_SRC) },
  // Tests and tools use the emulator through its entry (packages/gas-emulator/src/index.ts), never a file inside it.
  {
    files: ['test/**/*.ts', 'tools/**/*.ts'],
    rules: forbid([['**/gas-emulator/src/**', '!**/gas-emulator/src/index'], 'import the emulator from packages/gas-emulator/src (its index.ts).']),
  },
  // The emulator mirrors Google, not the add-on: it imports nothing from outside its package.
  {
    files: ['packages/gas-emulator/**/*.ts'],
    rules: forbid([['../../**'], 'the emulator imports nothing from the add-on (src/, test/, tools/).']),
  },
);
