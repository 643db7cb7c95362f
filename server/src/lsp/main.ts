// Entry point of `resolint-language-server`: createConnection reads --stdio, --node-ipc or --socket=N itself.
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { MessageFilter } from './message-filter';
import { startServer } from './server';

/** Where the frames MessageFilter drops are told, once the connection exists to tell it. */
let logRejected = (reason: string): void => void rejectedBeforeConnection.push(reason);
const rejectedBeforeConnection: string[] = [];

function connect(): Connection | undefined {
  try {
    if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
    // Over stdio the client's bytes pass through MessageFilter first, so a frame that is not
    // JSON-RPC is logged instead of dropped in silence (test/lsp-hostile.test.ts). Handing the
    // streams over ourselves, we also keep console output off stdout, as --stdio would.
    const connection = createConnection(ProposedFeatures.all, process.stdin.pipe(new MessageFilter((reason) => logRejected(reason))), process.stdout);
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      console[method] = (...args: unknown[]): void => connection.console[method === 'debug' ? 'log' : method](format(...args));
    }
    return connection;
  } catch (error) {
    process.stderr.write(`resolint-language-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write('Usage: resolint-language-server --stdio | --node-ipc | --socket=PORT\n');
    return undefined;
  }
}

const connection = connect();
if (connection) {
  logRejected = (reason) => connection.console.warn(`Rejected from the client: ${reason}`);
  for (const reason of rejectedBeforeConnection.splice(0)) logRejected(reason);
  // Last line of defence: a bug must be logged, never take the editor's server down.
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));
  startServer(connection);
} else {
  process.exitCode = 2;
}
