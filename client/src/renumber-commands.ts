// "Resolution: Renumber Operative Paragraphs" and "Resolution: Renumber Footnotes": the server
// computes the edit for the active draft and asks VS Code to apply it (workspace/applyEdit).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type WorkspaceEdit } from 'vscode-languageclient/node';

/** The server's commands (see server/src/lsp/feature-handlers.ts); argument: `{ uri, version }`. */
const serverCommands = {
  renumberOperativeParagraphs: 'resolint.server.renumberOperativeParagraphs',
  renumberFootnotes: 'resolint.server.renumberFootnotes',
} as const;

/** What the server answers: how many numbers changed, whether the edit was applied, the edit if it could not ask. */
interface RenumberResult {
  readonly changed: number;
  readonly applied: boolean;
  readonly edit?: WorkspaceEdit;
}

interface Renumbering {
  readonly command: string;
  readonly serverCommand: string;
  readonly inOrder: string;
}

const renumberings: readonly Renumbering[] = [
  { command: 'resolint.renumberOperativeParagraphs', serverCommand: serverCommands.renumberOperativeParagraphs, inOrder: 'The operative paragraphs are already numbered 1, 2, 3 …' },
  { command: 'resolint.renumberFootnotes', serverCommand: serverCommands.renumberFootnotes, inOrder: 'The footnotes are already numbered in the order of their first reference.' },
];

async function renumber(renumbering: Renumbering, client: LanguageClient | undefined): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'resolution') {
    void vscode.window.showInformationMessage('Open a resolution draft to renumber it.');
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The Resolint server is not running: try "Resolution: Restart Server".');
    return;
  }
  const result = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: renumbering.serverCommand,
    arguments: [{ uri: document.uri.toString(), version: document.version }],
  })) as RenumberResult | null;
  if (!result) {
    void vscode.window.showWarningMessage('Resolint could not renumber this draft; see the "Resolint" output.');
  } else if (result.changed === 0 && result.applied) {
    vscode.window.setStatusBarMessage(renumbering.inOrder, 4000);
  } else if (!result.applied && result.edit) {
    await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
  } else if (!result.applied) {
    void vscode.window.showWarningMessage('The draft changed while it was being renumbered: try again.');
  }
}

/** Registers the palette commands; `currentClient` gives the client of the moment (a restart makes a new one). */
export function registerRenumberCommands(currentClient: () => LanguageClient | undefined): vscode.Disposable[] {
  return renumberings.map((renumbering) =>
    vscode.commands.registerCommand(renumbering.command, () =>
      renumber(renumbering, currentClient()).catch((error: unknown) => {
        void vscode.window.showErrorMessage(`Resolint: ${error instanceof Error ? error.message : String(error)}`);
      }),
    ),
  );
}
