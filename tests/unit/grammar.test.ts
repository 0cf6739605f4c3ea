/**
 * The TextMate grammar injected into Markdown, run by the real engine
 * (vscode-textmate + Oniguruma, as in VS Code) on its own.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { Registry, INITIAL, parseRawGrammar, type IGrammar } from 'vscode-textmate';

let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'toetssteen.injection' ? parseRawGrammar(readFileSync(resolve(__dirname, '../../syntaxes/toetssteen.injection.tmLanguage.json'), 'utf8'), 'x.json') : null),
  });
  grammar = (await registry.loadGrammar('toetssteen.injection'))!;
});

function scopesOf(line: string, piece: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  const at = line.indexOf(piece);
  const tok = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return tok.scopes;
}

describe('syntaxes/toetssteen.injection.tmLanguage.json', () => {
  it('marks citation keys in brackets and in text, not e-mail addresses', () => {
    const line = 'Zo blijkt [zie @gemeente2022, p. 4; @cbs2023] en @jansen2021 stelt; mail info@lindeveen.nl.';
    expect(scopesOf(line, 'gemeente2022')).toContain('entity.name.tag.citation-key.toetssteen');
    expect(scopesOf(line, 'cbs2023')).toContain('entity.name.tag.citation-key.toetssteen');
    expect(scopesOf(line, 'jansen2021')).toContain('entity.name.tag.citation-key.toetssteen');
    expect(scopesOf(line, 'lindeveen.nl')).not.toContain('entity.name.tag.citation-key.toetssteen');
  });
  it('marks ids, references, scores and the scale', () => {
    expect(scopesOf('### Conclusie 3 {#C3}', 'C3}')).toContain('entity.name.label.item-id.toetssteen');
    expect(scopesOf('Dit volgt uit conclusie 3 en norm 2.1.', '2.1')).toContain('constant.numeric.item-number.toetssteen');
    expect(scopesOf('**Oordeel:** +-', '+-')).toContain('constant.language.score.toetssteen');
    expect(scopesOf('De doelen zijn SMART  ++ | + | +- | - | --', '| +-')).toContain('constant.language.score-scale.toetssteen');
    expect(scopesOf('<!-- toetssteen-disable-next-line claim/unsupported -->', 'claim')).toContain('comment.directive.toetssteen');
  });
});
