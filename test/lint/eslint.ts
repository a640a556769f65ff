// Runs the repository's eslint on a piece of source, as if it were one of the repository's files.
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

/** Lints `source` as if it were the file `file` of the repository; returns the rule ids it breaks. */
export function brokenRules(file: string, source: string): string[] {
  const eslint = path.join(root, 'node_modules', '.bin', 'eslint');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: root, input: source, encoding: 'utf8' });
  const [report] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
  return report.messages.map((m) => m.ruleId ?? 'parse-error');
}
