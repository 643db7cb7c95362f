// The VS Code face of Resolint: starts the bundled language server for `resolution` documents,
// and adds the renumbering and converting commands, the preview, the exports, the import and the status-bar
// counts, which ask that server.
// All analysis happens in the server; these files only wire VS Code to it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExportCommands } from './export-commands';
import { registerImportCommand } from './import-command';
import { registerPreview } from './preview';
import { registerRenumberCommands } from './renumber-commands';
import { ResolutionStatusBar } from './status-bar';

/** What the client needs from activation, created once and reused by every restart. */
interface ClientSetup {
  readonly serverModule: string;
  readonly outputChannel: vscode.LogOutputChannel;
  readonly settingsFileWatcher: vscode.FileSystemWatcher;
}

// VS Code awaits the promise deactivate() returns, but not the disposal of context.subscriptions:
// the running client is kept here so that deactivate can shut the server down cleanly.
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const setup: ClientSetup = {
    serverModule: context.asAbsolutePath(path.join('dist', 'server.js')),
    outputChannel: vscode.window.createOutputChannel('Resolint', { log: true }),
    settingsFileWatcher: vscode.workspace.createFileSystemWatcher('**/.resolintrc.json'),
  };
  const statusBar = new ResolutionStatusBar(() => client);
  const previews = registerPreview(() => client);
  context.subscriptions.push(
    setup.outputChannel,
    setup.settingsFileWatcher,
    statusBar,
    previews,
    vscode.commands.registerCommand('resolint.restartServer', async () => {
      await stopServer();
      await startServer(setup);
      await statusBar.refresh();
      previews.refreshAll();
    }),
    ...registerRenumberCommands(() => client),
    ...registerExportCommands(() => client),
    registerImportCommand(() => client),
  );
  await startServer(setup);
  await statusBar.refresh();
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

async function startServer(setup: ClientSetup): Promise<void> {
  const serverOptions: ServerOptions = {
    run: { module: setup.serverModule, transport: TransportKind.ipc },
    debug: { module: setup.serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'resolution' },
      { scheme: 'untitled', language: 'resolution' },
    ],
    synchronize: { configurationSection: 'resolint', fileEvents: setup.settingsFileWatcher },
    outputChannel: setup.outputChannel,
  };
  // The id "resolint" makes the client read its trace level from `resolint.trace.server`.
  client = new LanguageClient('resolint', 'Resolint', serverOptions, clientOptions);
  // A failed start is already reported by the client (a notification and the output channel);
  // activation still succeeds so that "Restart Server" stays available. A failed client cannot
  // be started again, which is why a restart builds a new one.
  await client.start().catch(() => undefined);
}

async function stopServer(): Promise<void> {
  const stopping = client;
  client = undefined;
  // dispose() rejects when the server never came up: there is nothing left to stop then.
  await stopping?.dispose().catch(() => undefined);
}
