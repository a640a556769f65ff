// SlidesApp (and the Slides advanced service's Presentations.create): presentations of slides with shapes and styled text, saved explicitly.
import { CallCounter, Emulated, expose } from '../core/calls';
import type { DriveItem, DriveStore } from '../drive/driveApp';

export const DECK_MIME = 'application/vnd.google-apps.presentation';
/** SlidesApp.create's page: 10 × 5.625 in (16:9). Slides cannot resize a page from Apps Script; the advanced service's create can. */
export const DEFAULT_PAGE = { width: 720, height: 405 };

// Not documented by Google: the emulator's wording.
export const PRESENTATION_CLOSED = 'Presentation: this presentation was closed by saveAndClose(); reopen it with SlidesApp.openById().';
/** SlidesApp.openById of a presentation the user cannot open (Google's text for documents). */
export const NO_ACCESS_PRESENTATION = 'You do not have permission to access the requested document.';
export const NOT_FOUND_PRESENTATION = 'Requested entity was not found.';

export interface CharStyle {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  size: number;
  family: string;
  color: string;
}
export type Alignment = 'START' | 'CENTER' | 'END' | 'JUSTIFIED';

/** Text of a shape: the characters, one style per character (so a replacement can span runs), one alignment per paragraph. */
export interface TextModel {
  chars: string;
  styles: CharStyle[];
  aligns: Alignment[];
}
export interface ElementModel {
  id: string;
  shapeType: string;
  left: number;
  top: number;
  width: number;
  height: number;
  fill: string | null;
  border: { color: string; weight: number } | null;
  text: TextModel;
}
export interface SlideModel {
  id: string;
  elements: ElementModel[];
}
export interface DeckModel {
  id: string;
  width: number;
  height: number;
  slides: SlideModel[];
}

const DEFAULT_STYLE: CharStyle = { bold: false, italic: false, underline: false, size: 14, family: 'Arial', color: '#000000' };

function paragraphCount(chars: string): number {
  return chars.split('\n').length;
}

/** The slide a new presentation starts with: a title slide with its two (empty) placeholders. */
function titleSlide(store: DriveStore, deck: { width: number; height: number }): SlideModel {
  const box = (top: number, height: number): ElementModel => ({
    id: store.env.fileId(12),
    shapeType: 'TEXT_BOX',
    left: deck.width * 0.05,
    top,
    width: deck.width * 0.9,
    height,
    fill: null,
    border: null,
    text: { chars: '', styles: [], aligns: ['CENTER'] },
  });
  return { id: store.env.fileId(12), elements: [box(deck.height * 0.3, deck.height * 0.25), box(deck.height * 0.58, deck.height * 0.15)] };
}

/** Creates a Slides file owned by the current user (the add-on created it: drive.file may open it). */
export function createDeck(store: DriveStore, name: string, size = DEFAULT_PAGE): DriveItem {
  const item = store.add({ name, mimeType: DECK_MIME });
  item.deck = { id: item.id, width: size.width, height: size.height, slides: [titleSlide(store, size)] };
  return item;
}

/** The renderer's input for one deck: pages of positioned boxes and paragraphs of styled runs. */
export function deckPages(deck: DeckModel): unknown[] {
  return deck.slides.map((s) => ({
    width: deck.width,
    height: deck.height,
    elements: s.elements.map((e) => ({
      left: e.left,
      top: e.top,
      width: e.width,
      height: e.height,
      fill: e.fill,
      border: e.border,
      paragraphs: e.text.chars === '' ? null : paragraphsOf(e.text),
    })),
  }));
}

function paragraphsOf(
  t: TextModel,
): { align: Alignment; runs: { text: string; bold: boolean; italic: boolean; underline: boolean; size: number; color: string }[] }[] {
  const out: ReturnType<typeof paragraphsOf> = [];
  let start = 0;
  t.chars.split('\n').forEach((p, i) => {
    const runs: ReturnType<typeof paragraphsOf>[number]['runs'] = [];
    for (let k = 0; k < p.length; k++) {
      const st = t.styles[start + k] ?? DEFAULT_STYLE;
      const last = runs[runs.length - 1];
      if (last && last.bold === st.bold && last.italic === st.italic && last.underline === st.underline && last.size === st.size && last.color === st.color)
        last.text += p[k];
      else runs.push({ text: p[k], bold: st.bold, italic: st.italic, underline: st.underline, size: st.size, color: st.color });
    }
    if (runs.length === 0) runs.push({ text: '', ...pick(t.styles[start] ?? DEFAULT_STYLE) });
    out.push({ align: t.aligns[i] ?? 'START', runs });
    start += p.length + 1;
  });
  return out;
}
function pick(s: CharStyle) {
  return { bold: s.bold, italic: s.italic, underline: s.underline, size: s.size, color: s.color };
}

