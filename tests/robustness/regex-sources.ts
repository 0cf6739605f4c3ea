/**
 * Every regular expression in the server's source, read from the TypeScript
 * syntax tree: literals (`/…/g`) with their source and flags, and the places
 * that build one (`new RegExp(…)`, `RegExp(…)`), with the source when it is
 * a plain string and the expression otherwise.
 */
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const SERVER_SRC = resolve(__dirname, '../../server/src');
const ROOT = resolve(__dirname, '../..');

export interface RegexLiteral {
  /** file:line, relative to the repository. */
  where: string;
  file: string;
  line: number;
  source: string;
  flags: string;
}

export interface RegexConstruction {
  where: string;
  file: string;
  line: number;
  /** The pattern when it is a string literal, else null. */
  source: string | null;
  flags: string | null;
  expression: string;
}

export function sourceFiles(dir = SERVER_SRC): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export function collectRegexes(dir = SERVER_SRC): { literals: RegexLiteral[]; constructions: RegexConstruction[] } {
  const literals: RegexLiteral[] = [];
  const constructions: RegexConstruction[] = [];
  for (const path of sourceFiles(dir)) {
    const file = relative(ROOT, path);
    const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = (n as ts.RegularExpressionLiteral).text;
        const slash = text.lastIndexOf('/');
        const line = lineOf(n);
        literals.push({ where: `${file}:${line}`, file, line, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText(sf) === 'RegExp') {
        const [a, f] = n.arguments ?? [];
        const line = lineOf(n);
        constructions.push({
          where: `${file}:${line}`,
          file,
          line,
          source: a && ts.isStringLiteralLike(a) ? a.text : null,
          flags: f && ts.isStringLiteralLike(f) ? f.text : null,
          expression: n.getText(sf).replace(/\s+/g, ' ').slice(0, 160),
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { literals, constructions };
}
