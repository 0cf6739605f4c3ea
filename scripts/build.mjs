// Bundles what ships: the CLI (and, as they land, the language server and the extension client).
import { build } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);

// The analysis core as a library (CLI-free), for the benchmark and for tools.
await build({ ...common, entryPoints: ['server/src/core/index.ts'], outfile: 'dist/core.js' });

// The language server (stdio for other editors, IPC inside VS Code) and the extension client.
await build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' });
await build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
