// HtmlService: HtmlOutput and HtmlTemplate (scriptlets <? ?>, <?= ?>, <?!= ?>) with output captured for tests.
import { CallCounter, Emulated } from '../core/calls';
import { BlobImpl } from '../base/blob';

const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });
const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

export class HtmlOutputImpl extends Emulated {
  static kind = 'HtmlOutput';
  _title = '';
  _width = 600;
  _height = 400;
  _meta: { name: string; content: string }[] = [];
  constructor(
    ctr: CallCounter,
    public _content: string,
  ) {
    super(ctr);
  }
  getContent(): string {
    return this._content;
  }
  setContent(c: string): this {
    this._content = c;
    return this;
  }
  append(html: string): this {
    this._content += html;
    return this;
  }
  appendUntrusted(text: string): this {
    this._content += escapeHtml(text);
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  setTitle(t: string): this {
    this._title = t;
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(w: number): this {
    this._width = w;
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setHeight(h: number): this {
    this._height = h;
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  setSandboxMode(): this {
    return this;
  }
  setXFrameOptionsMode(): this {
    return this;
  }
  setFaviconUrl(): this {
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._meta.push({ name, content });
    return this;
  }
  getBlob(): BlobImpl {
    return BlobImpl._fromString(this._ctr, this._content, 'text/html', this._title || 'output.html');
  }
  getAs(): BlobImpl {
    return this.getBlob();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class HtmlTemplateImpl extends Emulated {
  static kind = 'HtmlTemplate';
  /** Template variables: Apps Script sets them as properties (t.name = ...); the emulator uses setVariable/_vars. */
  readonly _vars: Record<string, unknown> = {};
  constructor(
    ctr: CallCounter,
    private readonly _source: string,
  ) {
    super(ctr);
  }
  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
  evaluate(): HtmlOutputImpl {
    const code = compileTemplate(this._source);
    // new Function is sloppy-mode code, so `with` exposes the template variables like Apps Script does.
    const run = new Function('__vars', '__esc', `with (__vars) { let __out = ''; ${code}; return __out; }`) as (
      v: Record<string, unknown>,
      e: (x: unknown) => string,
    ) => string;
    return new HtmlOutputImpl(
      this._ctr,
      run(this._vars, (x) => escapeHtml(String(x ?? ''))),
    );
  }
}

function compileTemplate(src: string): string {
  let code = '';
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    code += `__out += ${JSON.stringify(src.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__out += __esc(${m[2]});\n`;
    else if (m[1] === '!=') code += `__out += String(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__out += ${JSON.stringify(src.slice(last))};\n`;
  return code;
}

/** HtmlService takes HTML as a string or as a Blob holding it. */
function textOf(html: string | BlobImpl): string {
  return html instanceof BlobImpl ? html.getDataAsString() : html;
}

export class HtmlServiceImpl extends Emulated {
  static kind = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    ctr: CallCounter,
    /** Project HTML files for createHtmlOutputFromFile/createTemplateFromFile ("Page" or "Page.html"). */
    private readonly _files: Map<string, string>,
  ) {
    super(ctr);
  }
  private _file(name: string): string {
    const html = this._files.get(name) ?? this._files.get(name.replace(/\.html$/, ''));
    if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return html;
  }
  createHtmlOutput(html?: string | BlobImpl): HtmlOutputImpl {
    return new HtmlOutputImpl(this._ctr, textOf(html ?? ''));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutputImpl {
    return new HtmlOutputImpl(this._ctr, this._file(filename));
  }
  createTemplate(html: string | BlobImpl): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._ctr, textOf(html));
  }
  createTemplateFromFile(filename: string): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._ctr, this._file(filename));
  }
}