/** One open Presentation object: edits go to its own copy until saveAndClose() writes them to the file. */
class Handle {
  closed = false;
  constructor(
    readonly store: DriveStore,
    readonly item: DriveItem,
    readonly deck: DeckModel,
  ) {}
  check(): void {
    if (this.closed) throw new Error(PRESENTATION_CLOSED);
  }
}

/** Replaces every occurrence in `t` (case-insensitive unless matchCase); the replacement takes the style of the match's first character. */
function replaceIn(t: TextModel, find: string, replace: string, matchCase: boolean, from = 0, to = t.chars.length): number {
  if (find === '') throw new Error('Invalid argument: findText');
  const hay = matchCase ? t.chars : t.chars.toLowerCase();
  const needle = matchCase ? find : find.toLowerCase();
  let count = 0;
  let i = hay.indexOf(needle, from);
  let shift = 0;
  const hits: number[] = [];
  while (i >= 0 && i + needle.length <= to) {
    hits.push(i);
    i = hay.indexOf(needle, i + needle.length);
  }
  for (const h of hits) {
    const at = h + shift;
    const style = t.styles[at] ?? DEFAULT_STYLE;
    const before = paragraphCount(t.chars.slice(0, at));
    const removedBreaks = paragraphCount(t.chars.slice(at, at + find.length)) - 1;
    const addedBreaks = paragraphCount(replace) - 1;
    t.chars = t.chars.slice(0, at) + replace + t.chars.slice(at + find.length);
    t.styles.splice(at, find.length, ...Array.from(replace, () => ({ ...style })));
    const align = t.aligns[before - 1] ?? 'START';
    t.aligns.splice(before, removedBreaks, ...Array.from({ length: addedBreaks }, () => align));
    shift += replace.length - find.length;
    count++;
  }
  return count;
}

export class SlidesAppImpl extends Emulated {
  static kind = 'SlidesApp';
  readonly ParagraphAlignment = { START: 'START', CENTER: 'CENTER', END: 'END', JUSTIFIED: 'JUSTIFIED' };
  readonly ShapeType = { TEXT_BOX: 'TEXT_BOX', RECTANGLE: 'RECTANGLE', ROUND_RECTANGLE: 'ROUND_RECTANGLE' };
  constructor(
    ctr: CallCounter,
    readonly _store: DriveStore,
  ) {
    super(ctr);
  }
  create(name: string): PresentationImpl {
    return this._open(createDeck(this._store, String(name)));
  }
  /** Under the presentations scope every presentation the user may open is reachable (drive.file does not apply). */
  openById(id: string): PresentationImpl {
    const item = this._store.items.get(String(id));
    if (!item || item.mimeType !== DECK_MIME) throw new Error(NOT_FOUND_PRESENTATION);
    if (!this._store.canSee(item)) throw new Error(NO_ACCESS_PRESENTATION);
    return this._open(item);
  }
  openByUrl(url: string): PresentationImpl {
    const m = /\/presentation\/d\/([\w-]+)/.exec(String(url));
    if (!m) throw new Error('Invalid argument: url');
    return this.openById(m[1]);
  }
  _open(item: DriveItem): PresentationImpl {
    return new PresentationImpl(this._ctr, new Handle(this._store, item, structuredClone(item.deck!)));
  }
}

export class PresentationImpl extends Emulated {
  static kind = 'Presentation';
  constructor(
    ctr: CallCounter,
    readonly _h: Handle,
  ) {
    super(ctr);
  }
  _identity(): string {
    return this._h.item.id;
  }
  getId(): string {
    this._h.check();
    return this._h.item.id;
  }
  getName(): string {
    this._h.check();
    return this._h.item.name;
  }
  getUrl(): string {
    this._h.check();
    return this._h.store.url(this._h.item);
  }
  getPageWidth(): number {
    this._h.check();
    return this._h.deck.width;
  }
  getPageHeight(): number {
    this._h.check();
    return this._h.deck.height;
  }
  getSlides(): SlideImpl[] {
    this._h.check();
    return this._h.deck.slides.map((s) => new SlideImpl(this._ctr, this._h, s));
  }
  /** appendSlide() adds a blank slide; appendSlide(slide) a copy of a slide of this or another presentation. */
  appendSlide(slide?: unknown): SlideImpl {
    this._h.check();
    let model: SlideModel;
    if (slide === undefined) model = { id: this._h.store.env.fileId(12), elements: [] };
    else if (slide instanceof SlideImpl) {
      slide._h.check();
      model = structuredClone(slide._s);
      model.id = this._h.store.env.fileId(12);
      for (const e of model.elements) e.id = this._h.store.env.fileId(12);
    } else throw new Error('not emulated: Presentation.appendSlide(layout)');
    this._h.deck.slides.push(model);
    return new SlideImpl(this._ctr, this._h, model);
  }
  replaceAllText(find: string, replace: string, matchCase = false): number {
    this._h.check();
    let n = 0;
    for (const s of this._h.deck.slides) for (const e of s.elements) n += replaceIn(e.text, String(find), String(replace), matchCase);
    return n;
  }
  saveAndClose(): void {
    this._h.check();
    this._h.item.deck = structuredClone(this._h.deck);
    this._h.store.touch(this._h.item);
    this._h.closed = true;
  }
}

