/**
 * The webview page of the traceability graph: strict CSP, nothing remote,
 * every node drawn, the script carries the nonce.
 */
import { describe, it, expect } from 'vitest';
import type { TraceGraph } from '../../server/src/core/trace/graph';
import { traceCheck } from '../../server/src/core/trace/checks';
import { analyze } from '../../server/src/core/analyze';
import { exampleProject } from './helpers';
import { seed } from '../helpers/seeds';

// The client is no part of the tests' TypeScript project (the extension gets its own), so it is loaded by path.
type Render = (graph: TraceGraph, opts: { nonce: string; cspSource: string; locale: 'nl' | 'en' }) => string;
const CLIENT_MODULE: string = '../../client/src/trace/graphHtml';
const { renderTraceGraphHtml } = (await import(CLIENT_MODULE)) as { renderTraceGraphHtml: Render };

const ex = exampleProject();
const { ctx } = traceCheck(ex.doc('rapport.md'), ex.project);
const graph = ctx.graph;
const CSP_SOURCE = 'https://*.vscode-cdn.net';
const html = renderTraceGraphHtml(graph, { nonce: 'n0Nce42', cspSource: CSP_SOURCE, locale: 'nl' });

describe('renderTraceGraphHtml', () => {
  it('declares a strict Content-Security-Policy', () => {
    const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(m).not.toBeNull();
    const csp = m![1].replace(/&#39;/g, "'");
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'nonce-n0Nce42'"]);
    expect(directives['style-src']).toEqual(["'nonce-n0Nce42'", CSP_SOURCE]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn)/);
    // The policy stands before any style or script.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style'));
  });

  it('loads and links nothing remote: no http(s) URL outside the CSP source', () => {
    const body = html.split(CSP_SOURCE).join('');
    expect(body).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\s(?:src|href)=/i);
    expect(html).not.toMatch(/@import|url\((?!#)/);
  });

  it('gives every script and style element the nonce, and has no inline handlers or style attributes', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain('nonce="n0Nce42"');
    for (const s of html.match(/<style\b[^>]*>/g) ?? []) expect(s).toContain('nonce="n0Nce42"');
    expect(html).not.toMatch(/\son[a-z]+="/i);
    expect(html).not.toMatch(/\sstyle="/i);
  });

  it('draws every node once, with its kind, and marks the open ones', () => {
    for (const n of graph.nodes) {
      const count = html.split(`class="node kind-${n.kind}${n.issues.length ? ' open' : ''}" data-id="${n.id}"`).length - 1;
      expect(count, n.id).toBe(1);
    }
    for (const id of ['Q6', 'N1.3', 'A6', 'A7', 'C2', 'C7', 'R6']) expect(html).toContain(`open" data-id="${id}"`);
    expect(html).toContain('Open punten (7)</h2>');
  });

  it('draws every edge, styled by how it was made', () => {
    const drawn = html.match(/<g class="edge via-(explicit|numbering|similarity) kind-/g) ?? [];
    expect(drawn).toHaveLength(graph.edges.length);
  });

  it('posts {type: "open", uri, range} on a click, through acquireVsCodeApi', () => {
    expect(html).toContain('acquireVsCodeApi()');
    expect(html).toContain("vscode.postMessage({ type: 'open', uri: t.uri, range: t.range })");
    const data = /const targets = (\{.*?\});\n/.exec(html)![1];
    const targets = JSON.parse(data);
    expect(targets['N1.3'].uri).toBe(ex.doc('normenkader.md').uri);
    expect(targets.C7.range).toEqual(graph.nodes.find((n) => n.id === 'C7')!.range);
  });

  it('escapes the document text and speaks English when asked', () => {
    const g = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'Q1' ? { ...n, text: '<script>alert(1)</script> & zie https://example.org' } : n)) };
    const out = renderTraceGraphHtml(g, { nonce: 'x', cspSource: 'vscode-resource:', locale: 'en' });
    expect(out).not.toContain('<script>alert(1)</script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; zie');
    expect(out).not.toMatch(/https?:\/\//);
    expect(out).toContain('Open points (7)</h2>');
    expect(out).toContain('<html lang="en">');
  });

  it('lays out a large real report (seed 001) without overlapping nodes', () => {
    const m = analyze(seed('001'), { uri: '001.txt' });
    const out = renderTraceGraphHtml(traceCheck(m).ctx.graph, { nonce: 'x', cspSource: 'vscode-resource:', locale: 'en' });
    const boxes = [...out.matchAll(/<rect class="box" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((b) => b.slice(1).map(Number));
    expect(boxes.length).toBe(13 + 12 + 4 + 14);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [x1, y1, w1, h1] = boxes[i];
        const [x2, y2, w2, h2] = boxes[j];
        expect(x1 + w1 <= x2 || x2 + w2 <= x1 || y1 + h1 <= y2 || y2 + h2 <= y1).toBe(true);
      }
  });
});
