// Base.Logger: log lines kept in memory (Logger.log with "%s" formatting, getLog, clear).
import { Emulated } from '../core/calls';

export class LoggerImpl extends Emulated {
  static kind = 'Logger';
  readonly _lines: string[] = [];
  log(data: unknown, ...values: unknown[]): this {
    let text = typeof data === 'string' ? data : JSON.stringify(data);
    if (values.length) {
      let i = 0;
      text = text.replace(/%s|%d/g, (m) => (i < values.length ? String(values[i++]) : m));
    }
    this._lines.push(text);
    return this;
  }
  getLog(): string {
    return this._lines.map((l) => `${l}\n`).join('');
  }
  clear(): void {
    this._lines.length = 0;
  }
}
