/**
 * The traceability chain in VS Code: a tree in the explorer (question →
 * conclusions → recommendations; norm → assessments) and a graph in a
 * webview (strict CSP, nothing remote). Both come from the server's
 * `toetssteen/trace` request; clicking opens the place in the text.
 */
import * as vscode from 'vscode';
import * as crypto from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TraceGraph, TraceNode } from '../../../server/src/core/trace/graph';
import { renderTraceGraphHtml } from './graphHtml';

interface TraceResponse {
  graph: TraceGraph;
}

const nl = (): boolean => vscode.env.language.toLowerCase().startsWith('nl');

async function fetchGraph(client: LanguageClient | undefined, uri: vscode.Uri): Promise<TraceGraph | null> {
  if (!client) return null;
  const r = await client.sendRequest<TraceResponse | null>('toetssteen/trace', { uri: uri.toString() }).catch(() => null);
  return r?.graph ?? null;
}

export async function openNode(uri: string, range: { start: number; end: number }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
  const start = doc.positionAt(range.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, doc.positionAt(range.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

class Item extends vscode.TreeItem {
  constructor(
    readonly node: TraceNode | null,
    label: string,
    readonly childrenOf: () => Item[],
    collapsible: boolean,
  ) {
    super(label, collapsible ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    if (node) {
      this.description = node.text.length > 80 ? node.text.slice(0, 79) + '…' : node.text;
      this.tooltip = node.text;
      if (node.uri) this.command = { command: 'toetssteen.openTraceNode', title: '', arguments: [node.uri, node.range] };
      const open = (node as TraceNode & { issues?: string[] }).issues?.length;
      this.iconPath = new vscode.ThemeIcon(open ? 'warning' : node.kind === 'question' ? 'question' : node.kind === 'norm' ? 'law' : node.kind === 'conclusion' ? 'pass' : node.kind === 'recommendation' ? 'lightbulb' : node.kind === 'assessment' ? 'checklist' : 'file-text');
    }
  }
}

class TraceTree implements vscode.TreeDataProvider<Item> {
  private graph: TraceGraph | null = null;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  set(graph: TraceGraph | null): void {
    this.graph = graph;
    this.changed.fire();
  }

  getTreeItem(e: Item): vscode.TreeItem {
    return e;
  }

  getChildren(e?: Item): Item[] {
    if (e) return e.childrenOf();
    const g = this.graph;
    if (!g) return [];
    const node = (id: string): TraceNode | undefined => g.nodes.find((n) => n.id === id);
    const into = (id: string, kind: string): TraceNode[] => g.edges.filter((x) => x.to === id && x.kind === kind).map((x) => node(x.from)).filter((n): n is TraceNode => !!n);
    const leaf = (n: TraceNode): Item => new Item(n, n.label, () => [], false);
    const conclusion = (c: TraceNode): Item => {
      const recs = into(c.id, 'follows');
      return new Item(c, c.label, () => recs.map(leaf), recs.length > 0);
    };
    const question = (q: TraceNode): Item => {
      const cs = into(q.id, 'answers');
      return new Item(q, q.label, () => cs.map(conclusion), cs.length > 0);
    };
    const norm = (n: TraceNode): Item => {
      const as = into(n.id, 'assesses');
      return new Item(n, n.label, () => as.map(leaf), as.length > 0);
    };
    const groups: Item[] = [];
    const qs = g.nodes.filter((n) => n.kind === 'question');
    const ns = g.nodes.filter((n) => n.kind === 'norm');
    const orphanConclusions = g.nodes.filter((n) => n.kind === 'conclusion' && !g.edges.some((x) => x.from === n.id && x.kind === 'answers'));
    if (qs.length) groups.push(new Item(null, nl() ? `Onderzoeksvragen (${qs.length})` : `Research questions (${qs.length})`, () => qs.map(question), true));
    if (orphanConclusions.length) groups.push(new Item(null, nl() ? 'Conclusies zonder vraag' : 'Conclusions without a question', () => orphanConclusions.map(conclusion), true));
    if (ns.length) groups.push(new Item(null, nl() ? `Normen (${ns.length})` : `Norms (${ns.length})`, () => ns.map(norm), true));
    return groups;
  }
}

export function registerTraceViews(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const tree = new TraceTree();
  let panel: vscode.WebviewPanel | undefined;
  let panelUri: vscode.Uri | undefined;

  const isDoc = (d?: vscode.TextDocument): d is vscode.TextDocument => !!d && (d.languageId === 'markdown' || d.languageId === 'plaintext');
  const refresh = async (): Promise<void> => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isDoc(doc)) return;
    const graph = await fetchGraph(client(), doc.uri);
    tree.set(graph);
    if (panel && graph && panelUri?.toString() === doc.uri.toString()) panel.webview.html = html(panel.webview, graph);
  };

  const html = (webview: vscode.Webview, graph: TraceGraph): string => renderTraceGraphHtml(graph, { nonce: crypto.randomBytes(16).toString('base64'), cspSource: webview.cspSource, locale: nl() ? 'nl' : 'en' });

  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('toetssteen.trace', tree),
    vscode.commands.registerCommand('toetssteen.openTraceNode', (uri: string, range: { start: number; end: number }) => openNode(uri, range)),
    vscode.commands.registerCommand('toetssteen.refreshTrace', () => refresh()),
    vscode.commands.registerCommand('toetssteen.showTrace', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!isDoc(doc)) return;
      const graph = await fetchGraph(client(), doc.uri);
      if (!graph) return;
      panelUri = doc.uri;
      if (!panel) {
        panel = vscode.window.createWebviewPanel('toetssteen.traceGraph', nl() ? 'Toetssteen: keten' : 'Toetssteen: chain', vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
        panel.onDidDispose(() => (panel = undefined), null, context.subscriptions);
        panel.webview.onDidReceiveMessage((msg: { type?: string; uri?: string; range?: { start: number; end: number } }) => {
          if (msg?.type === 'open' && typeof msg.uri === 'string' && msg.range && Number.isFinite(msg.range.start) && Number.isFinite(msg.range.end)) void openNode(msg.uri, msg.range);
        });
      }
      panel.webview.html = html(panel.webview, graph);
      panel.reveal(vscode.ViewColumn.Beside, true);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.workspace.onDidSaveTextDocument(() => void refresh()),
  );
  setTimeout(() => void refresh(), 1500);
}
