// DriveApp: folders and files in memory, with the drive.file rule (only files the add-on created or the user picked) and PDF export of presentations.
import { createHash } from 'crypto';
import { join } from 'path';
import { createSyncFn } from 'synckit';
import { CallCounter, Emulated } from '../core/calls';
import { BlobImpl } from '../base/blob';
import type { Env } from '../core/env';
import { DECK_MIME, deckPages, type DeckModel } from '../slides/slidesApp';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const PDF_MIME = 'application/pdf';

// Google's texts as Apps Script users report them (the reference does not list exception texts).
/** getFileById / getFolderById of an item the user (or, under drive.file, the add-on) cannot see. */
export const NO_ITEM = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
/** A write the user may not make (trash someone else's file, move into a folder they cannot edit). */
export const DRIVE_ACCESS_DENIED = 'Access denied: DriveApp.';
export function notConvertible(from: string, to: string): string {
  return `Converting from ${from} to ${to} is not supported.`;
}

/** One Drive item (file or folder) as the store keeps it. */
export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  owner: string;
  editors: Set<string>;
  /**
   * Whether the add-on may open it under the drive.file scope: it created the item, or the user picked it
   * (Picker). A presentation the organizer made by hand in Slides starts without it.
   */
  appAccess: boolean;
  description: string | null;
  trashed: boolean;
  createdMs: number;
  updatedMs: number;
  bytes?: Uint8Array;
  /** Saved state of a Google Slides file (what an export shows). */
  deck?: DeckModel;
}

/** The PDF renderer, started on first use in a worker thread and reused (loading pdf-lib and the fonts takes seconds). */
let renderPdf: ((json: string) => Uint8Array) | undefined;
function renderer(): (json: string) => Uint8Array {
  renderPdf ??= createSyncFn<(json: string) => Promise<Uint8Array>>(join(__dirname, '..', '..', 'render', 'slidesPdf.cjs'), { timeout: 120_000 });
  return renderPdf;
}

/** The emulated Drive of every user: items by id, and each user's "My Drive" root. */
export class DriveStore {
  readonly items = new Map<string, DriveItem>();
  private readonly roots = new Map<string, string>();
  /** Scope of the add-on: 'drive.file' (the default, what appsscript.json asks) or full 'drive'. */
  scope: 'drive.file' | 'drive' = 'drive.file';
  /** Renders of identical pages are reused (each render is a child process). */
  private readonly pdfCache = new Map<string, Uint8Array>();

  constructor(readonly env: Env) {}

