/**
 * Views on the document model: the outline quick pick. The traceability tree
 * and graph and the quote diff register here as their areas land.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerTraceViews } from './trace/view';

interface OutlineItem {
  id: string;
  text: string;
  range: { start: { line: number; character: number } };
}

export function registerViews(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  registerTraceViews(context, client);
  // Side-by-side diff of a reaction's quote against the report's text, from read-only virtual documents.
  const quotes = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider('toetssteen-quote', { onDidChange: changed.event, provideTextDocumentContent: (u) => quotes.get(u.toString()) ?? '' }),
    vscode.commands.registerCommand('toetssteen.quoteDiff', async (uri: string, reactionId: string) => {
      const c = client();
      if (!c) return;
      const r = await c.sendRequest<null | { item: string; reportText: string; quote: string; changes: number }>('toetssteen/quoteDiff', { uri, reactionId });
      const isNl = vscode.env.language.startsWith('nl');
      if (!r) {
        void vscode.window.showInformationMessage(isNl ? 'Bij deze reactie is geen citaat uit het rapport gevonden.' : 'No quote from the report was found for this reaction.');
        return;
      }
      const left = vscode.Uri.parse(`toetssteen-quote:/${r.item}-${isNl ? 'rapport' : 'report'}.md`);
      const right = vscode.Uri.parse(`toetssteen-quote:/${r.item}-${isNl ? 'reactie' : 'reaction'}.md`);
      quotes.set(left.toString(), r.reportText);
      quotes.set(right.toString(), r.quote);
      changed.fire(left);
      changed.fire(right);
      await vscode.commands.executeCommand('vscode.diff', left, right, isNl ? `${r.item}: rapport ↔ citaat in de reactie (${r.changes} verschil${r.changes === 1 ? '' : 'len'})` : `${r.item}: report ↔ quote in the reaction (${r.changes} difference${r.changes === 1 ? '' : 's'})`);
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('toetssteen.insertSnippet', async (uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, snippet: string) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      if (doc.version !== version) {
        void vscode.window.showWarningMessage(vscode.env.language.startsWith('nl') ? 'Het document is intussen gewijzigd; de snelle oplossing is niet toegepast.' : 'The document changed meanwhile; the quick fix was not applied.');
        return;
      }
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
    }),
    vscode.commands.registerCommand('toetssteen.showOutline', async () => {
      const editor = vscode.window.activeTextEditor;
      const c = client();
      if (!editor || !c) return;
      const o = await c.sendRequest<Record<string, unknown> | null>('toetssteen/outline', { uri: editor.document.uri.toString() });
      if (!o) return;
      const nl = vscode.env.language.startsWith('nl');
      const groups: Array<[string, string, string]> = [
        ['questions', 'Onderzoeksvragen', 'Research questions'],
        ['norms', 'Normen', 'Norms'],
        ['findings', 'Bevindingen', 'Findings'],
        ['conclusions', 'Conclusies', 'Conclusions'],
        ['recommendations', 'Aanbevelingen', 'Recommendations'],
        ['reactions', 'Reacties', 'Reactions'],
        ['goals', 'Doelen', 'Goals'],
      ];
      const picks: Array<vscode.QuickPickItem & { line?: number }> = [];
      for (const [key, n, e] of groups) {
        const list = (o[key] as OutlineItem[] | undefined) ?? [];
        if (!list.length) continue;
        picks.push({ label: nl ? n : e, kind: vscode.QuickPickItemKind.Separator });
        for (const it of list) picks.push({ label: it.id, description: (it.text ?? (it as unknown as { title: string }).title ?? '').slice(0, 120), line: it.range.start.line });
      }
      const chosen = await vscode.window.showQuickPick(picks, { placeHolder: nl ? 'Ga naar een onderdeel van het rapport' : 'Go to a part of the report', matchOnDescription: true });
      if (chosen?.line !== undefined) {
        const pos = new vscode.Position(chosen.line, 0);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
      }
    }),
  );
}
