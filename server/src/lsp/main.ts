// Entry point of `resolint-language-server`: createConnection reads --stdio, --node-ipc or --socket=N itself.
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { startServer } from './server';

function connect(): Connection | undefined {
  try {
    return createConnection(ProposedFeatures.all);
  } catch (error) {
    process.stderr.write(`resolint-language-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write('Usage: resolint-language-server --stdio | --node-ipc | --socket=PORT\n');
    return undefined;
  }
}

const connection = connect();
if (connection) {
  // Last line of defence: a bug must be logged, never take the editor's server down.
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));
  startServer(connection);
} else {
  process.exitCode = 2;
}
