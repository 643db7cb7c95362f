// "Resolution: Renumber Operative Paragraphs", "Renumber Footnotes", "Finalize Numbering" and
// "Convert to Draft Format": the server computes the edit for the active draft and asks VS Code to
// apply it (workspace/applyEdit).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type WorkspaceEdit } from 'vscode-languageclient/node';

/** The server's commands (see server/src/lsp/feature-handlers.ts); argument: `{ uri, version }`. */
const serverCommands = {
  renumberOperativeParagraphs: 'resolint.server.renumberOperativeParagraphs',
  renumberFootnotes: 'resolint.server.renumberFootnotes',
  finalizeNumbering: 'resolint.server.finalizeNumbering',
  convertToDraftFormat: 'resolint.server.convertToDraftFormat',
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
  /** What the command does, for its messages: "renumber", "convert". */
  readonly verb: string;
}

const renumberings: readonly Renumbering[] = [
  { command: 'resolint.renumberOperativeParagraphs', serverCommand: serverCommands.renumberOperativeParagraphs, verb: 'renumber', inOrder: 'The operative paragraphs are already numbered 1, 2, 3 …' },
  { command: 'resolint.renumberFootnotes', serverCommand: serverCommands.renumberFootnotes, verb: 'renumber', inOrder: 'The footnotes are already numbered in the order of their first reference.' },
  { command: 'resolint.finalizeNumbering', serverCommand: serverCommands.finalizeNumbering, verb: 'finalize the numbering of', inOrder: 'The paragraphs already carry final numbers.' },
  { command: 'resolint.convertToDraftFormat', serverCommand: serverCommands.convertToDraftFormat, verb: 'convert', inOrder: 'The draft is already in the draft format.' },
];

async function renumber(renumbering: Renumbering, client: LanguageClient | undefined): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'resolution') {
    void vscode.window.showInformationMessage(
      document ? `Resolint works on resolution drafts: set the language mode of this file to "Resolution" to ${renumbering.verb} it.` : `Open a resolution draft to ${renumbering.verb} it.`,
    );
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
    void vscode.window.showWarningMessage(`Resolint could not ${renumbering.verb} this draft; see the "Resolint" output.`);
  } else if (result.changed === 0 && result.applied) {
    vscode.window.setStatusBarMessage(renumbering.inOrder, 4000);
  } else if (!result.applied && result.edit) {
    await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
  } else if (!result.applied) {
    void vscode.window.showWarningMessage('The draft changed meanwhile: try again.');
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
