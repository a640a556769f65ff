// Forms FormResponse and ItemResponse: answers, timestamps, prefilled URLs and script submissions.
import { CallCounter, Emulated } from '../core/calls';
import type { ItemImpl } from './item';
import type { FormImpl } from './form';

export class ItemResponseImpl extends Emulated {
  static kind = 'ItemResponse';
  constructor(
    ctr: CallCounter,
    readonly _item: ItemImpl,
    readonly _value: string | string[],
  ) {
    super(ctr);
  }
  getItem(): ItemImpl {
    return this._item;
  }
  getResponse(): string | string[] {
    return Array.isArray(this._value) ? [...this._value] : this._value;
  }
  getScore(): number {
    return 0;
  }
  getFeedback(): null {
    return null;
  }
}

export class FormResponseImpl extends Emulated {
  static kind = 'FormResponse';
  _id: string | null = null;
  _timestamp: Date | null = null;
  _email = '';
  _answers: ItemResponseImpl[] = [];

  constructor(
    ctr: CallCounter,
    readonly _form: FormImpl,
  ) {
    super(ctr);
  }
  getId(): string | null {
    return this._id;
  }
  getTimestamp(): Date | null {
    return this._timestamp ? new Date(this._timestamp.getTime()) : null;
  }
  getRespondentEmail(): string {
    return this._email;
  }
  getItemResponses(): ItemResponseImpl[] {
    // Google returns answers in the form's item order.
    const order = (r: ItemResponseImpl): number => this._form._items.indexOf(r._item);
    return [...this._answers].sort((a, b) => order(a) - order(b));
  }
  getResponseForItem(item: ItemImpl): ItemResponseImpl | null {
    return this._answers.find((a) => a._item === item) ?? null;
  }
  getEditResponseUrl(): string {
    return `${this._form._viewUrl()}?edit2=${encodeURIComponent(this._id ?? '')}`;
  }
  /** Adds or replaces the answer for that item (Google keeps one answer per item). */
  withItemResponse(response: ItemResponseImpl): this {
    this._answers = this._answers.filter((a) => a._item !== response._item);
    this._answers.push(response);
    return this;
  }
  /** …/viewform?usp=pp_url&entry.<itemId>=<value> (the emulator uses item ids as entry ids). */
  toPrefilledUrl(): string {
    const params = ['usp=pp_url'];
    for (const a of this.getItemResponses()) {
      const values = Array.isArray(a._value) ? a._value : [a._value];
      for (const v of values) params.push(`entry.${a._item._id}=${encodeURIComponent(v)}`);
    }
    return `${this._form._viewUrl()}?${params.join('&')}`;
  }
  /**
   * Records the response now. Google: "Script executions and API requests don't cause triggers to run. For
   * example, calling FormResponse.submit() … does not cause the form's submit trigger to run." With
   * strictScriptSubmits: false the emulator queues them for runPendingTriggers() instead (its old behaviour).
   */
  submit(): this {
    if (this._id) throw new Error('This response has already been submitted.');
    this._form._record(this, this._form._env.now(), { fireTriggers: this._form._env.strictScriptSubmits ? 'none' : 'queue' });
    return this;
  }
}
