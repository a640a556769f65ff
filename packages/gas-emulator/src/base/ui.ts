// Base.Ui: menus, alerts, prompts and dialogs, recorded for tests, with scripted answers.
import { CallCounter, Emulated } from '../core/calls';
import { HtmlOutputImpl } from '../html/htmlService';
import { ADDON_CREATE_MENU } from '../core/errors';

export const Button = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' });
export type ButtonName = keyof typeof Button;
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' });
export type ButtonSetName = keyof typeof ButtonSet;

export type MenuEntry =
  { type: 'item'; caption: string; functionName: string } | { type: 'separator' } | { type: 'submenu'; caption: string; entries: MenuEntry[] };

export interface MenuRecord {
  title: string;
  /** Direct items in order (separators and submenus are in `entries`). */
  items: { caption: string; functionName: string }[];
  entries: MenuEntry[];
  addon: boolean;
}

export interface DialogRecord {
  kind: 'alert' | 'prompt' | 'modal' | 'modeless' | 'sidebar';
  title: string;
  /** Text of an alert or prompt. */
  body?: string;
  /** HTML of a modal, modeless dialog or sidebar. */
  html?: string;
  width?: number;
  height?: number;
  buttons?: ButtonSetName;
  /** What the scripted user answered (alert/prompt). */
  answer?: { button: ButtonName; text?: string };
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** Everything the add-on showed to the user; tests read it and script answers. */
export class UiRecorder {
  menus: MenuRecord[] = [];
  dialogs: DialogRecord[] = [];
  toasts: ToastRecord[] = [];
  private answers: { button: ButtonName; text?: string }[] = [];

  /** Next alert/prompt answer: a button name ("YES") or {button, text} for prompts. */
  queueAnswer(answer: ButtonName | { button: ButtonName; text?: string }): void {
    this.answers.push(typeof answer === 'string' ? { button: answer } : answer);
  }
  _nextAnswer(buttons: ButtonSetName): { button: ButtonName; text?: string } {
    const a = this.answers.shift();
    if (a) return a;
    return { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }
  menu(title: string): MenuRecord | undefined {
    return this.menus.find((m) => m.title === title);
  }
  lastDialog(): DialogRecord | undefined {
    return this.dialogs[this.dialogs.length - 1];
  }
  clear(): void {
    this.menus = [];
    this.dialogs = [];
    this.toasts = [];
    this.answers = [];
  }
}

export class PromptResponseImpl extends Emulated {
  static kind = 'PromptResponse';
  constructor(
    ctr: CallCounter,
    private readonly _button: ButtonName,
    private readonly _text: string,
  ) {
    super(ctr);
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): ButtonName {
    return this._button;
  }
}

export class MenuImpl extends Emulated {
  static kind = 'Menu';
  readonly _entries: MenuEntry[] = [];
  constructor(
    ctr: CallCounter,
    private readonly _rec: UiRecorder,
    readonly _caption: string,
    private readonly _addon: boolean,
  ) {
    super(ctr);
  }
  addItem(caption: string, functionName: string): this {
    this._entries.push({ type: 'item', caption, functionName });
    return this;
  }
  addSeparator(): this {
    this._entries.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: MenuImpl): this {
    this._entries.push({ type: 'submenu', caption: menu._caption, entries: menu._entries });
    return this;
  }
  /** Adding a menu with the same title again replaces it (as reopening the file would). */
  addToUi(): void {
    const record: MenuRecord = {
      title: this._caption,
      entries: [...this._entries],
      items: this._entries.flatMap((e) => (e.type === 'item' ? [{ caption: e.caption, functionName: e.functionName }] : [])),
      addon: this._addon,
    };
    this._rec.menus = this._rec.menus.filter((m) => m.title !== record.title);
    this._rec.menus.push(record);
  }
}

function isButtonSet(x: unknown): x is ButtonSetName {
  return typeof x === 'string' && x in ButtonSet;
}

export class UiImpl extends Emulated {
  static kind = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    ctr: CallCounter,
    private readonly _rec: UiRecorder,
    private readonly _addonName: string,
  ) {
    super(ctr);
  }
  /** Add-on mode refuses it: editor add-ons put their menu under Extensions with createAddonMenu(). */
  _addonMode = false;
  createMenu(caption: string): MenuImpl {
    if (this._addonMode) throw new Error(ADDON_CREATE_MENU);
    return new MenuImpl(this._ctr, this._rec, caption, false);
  }
  createAddonMenu(): MenuImpl {
    return new MenuImpl(this._ctr, this._rec, this._addonName, true);
  }
  /** alert(prompt) · alert(prompt, buttons) · alert(title, prompt, buttons). */
  alert(a: string, b?: unknown, c?: unknown): ButtonName {
    return this._ask('alert', a, b, c).button;
  }
  /** prompt(prompt) · prompt(prompt, buttons) · prompt(title, prompt, buttons). */
  prompt(a: string, b?: unknown, c?: unknown): PromptResponseImpl {
    const answer = this._ask('prompt', a, b, c);
    return new PromptResponseImpl(this._ctr, answer.button, answer.text ?? '');
  }
  /** Shared by alert and prompt: same overloads, same recording, the scripted user's answer. */
  private _ask(kind: 'alert' | 'prompt', a: string, b: unknown, c: unknown): { button: ButtonName; text?: string } {
    const [title, body, buttons] = c !== undefined ? [a, String(b), c] : isButtonSet(b) ? ['', a, b] : ['', a, 'OK'];
    const set = isButtonSet(buttons) ? buttons : 'OK';
    const answer = this._rec._nextAnswer(set);
    this._rec.dialogs.push({ kind, title, body, buttons: set, answer });
    return answer;
  }
  showModalDialog(output: HtmlOutputImpl, title: string): void {
    this._record('modal', output, title);
  }
  showModelessDialog(output: HtmlOutputImpl, title: string): void {
    this._record('modeless', output, title);
  }
  showSidebar(output: HtmlOutputImpl): void {
    this._record('sidebar', output, output._title);
  }
  private _record(kind: DialogRecord['kind'], output: HtmlOutputImpl, title: string): void {
    if (!(output instanceof HtmlOutputImpl)) throw new Error('Invalid argument: userInterface');
    this._rec.dialogs.push({ kind, title, html: output._content, width: output._width, height: output._height });
  }
}