export class SlideImpl extends Emulated {
  static kind = 'Slide';
  constructor(
    ctr: CallCounter,
    readonly _h: Handle,
    readonly _s: SlideModel,
  ) {
    super(ctr);
  }
  _identity(): string {
    return this._s.id;
  }
  getObjectId(): string {
    this._h.check();
    return this._s.id;
  }
  getShapes(): ShapeImpl[] {
    this._h.check();
    return this._s.elements.map((e) => new ShapeImpl(this._ctr, this._h, this._s, e));
  }
  getPageElements(): ShapeImpl[] {
    return this.getShapes();
  }
  insertTextBox(text: string, left = 0, top = 0, width = 300, height = 50): ShapeImpl {
    this._h.check();
    const chars = String(text);
    const e: ElementModel = {
      id: this._h.store.env.fileId(12),
      shapeType: 'TEXT_BOX',
      left,
      top,
      width,
      height,
      fill: null,
      border: null,
      text: {
        chars,
        styles: Array.from(chars, () => ({ ...DEFAULT_STYLE })),
        aligns: Array.from({ length: paragraphCount(chars) }, () => 'START' as Alignment),
      },
    };
    this._s.elements.push(e);
    return new ShapeImpl(this._ctr, this._h, this._s, e);
  }
  insertShape(shapeType: string, left = 0, top = 0, width = 300, height = 300): ShapeImpl {
    this._h.check();
    const e: ElementModel = {
      id: this._h.store.env.fileId(12),
      shapeType: String(shapeType),
      left,
      top,
      width,
      height,
      fill: '#ffffff',
      border: { color: '#000000', weight: 1 },
      text: { chars: '', styles: [], aligns: ['START'] },
    };
    this._s.elements.push(e);
    return new ShapeImpl(this._ctr, this._h, this._s, e);
  }
  duplicate(): SlideImpl {
    this._h.check();
    const copy = structuredClone(this._s);
    copy.id = this._h.store.env.fileId(12);
    for (const e of copy.elements) e.id = this._h.store.env.fileId(12);
    const slides = this._h.deck.slides;
    slides.splice(slides.indexOf(this._s) + 1, 0, copy);
    return new SlideImpl(this._ctr, this._h, copy);
  }
  remove(): void {
    this._h.check();
    const slides = this._h.deck.slides;
    const i = slides.indexOf(this._s);
    if (i >= 0) slides.splice(i, 1);
  }
  replaceAllText(find: string, replace: string, matchCase = false): number {
    this._h.check();
    let n = 0;
    for (const e of this._s.elements) n += replaceIn(e.text, String(find), String(replace), matchCase);
    return n;
  }
}

export class ShapeImpl extends Emulated {
  static kind = 'Shape';
  constructor(
    ctr: CallCounter,
    readonly _h: Handle,
    readonly _s: SlideModel,
    readonly _e: ElementModel,
  ) {
    super(ctr);
  }
  _identity(): string {
    return this._e.id;
  }
  getObjectId(): string {
    this._h.check();
    return this._e.id;
  }
  getShapeType(): string {
    this._h.check();
    return this._e.shapeType;
  }
  getLeft(): number {
    this._h.check();
    return this._e.left;
  }
  getTop(): number {
    this._h.check();
    return this._e.top;
  }
  getWidth(): number {
    this._h.check();
    return this._e.width;
  }
  getHeight(): number {
    this._h.check();
    return this._e.height;
  }
  getText(): TextRangeImpl {
    this._h.check();
    return new TextRangeImpl(this._ctr, this._h, this._e.text, 0, null);
  }
  getFill(): FillImpl {
    this._h.check();
    return new FillImpl(this._ctr, this._h, this._e);
  }
  getBorder(): BorderImpl {
    this._h.check();
    return new BorderImpl(this._ctr, this._h, this._e);
  }
  remove(): void {
    this._h.check();
    const i = this._s.elements.indexOf(this._e);
    if (i >= 0) this._s.elements.splice(i, 1);
  }
}

