/**
 * The traceability graph as a self-contained webview page.
 *
 * `renderTraceGraphHtml(graph, { nonce, cspSource, locale })` returns one
 * HTML document: an SVG drawing laid out here (no layout library, no
 * remote content), a legend, and a list of the open points. The page has a
 * strict Content-Security-Policy: nothing loads from anywhere; the one
 * style block and the one script carry the nonce.
 *
 * Layout: two bands of columns, read left to right along the chain.
 *   top:    research questions → conclusions → recommendations
 *   bottom: norms → assessments → findings
 * Conclusions rest on findings (diagonal edges into the bottom band).
 * Nodes keep the document's order within a column.
 *
 * Colour says the kind of item; a red outline and a "!" say that something
 * is open (unanswered question, unassessed norm, missing score …). Edges
 * say how a link was made: written in the text (solid), by number
 * (dashed), inferred from the wording (dotted, fainter the weaker, with
 * the similarity).
 *
 * Clicking a node (or Enter / Space on it) posts
 * `{ type: 'open', uri, range }` to the extension through
 * `acquireVsCodeApi().postMessage`; `range` is the node's span of UTF-16
 * offsets in that document (`{ start, end }`), `uri` the document.
 * Hovering a node highlights its links.
 */
import type { TraceGraph, TraceNode } from '../../../server/src/core/trace/graph';

export interface GraphHtmlOptions {
  nonce: string;
  /** The webview's `cspSource`. */
  cspSource: string;
  locale: 'nl' | 'en';
}

type Kind = TraceNode['kind'];

const KIND: Record<Kind, { color: string; tint: string; nl: string; en: string }> = {
  question: { color: '#1e63c4', tint: '#e3eefc', nl: 'Onderzoeksvragen', en: 'Research questions' },
  conclusion: { color: '#1f7a3a', tint: '#e2f4e7', nl: 'Conclusies', en: 'Conclusions' },
  recommendation: { color: '#7b2fa8', tint: '#f1e6f8', nl: 'Aanbevelingen', en: 'Recommendations' },
  norm: { color: '#c25a00', tint: '#fdeedf', nl: 'Normen', en: 'Norms' },
  assessment: { color: '#9a7400', tint: '#fbf3d6', nl: 'Oordelen', en: 'Assessments' },
  finding: { color: '#4a5d6b', tint: '#e8edf1', nl: 'Bevindingen', en: 'Findings' },
};

const SCORE_COLOR: Record<string, string> = { '++': '#1b7f3b', '+': '#5c9e2e', '+-': '#b58a00', '-': '#d0641b', '--': '#c62828' };

const ISSUE: Record<string, { nl: string; en: string }> = {
  unanswered: { nl: 'door geen conclusie beantwoord', en: 'answered by no conclusion' },
  unassessed: { nl: 'door geen oordeel getoetst', en: 'assessed by no assessment' },
  'missing-score': { nl: 'geen leesbare score', en: 'no readable score' },
  'no-evidence': { nl: 'geen bron en geen verwijzing naar bevindingen', en: 'no source and no reference to findings' },
  'no-findings': { nl: 'rust op geen bevinding', en: 'rests on no finding' },
  'new-fact': { nl: 'noemt een feit dat niet in de bevindingen staat', en: 'states a fact the findings do not have' },
  'no-conclusion': { nl: 'volgt uit geen conclusie', en: 'follows from no conclusion' },
};

/** Column and band of each kind. */
const PLACE: Record<Kind, { col: number; band: 0 | 1 }> = {
  question: { col: 0, band: 0 },
  conclusion: { col: 1, band: 0 },
  recommendation: { col: 2, band: 0 },
  norm: { col: 0, band: 1 },
  assessment: { col: 1, band: 1 },
  finding: { col: 2, band: 1 },
};

const NODE_W = 236;
const NODE_H = 48;
const GAP_Y = 14;
const COL_W = 340;
const PAD_X = 24;
const BAND_HEAD = 34;
const BAND_GAP = 40;

interface Box {
  node: TraceNode;
  x: number;
  y: number;
}

