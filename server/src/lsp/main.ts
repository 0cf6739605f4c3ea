/**
 * The language server's entry: stdio (`--stdio`, other editors), Node IPC
 * (`--node-ipc`, VS Code) or sockets, as vscode-languageserver decides from
 * the command line. Nothing else may write to stdout.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ToetssteenServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// Route stray console output to the client's log, never to stdout (the protocol channel).
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.info = console.log;
console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));

new ToetssteenServer(connection).start();