/** A range of a shape's text; `end` null = to the end (the whole text follows edits). asString() ends with "\n", as Google's does. */
export class TextRangeImpl extends Emulated {
  static kind = 'TextRange';
  constructor(
    ctr: CallCounter,
    readonly _h: Handle,
    readonly _t: TextModel,
    readonly _start: number,
    readonly _end: number | null,
  ) {
    super(ctr);
  }
  _bounds(): [number, number] {
    return [this._start, this._end ?? this._t.chars.length];
  }
  asString(): string {
    this._h.check();
    const [s, e] = this._bounds();
    return this._t.chars.slice(s, e) + (this._end === null ? '\n' : '');
  }
  getLength(): number {
    return this.asString().length;
  }
  isEmpty(): boolean {
    this._h.check();
    const [s, e] = this._bounds();
    return e <= s;
  }
  getRange(start: number, end: number): TextRangeImpl {
    this._h.check();
    const [s, e] = this._bounds();
    if (start < 0 || end < start || s + end > e + 1) throw new Error('Invalid argument: the range is outside the text');
    return new TextRangeImpl(this._ctr, this._h, this._t, s + start, s + Math.min(end, e - s));
  }
  setText(text: string): TextRangeImpl {
    this._h.check();
    const [s, e] = this._bounds();
    const chars = String(text);
    const style = this._t.styles[s] ?? this._t.styles[s - 1] ?? DEFAULT_STYLE;
    const align = this._t.aligns[0] ?? 'START';
    const before = this._t.chars.slice(0, s);
    this._t.chars = before + chars + this._t.chars.slice(e);
    this._t.styles.splice(s, e - s, ...Array.from(chars, () => ({ ...style })));
    this._t.aligns = Array.from({ length: paragraphCount(this._t.chars) }, (_, i) => this._t.aligns[i] ?? align);
    return new TextRangeImpl(this._ctr, this._h, this._t, s, this._end === null ? null : s + chars.length);
  }
  replaceAllText(find: string, replace: string, matchCase = false): number {
    this._h.check();
    const [s, e] = this._bounds();
    return replaceIn(this._t, String(find), String(replace), matchCase, s, e);
  }
  getTextStyle(): TextStyleImpl {
    this._h.check();
    return new TextStyleImpl(this._ctr, this);
  }
  getParagraphStyle(): ParagraphStyleImpl {
    this._h.check();
    return new ParagraphStyleImpl(this._ctr, this);
  }
}

export class TextStyleImpl extends Emulated {
  static kind = 'TextStyle';
  constructor(
    ctr: CallCounter,
    readonly _r: TextRangeImpl,
  ) {
    super(ctr);
  }
  private _set(patch: Partial<CharStyle>): this {
    this._r._h.check();
    const [s, e] = this._r._bounds();
    for (let i = s; i < e; i++) this._r._t.styles[i] = { ...this._r._t.styles[i], ...patch };
    return this;
  }
  private _first(): CharStyle {
    return this._r._t.styles[this._r._bounds()[0]] ?? DEFAULT_STYLE;
  }
  setBold(b: boolean): this {
    return this._set({ bold: Boolean(b) });
  }
  setItalic(b: boolean): this {
    return this._set({ italic: Boolean(b) });
  }
  setUnderline(b: boolean): this {
    return this._set({ underline: Boolean(b) });
  }
  setFontSize(n: number): this {
    if (!(n > 0)) throw new Error('Invalid argument: fontSize');
    return this._set({ size: n });
  }
  setFontFamily(f: string): this {
    return this._set({ family: String(f) });
  }
  /** setForegroundColor("#rrggbb") only (the Color and RGB overloads are not emulated). */
  setForegroundColor(hex: unknown): this {
    if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) throw new Error('not emulated: TextStyle.setForegroundColor (only "#rrggbb")');
    return this._set({ color: hex.toLowerCase() });
  }
  isBold(): boolean {
    return this._first().bold;
  }
  isItalic(): boolean {
    return this._first().italic;
  }
  getFontSize(): number {
    return this._first().size;
  }
  getFontFamily(): string {
    return this._first().family;
  }
}

