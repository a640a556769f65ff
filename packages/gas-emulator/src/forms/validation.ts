// FormApp.createTextValidation()/createCheckboxValidation(): builders and rules, checked on emulated submissions.
import { CallCounter, Emulated } from '../core/calls';

interface RuleSpec {
  kind: string;
  args: unknown[];
}

export class TextValidationImpl extends Emulated {
  static kind = 'TextValidation';
  constructor(
    ctr: CallCounter,
    readonly _rule: RuleSpec,
    readonly _helpText: string,
  ) {
    super(ctr);
  }
  /** Whether a respondent's answer passes (the form UI would refuse it otherwise). */
  _accepts(answer: string): boolean {
    const [a, b] = this._rule.args as [number | string, number];
    const n = Number(answer);
    switch (this._rule.kind) {
      case 'URL':
        return /^(https?|ftp):\/\/[^\s/$.?#][^\s]*$/i.test(answer.trim());
      case 'EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(answer.trim());
      case 'NUMBER':
        return answer.trim() !== '' && !Number.isNaN(n);
      case 'WHOLE_NUMBER':
        return /^[+-]?\d+$/.test(answer.trim());
      case 'NUMBER_BETWEEN':
        return !Number.isNaN(n) && n >= (a as number) && n <= b;
      case 'LENGTH_LE':
        return answer.length <= (a as number);
      case 'LENGTH_GE':
        return answer.length >= (a as number);
      case 'MATCHES':
        return new RegExp(`^(?:${a})$`).test(answer);
      case 'CONTAINS':
        return new RegExp(String(a)).test(answer);
      default:
        return true;
    }
  }
}

/** What both form validation builders share: one requirement (the last one set wins) and a help text. */
abstract class RuleBuilder extends Emulated {
  private rule: RuleSpec | undefined;
  private help = '';
  protected _set(kind: string, ...args: unknown[]): this {
    this.rule = { kind, args };
    return this;
  }
  setHelpText(t: string): this {
    this.help = t;
    return this;
  }
  /** The requirement and help text for build(); Google refuses to build a rule without a requirement. */
  protected _parts(): [RuleSpec, string] {
    if (!this.rule) throw new Error('A validation rule must have a requirement.');
    return [this.rule, this.help];
  }
}

export class TextValidationBuilderImpl extends RuleBuilder {
  static kind = 'TextValidationBuilder';
  requireTextIsUrl(): this {
    return this._set('URL');
  }
  requireTextIsEmail(): this {
    return this._set('EMAIL');
  }
  requireNumber(): this {
    return this._set('NUMBER');
  }
  requireWholeNumber(): this {
    return this._set('WHOLE_NUMBER');
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set('NUMBER_BETWEEN', start, end);
  }
  requireTextLengthLessThanOrEqualTo(n: number): this {
    return this._set('LENGTH_LE', n);
  }
  requireTextLengthGreaterThanOrEqualTo(n: number): this {
    return this._set('LENGTH_GE', n);
  }
  requireTextMatchesPattern(p: string): this {
    return this._set('MATCHES', p);
  }
  requireTextContainsPattern(p: string): this {
    return this._set('CONTAINS', p);
  }
  build(): TextValidationImpl {
    return new TextValidationImpl(this._ctr, ...this._parts());
  }
}

export class CheckboxValidationImpl extends Emulated {
  static kind = 'CheckboxValidation';
  constructor(
    ctr: CallCounter,
    readonly _rule: RuleSpec,
    readonly _helpText: string,
  ) {
    super(ctr);
  }
  _accepts(selected: string[]): boolean {
    const n = this._rule.args[0] as number;
    if (this._rule.kind === 'AT_LEAST') return selected.length >= n;
    if (this._rule.kind === 'AT_MOST') return selected.length <= n;
    return selected.length === n;
  }
}

export class CheckboxValidationBuilderImpl extends RuleBuilder {
  static kind = 'CheckboxValidationBuilder';
  requireSelectAtLeast(n: number): this {
    return this._set('AT_LEAST', n);
  }
  requireSelectAtMost(n: number): this {
    return this._set('AT_MOST', n);
  }
  requireSelectExactly(n: number): this {
    return this._set('EXACTLY', n);
  }
  build(): CheckboxValidationImpl {
    return new CheckboxValidationImpl(this._ctr, ...this._parts());
  }
}