export function renderTraceGraphHtml(graph: TraceGraph, opts: GraphHtmlOptions): string {
  const lang = opts.locale;
  const t = (nl: string, en: string): string => (lang === 'nl' ? nl : en);
  const nonce = attr(opts.nonce);

  // ---- layout
  const boxes = new Map<string, Box>();
  const bandRows = [0, 0];
  const columns: Array<Array<TraceNode>> = [[], [], [], [], [], []];
  for (const n of graph.nodes) columns[PLACE[n.kind].band * 3 + PLACE[n.kind].col].push(n);
  for (let band = 0; band < 2; band++) for (let col = 0; col < 3; col++) bandRows[band] = Math.max(bandRows[band], columns[band * 3 + col].length);
  const bandTop = [BAND_HEAD, BAND_HEAD + Math.max(1, bandRows[0]) * (NODE_H + GAP_Y) + BAND_GAP + BAND_HEAD];
  for (let band = 0; band < 2; band++) {
    for (let col = 0; col < 3; col++) {
      columns[band * 3 + col].forEach((n, i) => boxes.set(n.id, { node: n, x: PAD_X + col * COL_W, y: bandTop[band] + i * (NODE_H + GAP_Y) }));
    }
  }
  const width = PAD_X * 2 + 2 * COL_W + NODE_W;
  const bandBottom = (bx: Box): number => {
    const band = PLACE[bx.node.kind].band;
    return bandTop[band] + Math.max(1, bandRows[band]) * (NODE_H + GAP_Y) - GAP_Y / 2;
  };
  const height = bandTop[1] + Math.max(1, bandRows[1]) * (NODE_H + GAP_Y) + 20;

  // ---- edges
  const edgeSvg: string[] = [];
  graph.edges.forEach((e, i) => {
    // Drawn along the chain: what the link points at comes first (question → conclusion).
    const a = boxes.get(e.to);
    const b = boxes.get(e.from);
    if (!a || !b) return;
    const [x1, y1, x2, y2, c1x, c1y, c2x, c2y] = anchor(a, b, bandBottom(a));
    const cls = `edge via-${e.via} kind-${e.kind}`;
    const opacity = e.via === 'similarity' ? (0.35 + 0.65 * Math.max(0, Math.min(1, e.strength))).toFixed(2) : '1';
    const title = `${e.to} → ${e.from}: ${e.why[lang]}`;
    edgeSvg.push(
      `<g class="${cls}" data-from="${attr(e.from)}" data-to="${attr(e.to)}" opacity="${opacity}"><title>${text(title)}</title>` +
        `<path id="e${i}" d="M${r(x1)},${r(y1)} C${r(c1x)},${r(c1y)} ${r(c2x)},${r(c2y)} ${r(x2)},${r(y2)}" marker-end="url(#arrow)"/>` +
        (e.via === 'similarity' ? `<text class="edge-label" x="${r((x1 + x2) / 2)}" y="${r((y1 + y2) / 2 - 4)}">${text(num(e.strength, lang))}</text>` : e.via === 'numbering' ? `<text class="edge-label" x="${r((x1 + x2) / 2)}" y="${r((y1 + y2) / 2 - 4)}">${t('nr', 'no.')}</text>` : '') +
        `</g>`,
    );
  });

  // ---- nodes
  const nodeSvg: string[] = [];
  for (const { node: n, x, y } of boxes.values()) {
    const k = KIND[n.kind];
    const open = n.issues.length > 0;
    const head = n.kind === 'finding' ? n.label : n.id;
    const issues = n.issues.map((i) => ISSUE[i]?.[lang] ?? i);
    const tip = `${head} — ${n.text}${issues.length ? `\n\n⚠ ${issues.join('; ')}` : ''}`;
    const score = n.kind === 'assessment' ? scoreBadge(n, x, y, lang) : '';
    nodeSvg.push(
      `<g class="node kind-${n.kind}${open ? ' open' : ''}" data-id="${attr(n.id)}" tabindex="0" role="button" aria-label="${attr(`${head}: ${n.text}${issues.length ? ` (${issues.join('; ')})` : ''}`)}">` +
        `<title>${text(tip)}</title>` +
        `<rect class="box" x="${x}" y="${y}" width="${NODE_W}" height="${NODE_H}" rx="9" fill="${k.tint}" stroke="${open ? '#c62828' : k.color}"/>` +
        `<rect x="${x}" y="${y}" width="6" height="${NODE_H}" rx="3" fill="${k.color}"/>` +
        `<text class="id" x="${x + 14}" y="${y + 19}" fill="${k.color}">${text(head)}</text>` +
        `<text class="txt" x="${x + 14}" y="${y + 37}">${text(clip(n.text, score ? 30 : 36))}</text>` +
        score +
        (open ? `<circle cx="${x + NODE_W - 2}" cy="${y + 2}" r="9" fill="#c62828"/><text class="bang" x="${x + NODE_W - 2}" y="${y + 6}">!</text>` : '') +
        `</g>`,
    );
  }

  // ---- band titles
  const heads: string[] = [];
  for (let band = 0; band < 2; band++) {
    for (let col = 0; col < 3; col++) {
      const kind = (Object.keys(PLACE) as Kind[]).find((kk) => PLACE[kk].band === band && PLACE[kk].col === col)!;
      const count = columns[band * 3 + col].length;
      heads.push(`<text class="col-head" x="${PAD_X + col * COL_W}" y="${bandTop[band] - 12}" fill="${KIND[kind].color}">${text(KIND[kind][lang])} (${count})</text>`);
    }
  }
  const divider = `<line class="divider" x1="${PAD_X}" y1="${bandTop[1] - BAND_HEAD - BAND_GAP / 2}" x2="${width - PAD_X}" y2="${bandTop[1] - BAND_HEAD - BAND_GAP / 2}"/>`;

  // ---- open points
  const openNodes = graph.nodes.filter((n) => n.issues.length);
  const openList = openNodes.length
    ? `<ol class="open-list">${openNodes
        .map((n) => `<li><button type="button" class="goto" data-id="${attr(n.id)}"><span class="chip" data-kind="${n.kind}">${text(n.kind === 'finding' ? n.label : n.id)}</span> ${text(n.issues.map((i) => ISSUE[i]?.[lang] ?? i).join('; '))}</button></li>`)
        .join('')}</ol>`
    : `<p class="all-good">${text(t('Geen open punten in de keten.', 'No open points in the chain.'))}</p>`;

  const counts = (Object.keys(KIND) as Kind[]).map((kk) => `${graph.nodes.filter((n) => n.kind === kk).length} ${KIND[kk][lang].toLowerCase()}`).join(' · ');
  const targets: Record<string, { uri: string | null; range: { start: number; end: number } }> = {};
  for (const n of graph.nodes) targets[n.id] = { uri: n.uri, range: { start: n.range.start, end: n.range.end } };

  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}' ${opts.cspSource}`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(t('Traceerbaarheid', 'Traceability'))}</title>