  user(): string {
    return this.env.effectiveUser;
  }
  rootOf(user: string): DriveItem {
    let id = this.roots.get(user);
    if (!id) {
      id = this.env.fileId(28);
      this.roots.set(user, id);
      this.items.set(id, this.fresh({ id, name: 'My Drive', mimeType: FOLDER_MIME, parents: [], owner: user }));
    }
    return this.items.get(id)!;
  }
  add(init: Partial<DriveItem> & { name: string; mimeType: string }, parent?: DriveItem): DriveItem {
    const user = this.user();
    // Ids are drawn in this order (the item's, then a new root's) so seeded runs keep their ids.
    const id = this.env.fileId(init.mimeType === FOLDER_MIME ? 33 : 44);
    const item = this.fresh({ id, parents: [(parent ?? this.rootOf(user)).id], owner: user, ...init });
    this.items.set(item.id, item);
    return item;
  }
  /** A new item: not shared, reachable by the add-on (it made it), not trashed, made now. */
  private fresh(fields: Pick<DriveItem, 'id' | 'name' | 'mimeType' | 'parents' | 'owner'> & Partial<DriveItem>): DriveItem {
    const now = this.env.now().getTime();
    return { editors: new Set(), appAccess: true, description: null, trashed: false, createdMs: now, updatedMs: now, ...fields };
  }
  canSee(item: DriveItem, user = this.user()): boolean {
    return item.owner === user || item.editors.has(user);
  }
  /** What DriveApp may open: the user's item, and under drive.file only one the add-on created or the user picked. */
  canOpen(item: DriveItem): boolean {
    return this.canSee(item) && (this.scope === 'drive' || item.appAccess);
  }
  get(id: unknown): DriveItem {
    const item = typeof id === 'string' ? this.items.get(id) : undefined;
    if (!item || !this.canOpen(item)) throw new Error(NO_ITEM);
    return item;
  }
  touch(item: DriveItem): void {
    item.updatedMs = this.env.now().getTime();
  }
  url(item: DriveItem): string {
    if (item.mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${item.id}`;
    if (item.mimeType === DECK_MIME) return `https://docs.google.com/presentation/d/${item.id}/edit?usp=drivesdk`;
    return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }
  /** A real PDF of a presentation's saved slides (pdf-lib in a worker thread: Apps Script calls are synchronous). */
  pdfOf(item: DriveItem): Uint8Array {
    const input = JSON.stringify({ title: item.name, createdMs: item.updatedMs, pages: deckPages(item.deck!) });
    const key = createHash('sha256').update(input).digest('hex');
    const cached = this.pdfCache.get(key);
    if (cached) return new Uint8Array(cached);
    const bytes = new Uint8Array(renderer()(input));
    this.pdfCache.set(key, bytes);
    return new Uint8Array(bytes);
  }
}

export class IteratorImpl<T extends Emulated> extends Emulated {
  static kind = 'FileIterator';
  private _i = 0;
  constructor(
    ctr: CallCounter,
    private readonly _list: T[],
  ) {
    super(ctr);
  }
  hasNext(): boolean {
    return this._i < this._list.length;
  }
  next(): T {
    if (this._i >= this._list.length) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
    return this._list[this._i++];
  }
  getContinuationToken(): string {
    throw new Error('not emulated: FileIterator.getContinuationToken');
  }
}
export class FolderIteratorImpl extends IteratorImpl<FolderImpl> {
  static kind = 'FolderIterator';
}

abstract class ItemImpl extends Emulated {
  constructor(
    ctr: CallCounter,
    readonly _store: DriveStore,
    readonly _item: DriveItem,
  ) {
    super(ctr);
  }
  _identity(): string {
    return this._item.id;
  }
  protected _live(): DriveItem {
    // Access is checked on every call, as Google does (sharing may change while a script holds the object).
    return this._store.get(this._item.id);
  }
  protected _mustEdit(item: DriveItem): void {
    if (!this._store.canSee(item)) throw new Error(DRIVE_ACCESS_DENIED);
  }
  getId(): string {
    return this._live().id;
  }
  getName(): string {
    return this._live().name;
  }
  setName(name: string): this {
    const item = this._live();
    this._mustEdit(item);
    item.name = String(name);
    this._store.touch(item);
    return this;
  }
  getUrl(): string {
    return this._store.url(this._live());
  }
  getDescription(): string | null {
    return this._live().description;
  }
  setDescription(d: string): this {
    const item = this._live();
    this._mustEdit(item);
    item.description = String(d);
    return this;
  }
  isTrashed(): boolean {
    return this._live().trashed;
  }
  /** Only the owner may trash an item of their Drive. */
  setTrashed(trashed: boolean): this {
    const item = this._live();
    if (item.owner !== this._store.user()) throw new Error(DRIVE_ACCESS_DENIED);
    item.trashed = Boolean(trashed);
    return this;
  }
  getDateCreated(): Date {
    return new Date(this._live().createdMs);
  }
  getLastUpdated(): Date {
    return new Date(this._live().updatedMs);
  }
  getParents(): FolderIteratorImpl {
    const item = this._live();
    const parents = item.parents.map((id) => this._store.items.get(id)!).filter((p) => this._store.canOpen(p));
    return new FolderIteratorImpl(
      this._ctr,
      parents.map((p) => new FolderImpl(this._ctr, this._store, p)),
    );
  }
  /** Moves the item into `destination` (its only parent afterwards); both must be editable by the user. */
  moveTo(destination: FolderImpl): this {
    const item = this._live();
    if (!(destination instanceof FolderImpl)) throw new Error('Invalid argument: destination');
    const dest = this._store.get(destination._item.id);
    this._mustEdit(item);
    this._mustEdit(dest);
    item.parents = [dest.id];
    this._store.touch(item);
    return this;
  }
  getOwner(): never {
    throw new Error('not emulated: File.getOwner');
  }
}

export class FileImpl extends ItemImpl {
  static kind = 'File';
  getMimeType(): string {
    return this._live().mimeType;
  }
  getSize(): number {
    const item = this._live();
    return item.bytes ? item.bytes.length : 0;
  }
  getBlob(): BlobImpl {
    const item = this._live();
    if (item.mimeType === DECK_MIME) return this.getAs(PDF_MIME);
    return new BlobImpl(this._ctr, new Uint8Array(item.bytes ?? new Uint8Array()), item.mimeType, item.name);
  }
  /** A Google Slides file exports as PDF (its saved state: unsaved edits of an open Presentation are not in it). */
  getAs(contentType: string): BlobImpl {
    const item = this._live();
    if (contentType === item.mimeType && item.bytes) return new BlobImpl(this._ctr, new Uint8Array(item.bytes), item.mimeType, item.name);
    if (item.mimeType === DECK_MIME && contentType === PDF_MIME) {
      return new BlobImpl(this._ctr, this._store.pdfOf(item), PDF_MIME, `${item.name}.pdf`);
    }
    throw new Error(notConvertible(item.mimeType, contentType));
  }
  makeCopy(name?: string, destination?: FolderImpl): FileImpl {
    const item = this._live();
    const dest = destination instanceof FolderImpl ? this._store.get(destination._item.id) : undefined;
    if (dest) this._mustEdit(dest);
    const copy = this._store.add(
      {
        name: name ?? `Copy of ${item.name}`,
        mimeType: item.mimeType,
        bytes: item.bytes ? new Uint8Array(item.bytes) : undefined,
        deck: item.deck ? structuredClone(item.deck) : undefined,
        ...(dest ? {} : { parents: [...item.parents] }),
      },
      dest,
    );
    if (copy.deck) copy.deck.id = copy.id;
    return new FileImpl(this._ctr, this._store, copy);
  }
}

export class FolderImpl extends ItemImpl {
  static kind = 'Folder';
  private _children(kind: 'file' | 'folder', name?: string): DriveItem[] {
    const item = this._live();
    // Listings include trashed items, as DriveApp's do: callers check isTrashed().
    return [...this._store.items.values()].filter(
      (c) =>
        c.parents.includes(item.id) &&
        (kind === 'folder') === (c.mimeType === FOLDER_MIME) &&
        this._store.canOpen(c) &&
        (name === undefined || c.name === name),
    );
  }
  getFiles(): IteratorImpl<FileImpl> {
    return new IteratorImpl(
      this._ctr,
      this._children('file').map((c) => new FileImpl(this._ctr, this._store, c)),
    );
  }
  getFilesByName(name: string): IteratorImpl<FileImpl> {
    return new IteratorImpl(
      this._ctr,
      this._children('file', String(name)).map((c) => new FileImpl(this._ctr, this._store, c)),
    );
  }
  getFolders(): FolderIteratorImpl {
    return new FolderIteratorImpl(
      this._ctr,
      this._children('folder').map((c) => new FolderImpl(this._ctr, this._store, c)),
    );
  }
  getFoldersByName(name: string): FolderIteratorImpl {
    return new FolderIteratorImpl(
      this._ctr,
      this._children('folder', String(name)).map((c) => new FolderImpl(this._ctr, this._store, c)),
    );
  }
  createFolder(name: string): FolderImpl {
    const item = this._live();
    this._mustEdit(item);
    return new FolderImpl(this._ctr, this._store, this._store.add({ name: String(name), mimeType: FOLDER_MIME }, item));
  }
  /** createFile(blob) or createFile(name, content[, mimeType]). */
  createFile(a: unknown, content?: unknown, mimeType?: unknown): FileImpl {
    const item = this._live();
    this._mustEdit(item);
    return new FileImpl(this._ctr, this._store, this._store.add(fileInit(a, content, mimeType), item));
  }
}

function fileInit(a: unknown, content?: unknown, mimeType?: unknown): { name: string; mimeType: string; bytes: Uint8Array } {
  if (a instanceof BlobImpl) {
    if (!a._name) throw new Error('Invalid argument: blob (a file needs a name: Blob.setName)');
    return { name: a._name, mimeType: a._contentType ?? 'application/octet-stream', bytes: new Uint8Array(a._bytes) };
  }
  if (typeof a !== 'string' || typeof content !== 'string') throw new Error('Invalid argument: createFile(name, content[, mimeType]) or createFile(blob)');
  return { name: a, mimeType: typeof mimeType === 'string' ? mimeType : 'text/plain', bytes: new Uint8Array(Buffer.from(content, 'utf8')) };
}

export class DriveAppImpl extends Emulated {
  static kind = 'DriveApp';
  constructor(
    ctr: CallCounter,
    readonly _store: DriveStore,
  ) {
    super(ctr);
  }
  getFileById(id: string): FileImpl {
    const item = this._store.get(id);
    if (item.mimeType === FOLDER_MIME) throw new Error(NO_ITEM);
    return new FileImpl(this._ctr, this._store, item);
  }
  getFolderById(id: string): FolderImpl {
    const item = this._store.get(id);
    if (item.mimeType !== FOLDER_MIME) throw new Error(NO_ITEM);
    return new FolderImpl(this._ctr, this._store, item);
  }
  getRootFolder(): FolderImpl {
    return new FolderImpl(this._ctr, this._store, this._store.rootOf(this._store.user()));
  }
  createFolder(name: string): FolderImpl {
    return this.getRootFolder().createFolder(name);
  }
  createFile(a: unknown, content?: unknown, mimeType?: unknown): FileImpl {
    return this.getRootFolder().createFile(a, content, mimeType);
  }
}
