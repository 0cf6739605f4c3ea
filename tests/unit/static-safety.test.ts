/**
 * What the code may not do, read from its syntax trees (the TypeScript
 * compiler API, so comments and strings never count): in server/src and
 * client/src there is no `eval`, no `Function` constructor, no code in a
 * timer string, no process, VM or worker module; `require` and `import()`
 * take only literal module names (code from the workspace is never loaded);
 * no network module or network global is used; and files are written only by
 * the modules listed in WRITERS, each with its reason. The detectors are run
 * on small examples first, so a detector that stops finding things fails.
 * The bundles in dist/ may require network modules only from dependencies;
 * tests/robustness/no-network.test.ts proves at runtime that none is used.
 */
import { describe, it, expect } from 'vitest';
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SOURCE_DIRS = ['server/src', 'client/src'];

/** Modules that run code or processes. Nothing here is allowed, so there is no list of exceptions. */
const CODE_MODULES = ['vm', 'child_process', 'worker_threads', 'cluster', 'module', 'inspector', 'repl', 'wasi'];
/** Modules and packages that reach the network. */
const NETWORK_MODULES = ['net', 'http', 'https', 'http2', 'dns', 'tls', 'dgram', 'undici', 'ws', 'node-fetch', 'axios'];
/** Globals that reach the network. */
const NETWORK_GLOBALS = ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'WebTransport'];
const FS_MODULES = ['fs', 'fs/promises'];

/** fs functions that change the file system, by names that belong to fs alone: flagged on any receiver. */
const WRITE_NAMES_DISTINCT = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'renameSync', 'copyFile', 'copyFileSync', 'cpSync',
  'createWriteStream', 'symlink', 'symlinkSync', 'linkSync', 'truncateSync', 'ftruncate', 'ftruncateSync',
  'chmod', 'chmodSync', 'lchmod', 'lchmodSync', 'chown', 'chownSync', 'lchown', 'lchownSync', 'utimes', 'utimesSync', 'lutimes', 'lutimesSync',
  'writeSync', 'writev', 'writevSync',
];
/** fs functions whose names other objects also have (`stream.write`, `feature.rename`): flagged on an fs receiver or a named fs import. */
const WRITE_NAMES_SHARED = ['rm', 'rename', 'cp', 'link', 'truncate', 'write'];
const OPEN_NAMES = ['open', 'openSync', 'openAsBlob'];

/**
 * The modules allowed to write files, with the reason. A stale entry (a
 * module that no longer writes) fails too, so the list stays exact.
 */
const WRITERS: Record<string, string> = {
  'server/src/workspace/sources/cache.ts':
    'the extraction cache: text extracted from PDF/DOCX sources, stored as .toetssteen-cache/<sha256>.json at the project root (write to a temporary file, then rename)',
  'client/src/extension.ts':
    'the command "Open the example project": copies the bundled examples into the extension\'s global storage (mkdir + cp), only when the user runs it',
};

interface Finding {
  file: string;
  line: number;
  kind: 'code' | 'dynamic-load' | 'network' | 'write';
  what: string;
}

const normalizeModule = (m: string): string => m.replace(/^node:/, '');
const moduleRoot = (m: string): string => {
  const n = normalizeModule(m);
  return n.startsWith('@') ? n.split('/').slice(0, 2).join('/') : n.split('/')[0];
};
const isLiteral = (n: ts.Node | undefined): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

/** An identifier used as a value (not a property name, a declared member name, a label or a type). */
function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return true;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === id) return false;
  if (ts.isQualifiedName(p) || ts.isTypeReferenceNode(p) || ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isImportEqualsDeclaration(p) || ts.isBindingElement(p)) return false;
  if (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p)) return p.name !== id;
  return true;
}

/** `globalThis.x`, `globalThis['x']`, `window.x` … → 'x'. */
function globalMember(n: ts.Node): string | null {
  if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && GLOBAL_OBJECTS.has(n.expression.text)) return n.name.text;
  if (ts.isElementAccessExpression(n) && ts.isIdentifier(n.expression) && GLOBAL_OBJECTS.has(n.expression.text) && isLiteral(n.argumentExpression)) return n.argumentExpression.text;
  return null;
}