export class ParagraphStyleImpl extends Emulated {
  static kind = 'ParagraphStyle';
  constructor(
    ctr: CallCounter,
    readonly _r: TextRangeImpl,
  ) {
    super(ctr);
  }
  private _paragraphs(): [number, number] {
    const [s, e] = this._r._bounds();
    const t = this._r._t.chars;
    return [paragraphCount(t.slice(0, s)) - 1, paragraphCount(t.slice(0, e)) - 1];
  }
  setParagraphAlignment(a: string): this {
    this._r._h.check();
    if (!['START', 'CENTER', 'END', 'JUSTIFIED'].includes(String(a))) throw new Error('Invalid argument: alignment');
    const [p, q] = this._paragraphs();
    for (let i = p; i <= q; i++) this._r._t.aligns[i] = String(a) as Alignment;
    return this;
  }
  getParagraphAlignment(): string {
    return this._r._t.aligns[this._paragraphs()[0]] ?? 'START';
  }
}

export class FillImpl extends Emulated {
  static kind = 'Fill';
  constructor(
    ctr: CallCounter,
    readonly _h: Handle,
    readonly _e: ElementModel,
  ) {
    super(ctr);
  }
  setSolidFill(hex: unknown): void {
    this._h.check();
    if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) throw new Error('not emulated: Fill.setSolidFill (only "#rrggbb")');
    this._e.fill = hex.toLowerCase();
  }
  setTransparent(): void {
    this._h.check();
    this._e.fill = null;
  }
  isVisible(): boolean {
    return this._e.fill !== null;
  }
}

export class BorderImpl extends Emulated {
  static kind = 'Border';
  constructor(
    ctr: CallCounter,
    readonly _h: Handle,
    readonly _e: ElementModel,
  ) {
    super(ctr);
  }
  setWeight(points: number): this {
    this._h.check();
    this._e.border = { color: this._e.border?.color ?? '#000000', weight: points };
    return this;
  }
  getWeight(): number {
    return this._e.border?.weight ?? 0;
  }
  setTransparent(): this {
    this._h.check();
    this._e.border = null;
    return this;
  }
  isVisible(): boolean {
    return this._e.border !== null;
  }
  getLineFill(): LineFillImpl {
    this._h.check();
    return new LineFillImpl(this._ctr, this._h, this._e);
  }
}

export class LineFillImpl extends Emulated {
  static kind = 'LineFill';
  constructor(
    ctr: CallCounter,
    readonly _h: Handle,
    readonly _e: ElementModel,
  ) {
    super(ctr);
  }
  setSolidFill(hex: unknown): void {
    this._h.check();
    if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) throw new Error('not emulated: LineFill.setSolidFill (only "#rrggbb")');
    this._e.border = { color: hex.toLowerCase(), weight: this._e.border?.weight ?? 1 };
  }
}

/** The Slides advanced service (Slides.Presentations.create): the only way to choose a page size, e.g. A4 landscape. */
export class SlidesAdvancedImpl extends Emulated {
  static kind = 'Slides';
  readonly Presentations: unknown;
  constructor(ctr: CallCounter, store: DriveStore) {
    super(ctr);
    this.Presentations = expose(new PresentationsResourceImpl(ctr, store));
  }
}

interface Dimension {
  magnitude?: number;
  unit?: string;
}

export class PresentationsResourceImpl extends Emulated {
  static kind = 'Slides.Presentations';
  constructor(
    ctr: CallCounter,
    readonly _store: DriveStore,
  ) {
    super(ctr);
  }
  create(resource: { title?: string; pageSize?: { width?: Dimension; height?: Dimension } }): { presentationId: string; title: string; pageSize: unknown } {
    const points = (d: Dimension | undefined, fallback: number): number => {
      if (!d) return fallback;
      const m = Number(d.magnitude);
      if (!(m > 0)) throw new Error('Invalid requests: pageSize magnitude must be positive.');
      if (d.unit === 'PT') return m;
      if (d.unit === 'EMU') return m / 12700;
      throw new Error(`Invalid value at 'presentation.page_size' (unit "${String(d.unit)}"): PT or EMU.`);
    };
    const size = { width: points(resource.pageSize?.width, DEFAULT_PAGE.width), height: points(resource.pageSize?.height, DEFAULT_PAGE.height) };
    const item = createDeck(this._store, resource.title ?? 'Untitled presentation', size);
    return {
      presentationId: item.id,
      title: item.name,
      pageSize: { width: { magnitude: size.width * 12700, unit: 'EMU' }, height: { magnitude: size.height * 12700, unit: 'EMU' } },
    };
  }
}
