// Bundles src/main.ts into dist/Code.js for Apps Script: esbuild-loader compiles TypeScript,
// gas-webpack-plugin turns every `global.X = X` in the entry into a top-level `function X()`.
const path = require('path');
const fs = require('fs');
const GasPlugin = require('gas-webpack-plugin');

class CopyManifestPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('CopyManifestPlugin', () => {
      fs.copyFileSync(path.resolve(__dirname, 'appsscript.json'), path.resolve(__dirname, 'dist/appsscript.json'));
    });
  }
}

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './src/main.ts',
  // ES2019 syntax: esbuild lowers `?.`, `??` and class fields, so the bundle does not depend on how
  // recent the V8 behind Apps Script is.
  target: ['web', 'es2019'],
  devtool: false,
  output: { path: path.resolve(__dirname, 'dist'), filename: 'Code.js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2019' } }],
  },
  // Apps Script shows function names in its UI and stack traces; keep the bundle readable.
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [new GasPlugin(), new CopyManifestPlugin()],
};
