// Jest runs TypeScript tests through ts-jest; type errors are caught by `npm run typecheck` first.
// Each file is transpiled on its own: `isolatedModules` is set in tsconfig.json (where ts-jest 29.4
// wants it), which also makes tsc reject what a per-file compiler like esbuild-loader cannot handle.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/packages/gas-emulator/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 60000,
};
