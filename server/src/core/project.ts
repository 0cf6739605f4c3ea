/**
 * The project as checks see it: all analysed documents and the links between
 * them (a reaction's `report: rapport.md`, a normenkader next to its report).
 * Pure: the workspace layer (or a test) fills it; checks only read it.
 */
import type { DocumentKind, DocumentModel } from './types';
import type { ProjectConfig } from './config';
import { DEFAULT_CONFIG } from './config';
import type { BibliographyView } from './bibliography/types';
import type { SourceIndexView } from './claims/types';

export interface ProjectView {
  readonly documents: readonly DocumentModel[];
  readonly config: ProjectConfig;
  /** Documents of a kind, in a stable order. */
  ofKind(kind: DocumentKind): DocumentModel[];
  /** The document a relative path from `from` names (front matter `report: rapport.md`), or null. */
  resolve(from: DocumentModel, path: string): DocumentModel | null;
  /**
   * The report a reaction, letter or normenkader belongs to: its front
   * matter `report:`, else the only report of the project.
   */
  reportFor(doc: DocumentModel): DocumentModel | null;
  /** The normenkader documents that belong to a report. */
  frameworksFor(report: DocumentModel): DocumentModel[];
  /** The project's bibliography files, when the workspace loaded them (see workspace/bibliography). */
  readonly bibliography?: BibliographyView;
  /** The source corpus (full-text index over the source folders), when built (see workspace/sources). */
  readonly sources?: SourceIndexView;
}

/** Optional parts of a project view that the workspace loads asynchronously. */
export interface ProjectExtras {
  bibliography?: BibliographyView;
  sources?: SourceIndexView;
}

/** Joins a relative path onto the folder of a uri or path, '/'-separated. */
export function joinPath(fromUri: string, rel: string): string {
  const base = fromUri.replace(/\\/g, '/');
  const dir = base.slice(0, base.lastIndexOf('/') + 1);
  const parts = (dir + rel.replace(/\\/g, '/')).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

function normalizeUri(u: string): string {
  return u.replace(/\\/g, '/').replace(/^file:\/\//, '');
}

export function createProjectView(documents: readonly DocumentModel[], config: ProjectConfig = DEFAULT_CONFIG, extras: ProjectExtras = {}): ProjectView {
  const byPath = new Map<string, DocumentModel>();
  for (const d of documents) if (d.uri) byPath.set(normalizeUri(decodeURIComponent(d.uri)), d);
  const view: ProjectView = {
    documents,
    config,
    ...(extras.bibliography ? { bibliography: extras.bibliography } : {}),
    ...(extras.sources ? { sources: extras.sources } : {}),
    ofKind: (kind) => documents.filter((d) => d.kind === kind),
    resolve(from, path) {
      if (!from.uri) return null;
      return byPath.get(normalizeUri(joinPath(decodeURIComponent(from.uri), path))) ?? null;
    },
    reportFor(doc) {
      const ref = doc.frontMatter?.report ?? doc.frontMatter?.rapport;
      if (typeof ref === 'string') {
        const r = view.resolve(doc, ref);
        if (r) return r;
      }
      const reports = view.ofKind('report').filter((d) => d !== doc);
      return reports.length === 1 ? reports[0] : null;
    },
    frameworksFor(report) {
      return view.ofKind('framework').filter((f) => view.reportFor(f) === report);
    },
  };
  return view;
}
