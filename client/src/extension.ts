/**
 * The VS Code extension: thin. It starts the language server (Node IPC),
 * registers commands, a status bar item with the document's counts, and the
 * walkthrough's "open the example project". Everything the user sees about a
 * document comes from the server.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { LanguageClient, TransportKind, State, CloseAction, ErrorAction, ResponseError, ErrorCodes, ConnectionError, ConnectionErrors, type LanguageClientOptions, type ServerOptions, type ErrorHandler, type Message } from 'vscode-languageclient/node';
import { registerViews } from './views';
import { RestartPolicy } from './restart';

let client: LanguageClient | undefined;

function nl(): boolean {
  return vscode.env.language.toLowerCase().startsWith('nl');
}
const say = (n: string, e: string): string => (nl() ? n : e);

/** Restarts a crashed server up to MAX_RESTARTS times in RESTART_WINDOW_MS, and tells the user once (the decisions are in restart.ts). */
class RestartingErrorHandler implements ErrorHandler {
  private readonly policy = new RestartPolicy({
    notify: (notice) => {
      if (notice === 'restarting') void vscode.window.showWarningMessage(say('De Toetssteen-server is gestopt en wordt opnieuw gestart.', 'The Toetssteen server stopped and is being restarted.'));
      else void vscode.window.showErrorMessage(say('De Toetssteen-server stopt steeds; hij wordt niet meer herstart. Zie het uitvoerpaneel "Toetssteen".', 'The Toetssteen server keeps stopping and will not be restarted again. See the "Toetssteen" output panel.'));
    },
  });
  error(error: Error, _message: Message | undefined, count: number | undefined) {
    // `handled`: the client shows no message of its own (the user is told once, by the policy).
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return { action: this.policy.error(count, typeof code === 'string' ? code : undefined) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }
  closed() {
    return { action: this.policy.closed() === 'restart' ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
  }
}

/** An error that only says the server's connection went away: a request cut off by its close, or a message sent after it. */
function connectionGone(e: unknown): boolean {
  return (e instanceof ResponseError && e.code === ErrorCodes.PendingResponseRejected) || (e instanceof ConnectionError && (e.code === ConnectionErrors.Closed || e.code === ConnectionErrors.Disposed));
}

/**
 * vscode-languageclient reports a start that failed on its own ("couldn't create connection to server",
 * "Restarting server failed"), also when the server died while it started. That death reaches the error
 * handler's `closed()` like any other: the restart policy restarts the server and tells the user (once).
 */
class ToetssteenClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, connectionGone(data) ? false : showNotification);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const config = vscode.workspace.getConfiguration('toetssteen');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'toetssteen',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.md,*.markdown,*.txt,*.bib,*.json,*.yaml,*.yml,*.pdf,*.docx,.toetssteen.yaml}'),
    },
    initializationOptions: {
      messages: config.get('messages'),
      language: config.get('language'),
      rules: config.get('rules'),
      debounce: config.get('debounce'),
      slowDelay: config.get('slowDelay'),
      snippets: true,
    },
    errorHandler: new RestartingErrorHandler(),
    // Replaces the client's own reaction to a failed `initialize` (it shows the error's text and "Server
    // initialization failed.", then stops): a server that died meanwhile is the restart policy's; any other
    // failure is reported as before.
    initializationFailedHandler: (error) => {
      if (!connectionGone(error)) {
        if (error instanceof Error && error.message) void vscode.window.showErrorMessage(error.message);
        client?.error('Server initialization failed.', error);
      }
      return false;
    },
    outputChannelName: 'Toetssteen',
  };
  client = new ToetssteenClient('toetssteen', 'Toetssteen', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = 'toetssteen.showOutline';
  context.subscriptions.push(status);

  const updateStatus = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!client || client.state !== State.Running || !editor) {
      status.hide();
      return;
    }
    const s = await client.sendRequest<null | { kind: string; counts: Record<string, number>; diagnostics: number }>('toetssteen/status', { uri: editor.document.uri.toString() }).catch(() => null);
    if (!s) {
      status.hide();
      return;
    }
    const c = s.counts;
    // Counts by initial: V(ragen)/Q(uestions), N(ormen), C(onclusies), A(anbevelingen)/R(ecommendations), R(eacties)/Re(actions), D(oelen)/G(oals).
    const L = nl() ? { q: 'V', n: 'N', c: 'C', r: 'A', re: 'R', g: 'D' } : { q: 'Q', n: 'N', c: 'C', r: 'R', re: 'Re', g: 'G' };
    const parts = [c.questions && `${c.questions}${L.q}`, c.norms && `${c.norms}${L.n}`, c.conclusions && `${c.conclusions}${L.c}`, c.recommendations && `${c.recommendations}${L.r}`, c.reactions && `${c.reactions}${L.re}`, c.goals && `${c.goals}${L.g}`].filter(Boolean);
    status.text = `$(law) ${parts.join(' ') || s.kind}${s.diagnostics ? ` $(warning) ${s.diagnostics}` : ''}`;
    status.tooltip = say(
      `Toetssteen — ${s.kind}: ${c.questions} onderzoeksvragen, ${c.norms} normen, ${c.assessments} toetsen, ${c.conclusions} conclusies, ${c.recommendations} aanbevelingen, ${c.reactions} reacties, ${c.citations} bronverwijzingen`,
      `Toetssteen — ${s.kind}: ${c.questions} research questions, ${c.norms} norms, ${c.assessments} assessments, ${c.conclusions} conclusions, ${c.recommendations} recommendations, ${c.reactions} reactions, ${c.citations} citations`,
    );
    status.show();
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.commands.registerCommand('toetssteen.open', async (uri: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const editor = await vscode.window.showTextDocument(doc);
      if (range) {
        const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        editor.selection = new vscode.Selection(r.start, r.start);
        editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }),
    vscode.commands.registerCommand('toetssteen.checkWorkspace', async () => {
      if (!client) return;
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: say('Toetssteen: werkruimte controleren', 'Toetssteen: checking the workspace') }, () =>
        client!.sendRequest<{ files: number; totals: Record<string, number> }>('toetssteen/checkWorkspace'),
      );
      void vscode.window.showInformationMessage(say(`${r.files} documenten gecontroleerd: ${r.totals.error} fouten, ${r.totals.warning} waarschuwingen, ${r.totals.information} meldingen.`, `${r.files} documents checked: ${r.totals.error} errors, ${r.totals.warning} warnings, ${r.totals.information} notes.`));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('toetssteen.openExample', async () => {
      const src = context.asAbsolutePath('examples');
      const dest = vscode.Uri.joinPath(context.globalStorageUri, 'voorbeeld-lindeveen');
      await fs.promises.mkdir(dest.fsPath, { recursive: true });
      await fs.promises.cp(src, dest.fsPath, { recursive: true, force: false, errorOnExist: false });
      await vscode.commands.executeCommand('vscode.openFolder', dest, { forceNewWindow: false });
    }),
  );

  registerViews(context, () => client);

  client.onDidChangeState((e) => {
    // While the server is stopped (being restarted, or given up on) the counts have no source: hide them.
    if (e.newState === State.Running) void updateStatus();
    else status.hide();
  });
  // Registered before the start: the client keeps it for every connection, also one after a failed start.
  client.onNotification('toetssteen/status', (p: { uri: string }) => {
    if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) void updateStatus();
  });
  // A start that fails does not fail the activation: the client reports it itself, and a server that died
  // while it started is restarted by the error handler (the commands and views stay).
  await client.start().catch(() => undefined);
  void updateStatus();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