<style nonce="${nonce}">
:root { color-scheme: light dark; }
body { margin: 0; padding: 16px 20px 32px; font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 13px;
  color: var(--vscode-editor-foreground, #1d232a); background: var(--vscode-editor-background, #fbfbfc); }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 24px; margin-bottom: 10px; }
h1 { font-size: 17px; font-weight: 600; margin: 0; }
.counts { opacity: .75; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; margin: 6px 0 14px; font-size: 12px; }
.sw[data-kind="question"] { background: ${KIND.question.color}; } .sw[data-kind="conclusion"] { background: ${KIND.conclusion.color}; }
.sw[data-kind="recommendation"] { background: ${KIND.recommendation.color}; } .sw[data-kind="norm"] { background: ${KIND.norm.color}; }
.sw[data-kind="assessment"] { background: ${KIND.assessment.color}; } .sw[data-kind="finding"] { background: ${KIND.finding.color}; }
.legend .sw { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -2px; margin-right: 5px; }
.legend svg { vertical-align: middle; margin-right: 5px; }
.layout { display: flex; gap: 24px; align-items: flex-start; }
.canvas { flex: 1 1 auto; overflow: auto; border: 1px solid var(--vscode-panel-border, #d6dbe0); border-radius: 10px; background: var(--vscode-editorWidget-background, #ffffff); }
aside { flex: 0 0 300px; position: sticky; top: 12px; }
aside h2 { font-size: 14px; margin: 0 0 8px; }
.open-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
.goto { all: unset; cursor: pointer; display: block; padding: 6px 8px; border-radius: 7px; border: 1px solid #c6282855; background: #c628280d; line-height: 1.35; }
.goto:hover, .goto:focus-visible { background: #c628281f; outline: 2px solid #c62828; }
.chip { display: inline-block; font-weight: 600; padding: 0 6px; border-radius: 5px; color: #fff; background: #4a5d6b; margin-right: 4px; }
.chip[data-kind="question"] { background: ${KIND.question.color}; } .chip[data-kind="conclusion"] { background: ${KIND.conclusion.color}; }
.chip[data-kind="recommendation"] { background: ${KIND.recommendation.color}; } .chip[data-kind="norm"] { background: ${KIND.norm.color}; }
.chip[data-kind="assessment"] { background: ${KIND.assessment.color}; } .chip[data-kind="finding"] { background: ${KIND.finding.color}; }
.all-good { color: #1f7a3a; }
svg.graph { display: block; }
.col-head { font-weight: 600; font-size: 13px; letter-spacing: .02em; }
.divider { stroke: var(--vscode-panel-border, #d6dbe0); stroke-dasharray: 2 6; }
.node { cursor: pointer; }
.node .box { stroke-width: 1.5; transition: stroke-width .12s; }
.node.open .box { stroke-width: 3; }
.node:hover .box, .node:focus .box, .node.hl .box { stroke-width: 3.2; }
.node:focus { outline: none; }
.node .id { font-weight: 700; font-size: 12.5px; }
.node .txt { font-size: 11.5px; fill: #2b333b; }
.node .bang { font-weight: 800; font-size: 12px; fill: #fff; text-anchor: middle; }
.node .score { font-weight: 700; font-size: 11.5px; fill: #fff; text-anchor: middle; }
.edge path { fill: none; stroke: #69737d; stroke-width: 1.6; }
.edge.via-numbering path { stroke-dasharray: 7 4; }
.edge.via-similarity path { stroke-dasharray: 1.5 4; stroke-linecap: round; stroke-width: 2; }
.edge .edge-label { font-size: 10.5px; font-weight: 600; fill: #1d232a; text-anchor: middle; display: none; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
.edge.hl .edge-label { display: inline; }
.dim .node:not(.hl) { opacity: .28; }
.dim .edge:not(.hl) { opacity: .08; }
.edge.kind-answers path { stroke: ${KIND.question.color}; } .edge.kind-follows path { stroke: ${KIND.recommendation.color}; }
.edge.kind-assesses path { stroke: ${KIND.norm.color}; } .edge.kind-rests-on path, .edge.kind-evidence path { stroke: ${KIND.finding.color}; stroke-opacity: .55; }
.edge.hl path { stroke: #1d232a; stroke-opacity: 1; stroke-width: 2.4; }
@media (prefers-color-scheme: dark) { .node .txt { fill: #2b333b; } .edge.hl path { stroke: #f0f0f0; } }
</style>
</head>
<body>
<header>
  <h1>${text(t('Traceerbaarheid van het rapport', 'Traceability of the report'))}</h1>
  <span class="counts">${text(counts)}</span>
</header>
<div class="legend" aria-label="${attr(t('Legenda', 'Legend'))}">
  ${(Object.keys(KIND) as Kind[]).map((kk) => `<span><span class="sw" data-kind="${kk}"></span>${text(KIND[kk][lang])}</span>`).join('\n  ')}
  <span><svg width="34" height="10" aria-hidden="true"><line x1="0" y1="5" x2="34" y2="5" stroke="#69737d" stroke-width="1.6"/></svg>${text(t('verwijzing in de tekst', 'reference in the text'))}</span>
  <span><svg width="34" height="10" aria-hidden="true"><line x1="0" y1="5" x2="34" y2="5" stroke="#69737d" stroke-width="1.6" stroke-dasharray="7 4"/></svg>${text(t('zelfde nummer', 'same number'))}</span>
  <span><svg width="34" height="10" aria-hidden="true"><line x1="0" y1="5" x2="34" y2="5" stroke="#69737d" stroke-width="2" stroke-dasharray="1.5 4" stroke-linecap="round"/></svg>${text(t('afgeleid uit de tekst (gelijkenis)', 'inferred from the wording (similarity)'))}</span>
  <span><svg width="16" height="14" aria-hidden="true"><rect x="1" y="1" width="14" height="12" rx="3" fill="none" stroke="#c62828" stroke-width="3"/></svg>${text(t('open punt', 'open point'))}</span>
</div>
<div class="layout">
<div class="canvas">
<svg class="graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${attr(t('Graaf van de keten', 'Graph of the chain'))}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#69737d"/></marker></defs>
${heads.join('\n')}
${divider}
<g class="edges">
${edgeSvg.join('\n')}
</g>
<g class="nodes">
${nodeSvg.join('\n')}
</g>
</svg>
</div>
<aside>
<h2>${text(t('Open punten', 'Open points'))} (${openNodes.length})</h2>
${openList}
</aside>
</div>
<script nonce="${nonce}">
(function () {
  const targets = ${json(targets)};
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: function () {} };
  const svg = document.querySelector('svg.graph');
  const open = function (id) {
    const t = targets[id];
    if (t) vscode.postMessage({ type: 'open', uri: t.uri, range: t.range });
  };
  document.querySelectorAll('.node').forEach(function (el) {
    const id = el.getAttribute('data-id');
    el.addEventListener('click', function () { open(id); });
    el.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(id); }
    });
    const on = function () {
      svg.classList.add('dim');
      el.classList.add('hl');
      document.querySelectorAll('.edge').forEach(function (e) {
        const a = e.getAttribute('data-from'), b = e.getAttribute('data-to');
        if (a === id || b === id) {
          e.classList.add('hl');
          const other = document.querySelector('.node[data-id="' + CSS.escape(a === id ? b : a) + '"]');
          if (other) other.classList.add('hl');
        }
      });
    };
    const off = function () {
      svg.classList.remove('dim');
      document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
    };
    el.addEventListener('mouseenter', on);
    el.addEventListener('mouseleave', off);
    el.addEventListener('focus', on);
    el.addEventListener('blur', off);
  });
  document.querySelectorAll('.goto').forEach(function (el) {
    el.addEventListener('click', function () { open(el.getAttribute('data-id')); });
  });
})();
</script>
</body>
</html>
`;
}

/**
 * Anchor points and bezier controls from `a` (earlier in the chain) to `b`.
 * A link that skips a column in its band (a question answered directly by a
 * recommendation) runs through the gutter under the band, not across the
 * nodes of the column between.
 */
function anchor(a: Box, b: Box, gutter: number): number[] {
  const ay = a.y + NODE_H / 2;
  const by = b.y + NODE_H / 2;
  if (b.x - a.x > COL_W * 1.5 && PLACE[a.node.kind].band === PLACE[b.node.kind].band) {
    const x1 = a.x + NODE_W;
    const x2 = b.x - 2;
    return [x1, ay, x2, by, x1 + COL_W * 0.9, gutter + 60, x2 - COL_W * 0.9, gutter + 60];
  }
  if (b.x > a.x) {
    const x1 = a.x + NODE_W;
    const x2 = b.x - 2;
    const dx = (x2 - x1) / 2;
    return [x1, ay, x2, by, x1 + dx, ay, x2 - dx, by];
  }
  if (b.x < a.x) {
    const x1 = a.x;
    const x2 = b.x + NODE_W + 2;
    const dx = (x1 - x2) / 2;
    return [x1, ay, x2, by, x1 - dx, ay, x2 + dx, by];
  }
  // Same column (a conclusion resting on an assessment): around the right side.
  const x = a.x + NODE_W;
  const bulge = 46 + Math.min(60, Math.abs(by - ay) / 8);
  return [x, ay, x + 2, by, x + bulge, ay, x + bulge, by];
}

function scoreBadge(n: TraceNode, x: number, y: number, lang: 'nl' | 'en'): string {
  const s = n.score ?? null;
  const label = s ?? (n.scoreState === 'scale-without-choice' ? (lang === 'nl' ? 'schaal' : 'scale') : '?');
  const fill = s ? SCORE_COLOR[s] ?? '#69737d' : '#8a939b';
  const w = s ? 28 : 44;
  const bx = x + NODE_W - w - 10;
  return `<rect x="${bx}" y="${y + 25}" width="${w}" height="17" rx="8.5" fill="${fill}"/><text class="score" x="${bx + w / 2}" y="${y + 37.5}">${text(label)}</text>`;
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1).trimEnd() + '…' : t;
}

function num(x: number, lang: 'nl' | 'en'): string {
  const s = x.toFixed(2);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

function r(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * Text for the page: escaped, and URL schemes broken with a zero-width
 * space so that no text of the document reads as a remote address (the
 * page shows text, it never links out).
 */
function text(s: string): string {
  return escapeHtml(s).replace(/\b(https?|ftp|wss?):\/\//gi, '$1:\u200b//');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function attr(s: string): string {
  return text(s);
}

/** JSON safe inside a script element. */
function json(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/\b(https?|ftp|wss?):\/\//gi, '$1:\\u002f/');
}