/** A write flag for `open`: anything but a literal read-only flag counts (a computed flag could write). */
function opensForWriting(flags: ts.Expression | undefined): boolean {
  if (!flags) return false;
  if (isLiteral(flags)) return /[wa+]/.test(flags.text);
  if (ts.isNumericLiteral(flags)) return Number(flags.text) !== 0;
  if (ts.isPropertyAccessExpression(flags) && flags.name.text === 'O_RDONLY') return false;
  return true;
}

/** Scans one module's syntax tree; the examples below run it on strings. */
function scan(file: string, text: string): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: Finding[] = [];
  const add = (node: ts.Node, kind: Finding['kind'], what: string): void => {
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, kind, what });
  };
  /** Local names bound to the fs module or fs.promises (`import * as fs`, `import fs`, `import { promises as fsp }`, `const fs = require('fs')`). */
  const fsNamespaces = new Set<string>();
  /** Local name → fs function, for named imports (`import { writeFileSync as w } from 'node:fs'`). */
  const fsNamed = new Map<string, string>();

  const checkModule = (node: ts.Node, spec: string): void => {
    const root = moduleRoot(spec);
    if (CODE_MODULES.includes(root)) add(node, 'code', `imports ${spec}`);
    if (NETWORK_MODULES.includes(root)) add(node, 'network', `imports ${spec}`);
  };
  const isFsReceiver = (e: ts.Expression): boolean => {
    if (ts.isIdentifier(e)) return fsNamespaces.has(e.text);
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'promises') return isFsReceiver(e.expression);
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require' && isLiteral(e.arguments[0])) return FS_MODULES.includes(normalizeModule(e.arguments[0].text));
    if (ts.isParenthesizedExpression(e)) return isFsReceiver(e.expression);
    if (ts.isAwaitExpression(e)) return isFsReceiver(e.expression);
    if (ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.ImportKeyword && isLiteral(e.arguments[0])) return FS_MODULES.includes(normalizeModule(e.arguments[0].text));
    return false;
  };
  const bindFs = (spec: string, clause: ts.ImportClause | undefined): void => {
    if (!FS_MODULES.includes(normalizeModule(spec)) || !clause || clause.isTypeOnly) return;
    if (clause.name) fsNamespaces.add(clause.name.text);
    const b = clause.namedBindings;
    if (b && ts.isNamespaceImport(b)) fsNamespaces.add(b.name.text);
    if (b && ts.isNamedImports(b)) {
      for (const el of b.elements) {
        if (el.isTypeOnly) continue;
        const original = (el.propertyName ?? el.name).text;
        if (original === 'promises' || original === 'default') fsNamespaces.add(el.name.text);
        else fsNamed.set(el.name.text, original);
      }
    }
  };

  // First pass: fs bindings, so the second knows the receivers wherever they are used.
  const bind = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && isLiteral(node.moduleSpecifier)) bindFs(node.moduleSpecifier.text, node.importClause);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && isLiteral(node.moduleReference.expression) && FS_MODULES.includes(normalizeModule(node.moduleReference.expression.text))) fsNamespaces.add(node.name.text);
    if (ts.isVariableDeclaration(node) && node.initializer && isFsReceiver(node.initializer)) {
      if (ts.isIdentifier(node.name)) fsNamespaces.add(node.name.text);
      else if (ts.isObjectBindingPattern(node.name)) {
        for (const el of node.name.elements) {
          if (!ts.isIdentifier(el.name)) continue;
          const original = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
          if (original === 'promises') fsNamespaces.add(el.name.text);
          else fsNamed.set(el.name.text, original);
        }
      }
    }
    ts.forEachChild(node, bind);
  };
  bind(sf);

  const writeName = (name: string, fsReceiver: boolean): boolean => WRITE_NAMES_DISTINCT.includes(name) || (fsReceiver && WRITE_NAMES_SHARED.includes(name));

  const visit = (node: ts.Node): void => {
    // Static imports and re-exports (type-only ones load nothing).
    if (ts.isImportDeclaration(node) && isLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly) checkModule(node, node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && isLiteral(node.moduleSpecifier) && !node.isTypeOnly) checkModule(node, node.moduleSpecifier.text);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && isLiteral(node.moduleReference.expression)) checkModule(node, node.moduleReference.expression.text);

    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const args = node.arguments ?? ts.factory.createNodeArray();
      // require(…) and import(…): literal names only.
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isModuleRequire = ts.isPropertyAccessExpression(callee) && callee.name.text === 'require' && ts.isIdentifier(callee.expression) && callee.expression.text === 'module';
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      if (isRequire || isModuleRequire || isImport) {
        const arg = args[0];
        if (isLiteral(arg)) checkModule(node, arg.text);
        else add(node, 'dynamic-load', `${isImport ? 'import' : 'require'}(${arg ? arg.getText(sf) : ''})`);
      }
      if (ts.isIdentifier(callee) && callee.text === 'createRequire') add(node, 'dynamic-load', 'createRequire()');
      // The Function constructor, called or new-ed, directly or through the global object.
      if ((ts.isIdentifier(callee) && callee.text === 'Function') || globalMember(callee) === 'Function') add(node, 'code', `${ts.isNewExpression(node) ? 'new ' : ''}Function(…)`);
      // Code in a timer string.
      const timer = ts.isIdentifier(callee) ? callee.text : globalMember(callee);
      if ((timer === 'setTimeout' || timer === 'setInterval' || timer === 'setImmediate') && args[0] && (isLiteral(args[0]) || ts.isTemplateExpression(args[0]) || (ts.isBinaryExpression(args[0]) && args[0].operatorToken.kind === ts.SyntaxKind.PlusToken))) add(node, 'code', `${timer} with a string`);
      // Writes: fs.x(…), fs.promises.x(…), a named import called, require('fs').x(…).
      if (ts.isPropertyAccessExpression(callee)) {
        const name = callee.name.text;
        const fsRecv = isFsReceiver(callee.expression);
        if (writeName(name, fsRecv)) add(node, 'write', `${callee.getText(sf)}(…)`);
        if (fsRecv && OPEN_NAMES.includes(name) && opensForWriting(args[1])) add(node, 'write', `${callee.getText(sf)}(…, ${args[1].getText(sf)})`);
      }
      if (ts.isIdentifier(callee) && fsNamed.has(callee.text)) {
        const original = fsNamed.get(callee.text)!;
        if (OPEN_NAMES.includes(original) && opensForWriting(args[1])) add(node, 'write', `${original}(…, ${args[1].getText(sf)})`);
      }
    }

    if (ts.isIdentifier(node) && isValueReference(node)) {
      if (node.text === 'eval') add(node, 'code', 'eval');
      if (NETWORK_GLOBALS.includes(node.text)) add(node, 'network', node.text);
      // A write function imported or destructured from fs, called or passed on (`promisify(writeFile)`).
      const original = fsNamed.get(node.text);
      if (original && writeName(original, true)) add(node, 'write', original === node.text ? original : `${node.text} (${original})`);
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const g = globalMember(node);
      if (g === 'eval') add(node, 'code', `global ${g}`);
      if (g && NETWORK_GLOBALS.includes(g)) add(node, 'network', `global ${g}`);
      // fs['writeFileSync'] and the like.
      if (ts.isElementAccessExpression(node) && isLiteral(node.argumentExpression) && writeName(node.argumentExpression.text, isFsReceiver(node.expression))) add(node, 'write', node.getText(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name)) files.push(relative(ROOT, p).split('\\').join('/'));
    }
  };
  for (const d of SOURCE_DIRS) walk(join(ROOT, d));
  return files.sort();
}

