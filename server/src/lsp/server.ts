/**
 * The language server: documents, the project around them, analysis on
 * every change, and the features (one file each under ./features). This file
 * owns the state; the features only read it.
 *
 * Invariants:
 * - Diagnostics are published with the document version they were computed
 *   for, and never for a version older than the newest seen.
 * - Every handler runs inside `guard`: an exception is logged and answered as
 *   an error; the next request works.
 * - The server never writes files; edits reach the client as WorkspaceEdits
 *   bound to the document version they were computed for.
 */
import {
  type Connection,
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  ResponseError,
  ErrorCodes,
  type InitializeParams,
  type InitializeResult,
  CancellationToken,
  FileChangeType,
  LSPErrorCodes,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { analyze } from '../core/analyze';
import { AnalysisCache } from '../core/cache';
import { runRules, RULES, type Diagnostic } from '../core/rules';
import { createProjectView, type ProjectView } from '../core/project';
import { parseConfig, DEFAULT_CONFIG, CONFIG_FILE, type ProjectConfig, type ConfigProblem } from '../core/config';
import type { DocumentModel } from '../core/types';
import { LineIndex } from '../core/text';
import { localeFrom, UI, type Locale } from './i18n';
import { registerFeatures } from './features';
import { BibliographyStore } from '../workspace/bibliography';
import { buildSourceIndex } from '../workspace/sources';
import type { SourceIndexView } from '../core/claims/types';
import { projectFileDiagnostics } from '../core/rules/citation';
import { resolvedFrontMatterBibliographies } from '../core/bibliography/view';
import { normPath } from '../core/bibliography/util';
import { MAX_DOCUMENT_BYTES, readConfigText, stripBom, megabytes } from '../workspace/files';

export interface Settings {
  /** Milliseconds of quiet before the whole-document rules run (0: on every version). */
  slowDelay: number;
  messages: 'auto' | 'nl' | 'en';
  language: 'auto' | 'nl' | 'en';
  rules: Record<string, string>;
  debounce: number;
  maxFileSize: number;
}

const DEFAULT_SETTINGS: Settings = { slowDelay: 300, messages: 'auto', language: 'auto', rules: {}, debounce: 0, maxFileSize: MAX_DOCUMENT_BYTES };
const DOC_EXT = /\.(md|markdown|txt)$/i;
const SCAN_LIMIT = 20000;

export interface DocEntry {
  uri: string;
  text: string;
  /** LSP version for open documents; null for files read from disk. */
  version: number | null;
  model: DocumentModel | null;
  index: LineIndex | null;
  diagnostics: Diagnostic[];
  /** Memory of the previous analysis (open documents only). */
  cache?: AnalysisCache;
  /** Size in bytes of an open document over the size limit: it is not analysed. */
  tooLarge?: number;
  /** The whole-document rules' last results and the text they were computed on. */
  slow?: { diagnostics: Diagnostic[]; text: string };
  slowTimer?: NodeJS.Timeout;
}

/** Rules that read the whole document (and the project) at some cost: they run when typing pauses. */
const SLOW_CODE = /^(?:claim|trace)\//;
const FAST_RULES = RULES.filter((r) => !SLOW_CODE.test(r.meta.code));
const SLOW_RULES = RULES.filter((r) => SLOW_CODE.test(r.meta.code));

/**
 * Diagnostics computed on `before`, moved onto `after`: the one edited region
 * is found by common prefix and suffix; what lies after it shifts, what it
 * touched is dropped.
 */
export function shiftPast(diags: readonly Diagnostic[], before: string, after: string): Diagnostic[] {
  if (before === after) return [...diags];
  const n = Math.min(before.length, after.length);
  let p = 0;
  while (p < n && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let sb = before.length;
  let sa = after.length;
  while (sb > p && sa > p && before.charCodeAt(sb - 1) === after.charCodeAt(sa - 1)) {
    sb--;
    sa--;
  }
  const delta = sa - sb;
  const out: Diagnostic[] = [];
  for (const d of diags) {
    if (d.range.end <= p) out.push(d);
    else if (d.range.start >= sb) out.push({ ...d, range: { start: d.range.start + delta, end: d.range.end + delta }, related: d.related?.map((r) => (r.uri ? r : { ...r, range: r.range.start >= sb ? { start: r.range.start + delta, end: r.range.end + delta } : r.range })) });
  }
  return out;
}

export class ToetssteenServer {
  readonly documents = new TextDocuments(TextDocument);
  readonly entries = new Map<string, DocEntry>();
  locale: Locale = 'en';
  clientLocale: string | undefined;
  /** The client applies snippet quick fixes through the `toetssteen.insertSnippet` command (our VS Code extension). */
  snippets = false;
  settings: Settings = DEFAULT_SETTINGS;
  config: ProjectConfig = DEFAULT_CONFIG;
  configProblems: ConfigProblem[] = [];
  configUri: string | null = null;
  roots: string[] = [];
  private view: ProjectView | null = null;
  private pending = new Map<string, NodeJS.Timeout>();
  private scanAbort: AbortController | null = null;
  private hasConfigCapability = false;
  private hasFolderCapability = false;
  scanDone: Promise<void> = Promise.resolve();
  /** The project's bibliographies, read from disk (and from open editors). */
  bibliography: BibliographyStore | null = null;
  /** The source corpus index, once built. */
  sources: SourceIndexView | undefined;
  private sourcesAbort: AbortController | null = null;
  private sourcesTimer: NodeJS.Timeout | null = null;
  private fileDiagUris = new Set<string>();
  private shuttingDown = false;
  /** Settled once settings and the project file are read: no document is checked with defaults that are about to change. */
  private markReady!: () => void;
  readonly ready = new Promise<void>((r) => (this.markReady = r));

  constructor(readonly connection: Connection) {}

  // ------------------------------------------------------------ lifecycle

  start(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => {
      if (this.hasConfigCapability) void c.client.register(DidChangeConfigurationNotification.type, undefined);
      if (this.hasFolderCapability) c.workspace.onDidChangeWorkspaceFolders((e) => this.guardVoid('didChangeWorkspaceFolders', () => this.foldersChanged(e.added.map((f) => URI.parse(f.uri).fsPath), e.removed.map((f) => URI.parse(f.uri).fsPath))));
      void this.loadSettings()
        .catch(() => undefined)
        .then(() => {
          this.markReady();
          this.scanDone = this.scanWorkspace();
        });
    });
    c.onDidChangeConfiguration(() => this.guardVoid('didChangeConfiguration', async () => {
      await this.loadSettings();
      this.invalidate();
      this.recheckOpen();
    }));
    c.onDidChangeWatchedFiles((p) => this.guardVoid('didChangeWatchedFiles', async () => {
      for (const ch of p.changes) await this.fileChanged(ch.uri, ch.type);
      this.invalidate();
      this.recheckOpen();
    }));
    this.documents.onDidOpen((e) => this.guardVoid('didOpen', () => this.onText(e.document)));
    this.documents.onDidChangeContent((e) => this.guardVoid('didChange', () => this.onText(e.document)));
    this.documents.onDidClose((e) => this.guardVoid('didClose', async () => {
      const entry = this.entries.get(e.document.uri);
      if (entry) {
        entry.version = null;
        // Keep what is on disk: the project still needs the document.
        const path = this.fsPath(e.document.uri);
        const st = path ? await stat(path).catch(() => null) : null;
        entry.tooLarge = undefined;
        if (path && st?.isFile() && st.size <= this.maxFileSize()) entry.text = stripBom(await readFile(path, 'utf8').catch(() => entry.text));
        else this.entries.delete(e.document.uri);
        entry.model = null;
        entry.index = null;
        entry.cache = undefined;
        if (this.entries.get(e.document.uri) === entry) this.model(e.document.uri);
      }
      this.invalidate();
      void c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }));
    // Shutdown interrupts the background work: reading the workspace, indexing the sources.
    c.onShutdown(() => {
      this.shuttingDown = true;
      this.scanAbort?.abort();
      this.sourcesAbort?.abort();
      if (this.sourcesTimer) clearTimeout(this.sourcesTimer);
      for (const t of this.pending.values()) clearTimeout(t);
      this.pending.clear();
    });
    registerFeatures(this);
    this.documents.listen(c);
    c.listen();
  }

  /** Workspace folders added or removed: the project is read again (interrupting a scan under way). */
  private async foldersChanged(added: string[], removed: string[]): Promise<void> {
    this.roots = [...this.roots.filter((r) => !removed.includes(r)), ...added.filter((a) => !this.roots.includes(a))];
    const inRoots = (uri: string): boolean => {
      const path = this.fsPath(uri);
      return !!path && this.roots.some((r) => path === r || path.startsWith(r + sep));
    };
    for (const [uri, e] of this.entries) if (e.version === null && !inRoots(uri)) this.entries.delete(uri);
    this.sources = undefined;
    await this.loadProjectConfig();
    this.invalidate();
    this.recheckOpen();
    this.scanDone = this.scanWorkspace();
  }

  private initialize(p: InitializeParams): InitializeResult {
    this.clientLocale = p.locale;
    this.locale = localeFrom(p.locale, undefined);
    this.hasConfigCapability = !!p.capabilities.workspace?.configuration;
    this.hasFolderCapability = !!p.capabilities.workspace?.workspaceFolders;
    const folders = p.workspaceFolders?.map((f) => URI.parse(f.uri).fsPath) ?? (p.rootUri ? [URI.parse(p.rootUri).fsPath] : []);
    this.roots = folders;
    const opts = p.initializationOptions as (Partial<Settings> & { snippets?: boolean }) | undefined;
    if (opts) this.settings = { ...DEFAULT_SETTINGS, ...opts };
    this.snippets = !!opts?.snippets;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['@', '#', ' '], resolveProvider: false },
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: ['toetssteen.applyEdit'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'toetssteen', version: '0.1.0' },
    };
  }

  private async loadSettings(): Promise<void> {
    if (this.hasConfigCapability) {
      try {
        const s = (await this.connection.workspace.getConfiguration('toetssteen')) as Partial<Settings> | null;
        if (s) this.settings = { ...DEFAULT_SETTINGS, ...s };
      } catch {
        // keep what we have
      }
    }
    this.locale = localeFrom(this.clientLocale, this.settings.messages);
    await this.loadProjectConfig();
  }

  private async loadProjectConfig(): Promise<void> {
    this.config = DEFAULT_CONFIG;
    this.configProblems = [];
    this.configUri = null;
    for (const root of this.roots) {
      const file = join(root, CONFIG_FILE);
      if (!existsSync(file)) continue;
      this.configUri = URI.file(file).toString();
      const open = this.documents.get(this.configUri);
      let text: string | null = open ? open.getText() : null;
      let problem: { nl: string; en: string } | null = null;
      if (text === null) {
        const r = readConfigText(file);
        if ('text' in r) text = r.text;
        else problem = r.problem;
      }
      const { config, problems } = text !== null ? parseConfig(text) : { config: DEFAULT_CONFIG, problems: [{ message: problem!, line: 0 }] };
      this.config = config;
      this.configProblems = problems;
      break;
    }
    this.bibliography = null;
    this.publishConfigDiagnostics();
  }

  private publishConfigDiagnostics(): void {
    if (!this.configUri) return;
    void this.connection.sendDiagnostics({
      uri: this.configUri,
      diagnostics: this.configProblems.map((p) => ({
        range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 200 } },
        severity: 1,
        code: 'config/invalid',
        source: 'toetssteen',
        message: p.message[this.locale],
      })),
    });
  }

  // ------------------------------------------------------------ workspace

  /**
   * Reads the workspace's documents, then analyses them, under one progress
   * (reading is the first tenth of it); interruptible — cancelling the
   * progress stops both, what is analysed by then stays in the project —
   * and requests are answered meanwhile.
   */
  private async scanWorkspace(): Promise<void> {
    this.scanAbort?.abort();
    const abort = new AbortController();
    this.scanAbort = abort;
    const files: string[] = [];
    for (const root of this.roots) await this.collect(root, root, files, abort.signal);
    if (!files.length || abort.signal.aborted) return;
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin(UI.indexing[this.locale], 0, `0/${files.length}`, true);
    progress?.token.onCancellationRequested(() => abort.abort());
    let done = 0;
    for (const file of files) {
      if (abort.signal.aborted) break;
      const uri = URI.file(file).toString();
      if (!this.entries.has(uri)) {
        try {
          const st = await stat(file);
          if (st.isFile() && st.size <= this.maxFileSize()) {
            const text = await readFile(file, 'utf8');
            if (!this.entries.has(uri)) this.entries.set(uri, { uri, text: stripBom(text), version: null, model: null, index: null, diagnostics: [] });
          }
        } catch {
          // unreadable files are skipped; the documents that are open are unaffected
        }
      }
      done++;
      if (done % 50 === 0) {
        progress?.report(Math.round((done / files.length) * 10), `${done}/${files.length}`);
        await new Promise((r) => setImmediate(r));
      }
    }
    if (!this.shuttingDown && this.scanAbort === abort) await this.analyseInBackground(abort.signal, (n, total) => progress?.report(10 + Math.round((n / total) * 90), `${UI.analysing[this.locale]} ${n}/${total}`));
    progress?.done();
    if (this.shuttingDown || this.scanAbort !== abort) return;
    this.invalidate();
    this.recheckOpen();
    this.scheduleSources(0);
  }

  /** (Re)builds the source index in the background, with progress; a newer build interrupts an older one. */
  scheduleSources(delay = 500): void {
    if (this.sourcesTimer) clearTimeout(this.sourcesTimer);
    if (this.shuttingDown) return;
    this.sourcesTimer = setTimeout(() => this.guardVoid('sources', () => this.buildSources()), delay);
  }

  private async buildSources(): Promise<void> {
    const root = this.roots[0];
    if (!root) return;
    this.sourcesAbort?.abort();
    const abort = new AbortController();
    this.sourcesAbort = abort;
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin(this.locale === 'nl' ? 'Toetssteen: bronnen indexeren' : 'Toetssteen: indexing sources', 0, undefined, true);
    progress?.token.onCancellationRequested(() => abort.abort());
    try {
      const index = await buildSourceIndex({
        root,
        folders: this.config.sources,
        signal: abort.signal,
        onProgress: (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total}`),
      });
      if (!abort.signal.aborted) {
        this.sources = index;
        this.invalidate();
        this.recheckOpen();
        this.publishFileDiagnostics();
      }
    } catch (e) {
      if (!abort.signal.aborted) this.connection.console.error(`source index failed: ${String(e)}`);
    } finally {
      progress?.done();
    }
  }

  /** Diagnostics on files that are not documents: bibliographies, sources. */
  publishFileDiagnostics(): void {
    const diags = projectFileDiagnostics(this.project(), this.severities());
    const byUri = new Map<string, typeof diags>();
    for (const d of diags) {
      const uri = URI.file(d.path).toString();
      byUri.set(uri, [...(byUri.get(uri) ?? []), d]);
    }
    const sev = { error: 1, warning: 2, information: 3, hint: 4 } as const;
    for (const uri of this.fileDiagUris) if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.fileDiagUris = new Set(byUri.keys());
    for (const [uri, list] of byUri) {
      void this.connection.sendDiagnostics({ uri, diagnostics: list.map((d) => ({ range: d.range, severity: sev[d.severity], code: d.code, source: 'toetssteen', message: d.message[this.locale], data: d.data })) });
    }
  }

  /**
   * Analyses the workspace's documents in slices of a few milliseconds (a
   * slice ends after the document that passes 5 ms), so that requests are
   * answered meanwhile; `onProgress` hears of every 50 documents.
   */
  private async analyseInBackground(signal: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<void> {
    const todo = [...this.entries.values()].filter((e) => !e.model);
    let i = 0;
    let reported = 0;
    while (i < todo.length && !signal.aborted) {
      const until = performance.now() + 5;
      while (i < todo.length && performance.now() < until) {
        const e = todo[i++];
        if (this.entries.get(e.uri) === e && !e.model) {
          try {
            this.model(e.uri);
          } catch (err) {
            this.connection.console.error(`analysis of ${e.uri} failed: ${String(err)}`);
          }
        }
      }
      if (i - reported >= 50 || i === todo.length) onProgress?.((reported = i), todo.length);
      await new Promise((r) => setImmediate(r));
    }
  }

  private async collect(root: string, dir: string, out: string[], signal: AbortSignal, seen = new Set<string>()): Promise<void> {
    if (out.length >= SCAN_LIMIT || signal.aborted) return;
    // A folder reached twice (a link to a parent) is read once.
    const id = await stat(dir).then((st) => `${st.dev}:${st.ino}`, () => dir);
    if (seen.has(id)) return;
    seen.add(id);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      const rel = relative(root, p).split(sep).join('/');
      if (this.config.sources.some((s) => rel === s || rel.startsWith(s + '/'))) continue;
      let st;
      try {
        st = await stat(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) await this.collect(root, p, out, signal, seen);
      else if (st.isFile() && DOC_EXT.test(name)) out.push(p); // not a pipe or a device: reading one never ends
      if (out.length >= SCAN_LIMIT) return;
    }
  }

  private async fileChanged(uri: string, type: FileChangeType): Promise<void> {
    if (uri === this.configUri || uri.endsWith('/' + CONFIG_FILE)) {
      await this.loadProjectConfig();
      return;
    }
    const path0 = this.fsPath(uri);
    if (path0 && this.bibliography && this.isBibliography(path0)) {
      this.bibliography.reloadFile(path0);
      this.publishFileDiagnostics();
      return;
    }
    if (path0 && this.inSourcesAnyRoot(path0)) {
      this.scheduleSources();
      return;
    }
    if (!DOC_EXT.test(uri) || this.documents.get(uri)) return;
    if (type === FileChangeType.Deleted) {
      this.entries.delete(uri);
      return;
    }
    const path = this.fsPath(uri);
    if (!path) return;
    const st = await stat(path).catch(() => null);
    if (!st || !st.isFile() || st.size > this.maxFileSize()) {
      this.entries.delete(uri);
      return;
    }
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) return;
    this.entries.set(uri, { uri, text: stripBom(text), version: null, model: null, index: null, diagnostics: [] });
    this.model(uri);
  }

  private isBibliography(path: string): boolean {
    const p = normPath(path);
    return !!this.bibliography?.files.some((f) => f.path === p) || /\.bib$/i.test(p);
  }

  private inSourcesAnyRoot(path: string): boolean {
    return this.roots.some((root) => path.startsWith(root) && this.inSources(path, root));
  }

  fsPath(uri: string): string | null {
    try {
      const u = URI.parse(uri);
      return u.scheme === 'file' ? u.fsPath : null;
    } catch {
      return null;
    }
  }

  // ------------------------------------------------------------ analysis

  private onText(doc: TextDocument): void {
    if (doc.uri === this.configUri) {
      const { config, problems } = parseConfig(doc.getText());
      this.config = config;
      this.configProblems = problems;
      this.publishConfigDiagnostics();
      this.invalidate();
      this.recheckOpen();
      return;
    }
    const entry = this.entries.get(doc.uri);
    const text = doc.getText();
    const tooLarge = bytesOver(text, this.maxFileSize()) ?? undefined;
    if (entry) {
      entry.text = text;
      entry.version = doc.version;
      entry.model = null;
      entry.index = null;
      entry.tooLarge = tooLarge;
      if (tooLarge) entry.cache = undefined;
    } else {
      this.entries.set(doc.uri, { uri: doc.uri, text, version: doc.version, model: null, index: null, diagnostics: [], tooLarge });
    }
    this.invalidate();
    this.schedule(doc.uri);
  }

  /** Coalesces changes: only the newest version of a document is analysed. */
  schedule(uri: string): void {
    const t = this.pending.get(uri);
    if (t) clearTimeout(t);
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        void this.ready.then(() => this.guardVoid('analysis', () => this.check(uri)));
      }, this.settings.debounce),
    );
  }

  /** Re-checks the open documents (another document of the project changed). */
  recheckOpen(): void {
    for (const d of this.documents.all()) this.schedule(d.uri);
  }

  private invalidate(): void {
    this.view = null;
  }

  /** The document's model, analysed now if needed. */
  model(uri: string): DocumentModel | null {
    const e = this.entries.get(uri);
    if (!e || e.tooLarge) return null;
    if (!e.model) {
      const language = this.config.language ?? (this.settings.language !== 'auto' ? this.settings.language : undefined);
      if (e.version !== null && !e.cache) e.cache = new AnalysisCache();
      e.model = analyze(e.text, { uri, language, cache: e.version !== null ? e.cache : undefined });
      e.index = new LineIndex(e.text);
    }
    return e.model;
  }

  lineIndex(uri: string): LineIndex | null {
    const e = this.entries.get(uri);
    if (!e || e.tooLarge) return null;
    if (!e.index) e.index = new LineIndex(e.text);
    return e.index;
  }

  /**
   * The project as checks see it: the open documents and every workspace
   * document analysed so far (the rest is analysed in the background).
   */
  project(): ProjectView {
    if (!this.view) {
      const models: DocumentModel[] = [];
      for (const [uri, e] of this.entries) {
        const m = e.model ?? (e.version !== null ? this.model(uri) : null);
        if (m) models.push(m);
      }
      this.view = createProjectView(models, this.config, { bibliography: this.bibliographyFor(models)?.view(), sources: this.sources });
    }
    return this.view;
  }

  /** The bibliography store, with every file the project and its documents name loaded. */
  private bibliographyFor(models: DocumentModel[]): BibliographyStore | null {
    const root = this.roots[0];
    if (!root) return null;
    if (!this.bibliography || this.bibliography.root !== root) this.bibliography = new BibliographyStore(root, this.config, this.roots);
    const store = this.bibliography;
    store.setProjectBibliographies(this.config.bibliography);
    const loaded = new Set(store.files.map((f) => f.path));
    const want = new Set(store.defaults);
    for (const m of models) for (const p of resolvedFrontMatterBibliographies({ uri: m.uri ? this.fsPath(m.uri) : null, frontMatter: m.frontMatter })) want.add(p);
    for (const p of want) if (!loaded.has(normPath(p))) store.reloadFile(p);
    return store;
  }

  /** Is this a document Toetssteen should speak about? */
  isToetssteenDocument(uri: string): boolean {
    if (this.entries.get(uri)?.tooLarge) return false;
    if (this.configUri) {
      const root = this.fsPath(this.configUri)?.replace(/[\\/][^\\/]+$/, '');
      const path = this.fsPath(uri);
      if (root && path && path.startsWith(root)) return !this.inSources(path, root);
    }
    const m = this.model(uri);
    return !!m && m.kind !== 'unknown';
  }

  private inSources(path: string, root: string): boolean {
    const rel = relative(root, path).split(sep).join('/');
    return this.config.sources.some((s) => rel === s || rel.startsWith(s + '/'));
  }

  /** The size limit for documents, in bytes (setting `toetssteen.maxFileSize`). */
  maxFileSize(): number {
    const n = Number(this.settings.maxFileSize);
    return Number.isFinite(n) && n > 0 ? n : MAX_DOCUMENT_BYTES;
  }

  severities(): Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'> {
    const out: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'> = {};
    for (const [k, v] of Object.entries(this.settings.rules ?? {})) if (['error', 'warning', 'information', 'hint', 'off'].includes(v)) out[k] = v as 'off';
    return { ...out, ...this.config.rules };
  }

  /** Analyse and publish diagnostics for one document, bound to its version. */
  check(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const entry = this.entries.get(uri);
    if (!entry || entry.version !== doc.version) return; // a newer version is on its way
    const version = doc.version;
    if (entry.tooLarge) {
      // Not analysed: one clear word instead of a frozen editor.
      entry.diagnostics = [];
      const size = megabytes(entry.tooLarge);
      const limit = megabytes(this.maxFileSize());
      const message = { nl: `Document te groot om te analyseren: ${size.replace('.', ',')} MB, grens ${limit.replace('.', ',')} MB (instelling toetssteen.maxFileSize).`, en: `Document too large to analyse: ${size} MB, limit ${limit} MB (setting toetssteen.maxFileSize).` };
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: 'document/too-large', source: 'toetssteen', message: message[this.locale] }] });
      return;
    }
    if (!this.isToetssteenDocument(uri)) {
      entry.diagnostics = [];
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const model = this.model(uri)!;
    const project = this.project();
    const severities = this.severities();
    // Two phases while typing: the fast rules run on every version; the whole-document
    // rules (claims, traceability) run when typing pauses. Meanwhile their last results
    // are carried over, shifted past the edit (and dropped where the edit touched them).
    const fast = runRules(model, { project, severities }, FAST_RULES);
    const prev = entry.slow;
    if (prev && this.settings.slowDelay > 0) {
      const carried = shiftPast(prev.diagnostics, prev.text, entry.text);
      this.publish(uri, version, model, [...fast, ...carried]);
      if (entry.slowTimer) clearTimeout(entry.slowTimer);
      entry.slowTimer = setTimeout(() => this.guardVoid('slow rules', () => this.checkSlow(uri, version, fast)), this.settings.slowDelay);
      return;
    }
    this.checkSlow(uri, version, fast);
  }

  /** The whole-document rules, then one complete publish, if the version is still current. */
  private checkSlow(uri: string, version: number, fast: Diagnostic[]): void {
    const entry = this.entries.get(uri);
    if (!entry || this.documents.get(uri)?.version !== version || entry.version !== version) return;
    const model = this.model(uri)!;
    const slow = runRules(model, { project: this.project(), severities: this.severities() }, SLOW_RULES);
    entry.slow = { diagnostics: slow, text: entry.text };
    this.publish(uri, version, model, [...fast, ...slow].sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code)));
  }

  private publish(uri: string, version: number, model: DocumentModel, diags: Diagnostic[]): void {
    const entry = this.entries.get(uri);
    if (!entry || this.documents.get(uri)?.version !== version) return;
    entry.diagnostics = diags;
    const index = this.lineIndex(uri)!;
    void this.connection.sendDiagnostics({
      uri,
      version,
      diagnostics: diags.map((d) => this.toLspDiagnostic(d, index, version)),
    });
    void this.connection.sendNotification('toetssteen/status', { uri, version, counts: counts(model), diagnostics: diags.length });
    // Bibliography diagnostics (unused entries) follow the documents, but not on every keystroke.
    if (this.fileDiagTimer) clearTimeout(this.fileDiagTimer);
    this.fileDiagTimer = setTimeout(() => this.guardVoid('fileDiagnostics', () => this.publishFileDiagnostics()), 800);
  }
  private fileDiagTimer: NodeJS.Timeout | null = null;

  /** `version`: the document version the diagnostic was computed for (in `data`: a quick fix for another version is refused). */
  toLspDiagnostic(d: Diagnostic, index: LineIndex, version?: number) {
    const sev = { error: 1, warning: 2, information: 3, hint: 4 } as const;
    return {
      range: index.range(d.range),
      severity: sev[d.severity],
      code: d.code,
      source: 'toetssteen',
      message: d.message[this.locale],
      data: { ...(d.data ?? {}), code: d.code, span: d.range, ...(version !== undefined ? { version } : {}) },
      relatedInformation: d.related?.map((r) => {
        const uri = r.uri ? (r.uri.includes('://') ? r.uri : URI.file(r.uri).toString()) : undefined;
        const idx = uri ? this.lineIndex(uri) : index;
        return { location: { uri: uri ?? '', range: (idx ?? index).range(r.range) }, message: r.message[this.locale] };
      }).filter((r) => r.location.uri !== '' || true),
    };
  }

  // ------------------------------------------------------------ guards

  /** Runs a request handler; an exception is logged and answered as an error. */
  guard<P, R>(name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      // A request without params hands its handler the token first.
      const tok = token ?? (CancellationToken.is(params) ? params : CancellationToken.None);
      try {
        return await handler(params, tok);
      } catch (e) {
        if (e instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name}: cancelled`);
        this.connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return new ResponseError(ErrorCodes.InternalError, `${UI.internalError[this.locale]}: ${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
  }

  guardVoid(name: string, fn: () => void | Promise<void>): void {
    try {
      const r = fn();
      if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch((e) => this.connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
    } catch (e) {
      this.connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
}

/** Thrown by a long handler whose request was cancelled; `guard` answers RequestCancelled. */
export class Cancelled extends Error {}

/**
 * For long handlers: `await tick()` between pieces of work lets other
 * messages in (a $/cancelRequest among them) every few milliseconds, and
 * throws `Cancelled` once the request is cancelled.
 */
export function ticker(token: CancellationToken | undefined, sliceMs = 10): () => Promise<void> {
  let until = performance.now() + sliceMs;
  return async () => {
    if (token?.isCancellationRequested) throw new Cancelled();
    if (performance.now() < until) return;
    await new Promise((r) => setImmediate(r));
    if (token?.isCancellationRequested) throw new Cancelled();
    until = performance.now() + sliceMs;
  };
}

/** Its size in UTF-8 bytes when a text is larger than `limit` bytes, else null (counted only when it can matter). */
export function bytesOver(text: string, limit: number): number | null {
  if (text.length * 3 <= limit) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : null;
}


export function counts(m: DocumentModel): Record<string, number> {
  return {
    questions: m.questions.length,
    norms: m.norms.length,
    assessments: m.assessments.length,
    findings: m.findings.length,
    conclusions: m.conclusions.length,
    recommendations: m.recommendations.length,
    reactions: m.reactions.length,
    goals: m.goals.length,
    citations: m.citations.length,
  };
}
