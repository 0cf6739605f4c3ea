/**
 * Views on the document model: the outline quick pick. The traceability tree
 * and graph and the quote diff register here as their areas land.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface OutlineItem {
  id: string;
  text: string;
  range: { start: { line: number; character: number } };
}

export function registerViews(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
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