const FILES = sourceFiles();
const FINDINGS = FILES.flatMap((f) => scan(f, readFileSync(join(ROOT, f), 'utf8')));
const show = (fs: Finding[]): string[] => fs.map((f) => `${f.file}:${f.line} ${f.kind}: ${f.what}`);
const kinds = (text: string): string[] => scan('example.ts', text).map((f) => `${f.kind}: ${f.what}`);

describe('the detectors find what they look for (and not in comments or strings)', () => {
  it('code execution', () => {
    expect(kinds(`eval('1+1');`)).toEqual(['code: eval']);
    expect(kinds(`const e = eval; e('1');`)).toEqual(['code: eval']);
    expect(kinds(`globalThis.eval('1');`)).toEqual(['code: global eval']);
    expect(kinds(`globalThis['eval']('1');`)).toEqual(['code: global eval']);
    expect(kinds(`new Function('a', 'return a');`)).toEqual(['code: new Function(…)']);
    expect(kinds(`Function('return 1')();`)).toEqual(['code: Function(…)']);
    expect(kinds(`setTimeout('alert(1)', 10);`)).toEqual(['code: setTimeout with a string']);
    expect(kinds(`setInterval('f(' + x + ')', 10);`)).toEqual(['code: setInterval with a string']);
    expect(kinds(`import * as vm from 'node:vm';`)).toEqual(['code: imports node:vm']);
    expect(kinds(`import { spawn } from 'child_process';`)).toEqual(['code: imports child_process']);
    expect(kinds(`const w = require('worker_threads');`)).toEqual(['code: imports worker_threads']);
    expect(kinds(`export { Worker } from 'node:worker_threads';`)).toEqual(['code: imports node:worker_threads']);
    expect(kinds(`const cp = await import('node:child_process');`)).toEqual(['code: imports node:child_process']);
    // Not code execution: names in comments, strings, properties and types.
    expect(kinds(`// eval('x'); new Function('x'); require('child_process')\nconst s = "eval(x) new Function() import('vm')";\nconst o = { eval: 1, Function: 2 }; o.eval; class A { eval() {} }\nsetTimeout(() => 1, 5);`)).toEqual([]);
    expect(kinds(`import type { Context } from 'node:vm';`)).toEqual([]);
  });

  it('loading code by a computed name', () => {
    expect(kinds(`const m = require(name);`)).toEqual(['dynamic-load: require(name)']);
    expect(kinds('const m = await import(`./${x}`);')).toEqual(['dynamic-load: import(`./${x}`)']);
    expect(kinds(`module.require(p);`)).toEqual(['dynamic-load: require(p)']);
    expect(kinds(`import { createRequire } from 'node:module'; createRequire(__filename)('x');`)).toEqual(['code: imports node:module', 'dynamic-load: createRequire()']);
    expect(kinds(`const u = await import('unpdf'); const y = require('yaml'); const t = await import(\`mammoth\`);`)).toEqual([]);
  });

  it('the network', () => {
    expect(kinds(`import * as http from 'node:http';`)).toEqual(['network: imports node:http']);
    expect(kinds(`import { lookup } from 'dns/promises';`)).toEqual(['network: imports dns/promises']);
    expect(kinds(`const n = require('net');`)).toEqual(['network: imports net']);
    expect(kinds(`await fetch('https://example.org');`)).toEqual(['network: fetch']);
    expect(kinds(`await globalThis.fetch('https://example.org');`)).toEqual(['network: global fetch']);
    expect(kinds(`new WebSocket('wss://x');`)).toEqual(['network: WebSocket']);
    expect(kinds(`new XMLHttpRequest();`)).toEqual(['network: XMLHttpRequest']);
    expect(kinds(`// fetch('x'); require('https')\nconst s = 'fetch(url)'; const o = { fetch: 1 }; o.fetch; api.fetch();`)).toEqual([]);
  });

  it('file writes', () => {
    expect(kinds(`import { writeFileSync } from 'node:fs'; writeFileSync('a', 'b');`)).toEqual(['write: writeFileSync']);
    expect(kinds(`import * as fs from 'fs'; fs.mkdirSync('d'); fs.rmSync('d'); fs.rm('d', () => 0);`)).toEqual(['write: fs.mkdirSync(…)', 'write: fs.rmSync(…)', 'write: fs.rm(…)']);
    expect(kinds(`import fs from 'node:fs'; await fs.promises.rename('a', 'b'); await fs.promises.cp('a', 'b');`)).toEqual(['write: fs.promises.rename(…)', 'write: fs.promises.cp(…)']);
    expect(kinds(`import { promises as fsp } from 'fs'; await fsp.unlink('a');`)).toEqual(['write: fsp.unlink(…)']);
    expect(kinds(`import { rename as mv } from 'fs/promises'; await mv('a', 'b');`)).toEqual(['write: mv (rename)']);
    expect(kinds(`import { mkdir } from 'fs'; import { promisify } from 'util'; const m = promisify(mkdir);`)).toEqual(['write: mkdir']);
    expect(kinds(`const fs = require('fs'); fs.createWriteStream('x');`)).toEqual(['write: fs.createWriteStream(…)']);
    expect(kinds(`require('node:fs').appendFileSync('x', 'y');`)).toEqual(["write: require('node:fs').appendFileSync(…)"]);
    expect(kinds(`const { writeFile } = await import('node:fs/promises'); await writeFile('x', 'y');`)).toEqual(['write: writeFile']);
    expect(kinds(`const { promises: p } = require('fs'); await p.rm('x');`)).toEqual(['write: p.rm(…)']);
    expect(kinds(`const fsp = await import('node:fs/promises'); await fsp.writeFile('x', 'y');`)).toEqual(['write: fsp.writeFile(…)']);
    expect(kinds(`import * as fs from 'fs'; fs['copyFileSync']('a', 'b');`)).toEqual(["write: fs['copyFileSync']"]);
    expect(kinds(`import * as fs from 'fs'; fs.openSync('a', 'w'); fs.openSync('b', 'r'); fs.openSync('c'); fs.openSync('d', flags);`)).toEqual(["write: fs.openSync(…, 'w')", 'write: fs.openSync(…, flags)']);
    expect(kinds(`import { open } from 'node:fs/promises'; await open('a', 'a+'); await open('b');`)).toEqual(["write: open(…, 'a+')"]);
    // Reads, and write-like names on other objects, are not writes.
    expect(kinds(`import { readFileSync, statSync, existsSync } from 'node:fs'; readFileSync('a'); process.stdout.write('x'); stream.write('y'); doc.rename(); edit.rm;\n// fs.writeFileSync('x')\nconst s = 'fs.mkdirSync(d)';`)).toEqual([]);
  });
});

