// Entry point of `resolint-language-server`: --stdio, --node-ipc, --socket=N or --pipe NAME, each
// opened by transport.ts with the same protections against a hostile client.
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { startServer } from './server';
import { openTransport } from './transport';

/** Where what the transport drops or refuses is told, once the connection exists to tell it. */
let log = (line: string): void => void loggedBeforeConnection.push(line);
const loggedBeforeConnection: string[] = [];

function connect(): Connection | undefined {
  try {
    const transport = openTransport(
      process.argv.slice(2),
      (reason) => log(`Rejected from the client: ${reason}`),
      (line) => log(line),
    );
    if (!transport) throw new Error('no transport given');
    // A stream as input with a writer as output: the typings have no such overload, but createConnection
    // takes each as it is, and on a stream's end exits (0 after shutdown, else 1), as with --stdio.
    const connection = createConnection(ProposedFeatures.all, transport.input as MessageReader, transport.output);
    if (transport.stdio) {
      // stdout carries the protocol: console output goes to the client's log, as --stdio would have it.
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        console[method] = (...args: unknown[]): void => connection.console[method === 'debug' ? 'log' : method](format(...args));
      }
    }
    return connection;
  } catch (error) {
    process.stderr.write(`resolint-language-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write('Usage: resolint-language-server --stdio | --node-ipc | --socket=PORT | --pipe NAME\n');
    return undefined;
  }
}

const connection = connect();
if (connection) {
  log = (line) => connection.console.warn(line);
  for (const line of loggedBeforeConnection.splice(0)) log(line);
  // Last line of defence: a bug must be logged, never take the editor's server down.
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));
  startServer(connection);
} else {
  process.exitCode = 2;
}
