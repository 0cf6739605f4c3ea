/** The project file and settings: severities, rules off, a broken file reported on itself while analysis goes on; locale. */
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSession, codes } from './harness';

describe('configuration', () => {
  it('applies severities and rules off from .toetssteen.yaml', async () => {
    const s = await startSession();
    try {
      writeFileSync(resolve(s.root, '.toetssteen.yaml'), 'version: 1\nrules:\n  structure/broken-reference: error\n  structure/duplicate-id: off\n');
      await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('.toetssteen.yaml'), type: 2 }] });
      const { uri } = await s.open('rapport.md');
      const p = await s.waitDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'structure/broken-reference' && d.severity === 1));
      expect(codes(p.diagnostics)).not.toContain('structure/duplicate-id');
    } finally {
      await s.close();
    }
  });

  it('reports a broken project file on that file, and analysis goes on with defaults', async () => {
    const s = await startSession();
    try {
      const cfg = s.uri('.toetssteen.yaml');
      await s.open('.toetssteen.yaml', 'version: 1\nsources: [bronnen\nrules: 3\n', 'yaml');
      const bad = await s.waitDiagnostics(cfg, (x) => x.diagnostics.length > 0);
      expect(bad.diagnostics[0].message).toMatch(/geen geldige YAML/);
      const { uri } = await s.open('rapport.md');
      const p = await s.waitDiagnostics(uri);
      expect(codes(p.diagnostics)).toContain('structure/broken-reference');
    } finally {
      await s.close();
    }
  });

  it('speaks English to an English client, and settings can turn a rule off', async () => {
    const s = await startSession({ locale: 'en-US', settings: { rules: { 'structure/duplicate-id': 'off' } } });
    try {
      const { uri } = await s.open('rapport.md');
      const p = await s.waitDiagnostics(uri);
      const d = p.diagnostics.find((x) => x.code === 'structure/broken-reference')!;
      expect(d.message).toMatch(/^Reference to conclusion 9/);
      expect(codes(p.diagnostics)).not.toContain('structure/duplicate-id');
    } finally {
      await s.close();
    }
  });
});