describe('server/src and client/src', () => {
  it('are read', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(FILES).toContain('server/src/lsp/server.ts');
    expect(FILES).toContain('client/src/extension.ts');
    expect(FILES).toContain('client/src/restart.ts');
  });

  it('run no code of their own making: no eval, no Function constructor, no vm, child_process or worker_threads', () => {
    expect(show(FINDINGS.filter((f) => f.kind === 'code'))).toEqual([]);
  });

  it('load modules by literal names only (never code from the workspace)', () => {
    expect(show(FINDINGS.filter((f) => f.kind === 'dynamic-load'))).toEqual([]);
  });

  it('import no network module and use no network global', () => {
    expect(show(FINDINGS.filter((f) => f.kind === 'network'))).toEqual([]);
  });

  it('write files only in the modules allowed to, each for its reason', () => {
    const writes = FINDINGS.filter((f) => f.kind === 'write');
    expect(show(writes.filter((f) => !(f.file in WRITERS)))).toEqual([]);
    // Each allowed module still writes (else its entry goes) and has its reason.
    for (const [file, reason] of Object.entries(WRITERS)) {
      expect(FILES, file).toContain(file);
      expect(writes.some((w) => w.file === file), `${file} no longer writes: remove it from WRITERS`).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('the language server writes only the extraction cache', () => {
    const serverWriters = [...new Set(FINDINGS.filter((f) => f.kind === 'write' && f.file.startsWith('server/')).map((f) => f.file))];
    expect(serverWriters).toEqual(['server/src/workspace/sources/cache.ts']);
  });
});

/**
 * In the bundles, every `require` of a network or process module comes from a
 * dependency (the bundler marks each module's code with a `// path` line).
 * Found today: in dist/server.js `net` from vscode-jsonrpc (its pipe and
 * socket transports) and `child_process` from vscode-languageserver (module
 * resolution helpers); in dist/extension.js the client's, which starts the
 * server. dist/cli.js requires none.
 */
describe('the bundles in dist/', () => {
  const BUNDLES = ['dist/server.js', 'dist/cli.js', 'dist/extension.js'];
  const WATCHED = [...NETWORK_MODULES, ...CODE_MODULES];
  const requires = (file: string): Array<{ module: string; from: string }> => {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const out: Array<{ module: string; from: string }> = [];
    let from = '(bundle preamble)';
    const re = /\brequire\("((?:node:)?[a-z_0-9/]+)"\)/g;
    for (const line of lines) {
      const m = /^\/\/ ((?:node_modules|server|client)\/\S+)$/.exec(line);
      if (m) from = m[1];
      for (const r of line.matchAll(re)) if (WATCHED.includes(moduleRoot(r[1]))) out.push({ module: normalizeModule(r[1]), from });
    }
    return out;
  };

  for (const bundle of BUNDLES) {
    it(`${bundle}: network and process modules are required by dependencies only`, () => {
      expect(existsSync(join(ROOT, bundle)), `${bundle} missing: run npm run build`).toBe(true);
      const found = requires(bundle);
      expect(found.filter((r) => !r.from.startsWith('node_modules/')), JSON.stringify(found)).toEqual([]);
      if (bundle === 'dist/cli.js') expect(found).toEqual([]);
      // The scan sees requires: the client starts the server as a process.
      if (bundle === 'dist/extension.js') expect(found.map((r) => r.module)).toContain('child_process');
    });
  }
});
