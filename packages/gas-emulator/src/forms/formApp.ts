// FormApp: create/open forms, validation builders and enums.
import { CallCounter, Emulated } from '../core/calls';
import type { Env } from '../core/env';
import { DestinationType, FormHost, FormImpl } from './form';
import { ItemType } from './item';
import { CheckboxValidationBuilderImpl, TextValidationBuilderImpl } from './validation';

const NOT_FOUND = 'No item with the given ID could be found, or you do not have permission to access it.';

export class FormAppImpl extends Emulated {
  static kind = 'FormApp';
  readonly DestinationType = DestinationType;
  readonly ItemType = ItemType;
  readonly Alignment = Object.freeze({ LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT' });
  readonly PageNavigationType = Object.freeze({ CONTINUE: 'CONTINUE', GO_TO_PAGE: 'GO_TO_PAGE', RESTART: 'RESTART', SUBMIT: 'SUBMIT' });
  readonly _forms = new Map<string, FormImpl>();

  constructor(
    ctr: CallCounter,
    private readonly _env: Env,
    private readonly _host: FormHost,
  ) {
    super(ctr);
  }
  create(title: string): FormImpl {
    const id = this._env.fileId();
    const published = `1FAIpQLS${this._env.fileId(49).slice(1)}`;
    const form = new FormImpl(this._ctr, this._env, this._host, id, published, String(title));
    if (this._env.formAccess) form._owner = this._env.effectiveUser;
    this._forms.set(id, form);
    return form;
  }
  /** Google's one message for "no such form" and "not yours to open" (formAccess: only owner and editors). */
  private _opened(f: FormImpl | undefined): FormImpl {
    if (!f || (this._env.formAccess && !f._canOpen(this._env.effectiveUser))) throw new Error(NOT_FOUND);
    return f;
  }
  openById(id: string): FormImpl {
    return this._opened(this._forms.get(id));
  }
  /** Accepts edit URLs (/forms/d/<id>/edit) and published URLs (/forms/d/e/<publishedId>/viewform). */
  openByUrl(url: string): FormImpl {
    const pub = /\/forms\/d\/e\/([A-Za-z0-9_-]+)/.exec(url);
    const edit = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(url);
    const f = pub ? [...this._forms.values()].find((x) => x._publishedId === pub[1]) : edit ? this._forms.get(edit[1]) : undefined;
    return this._opened(f);
  }
  getActiveForm(): null {
    return null; // the add-on is bound to a spreadsheet, not a form
  }
  createTextValidation(): TextValidationBuilderImpl {
    return new TextValidationBuilderImpl(this._ctr);
  }
  createCheckboxValidation(): CheckboxValidationBuilderImpl {
    return new CheckboxValidationBuilderImpl(this._ctr);
  }
}
