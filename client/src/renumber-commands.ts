// "Resolution: Renumber Operative Paragraphs", "Renumber Footnotes", "Finalize Numbering" and
// "Convert to Draft Format": the server computes the edit for the active draft and asks VS Code to
// apply it (workspace/applyEdit).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type WorkspaceEdit } from 'vscode-languageclient/node';
import { commandFailed, serverNotRunning } from './messages';

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

/** A command and its messages, each a whole sentence (a verb put into a shared sentence cannot be translated). */
interface Renumbering {
  readonly command: string;
  readonly serverCommand: string;
  readonly inOrder: () => string;
  readonly noDraft: () => string;
  readonly notResolution: () => string;
  readonly failed: () => string;
}

/** The messages both renumbering commands give. */
const renumberingMessages = {
  noDraft: () => vscode.l10n.t('Open a resolution draft to renumber it.'),
  notResolution: () => vscode.l10n.t('Resolint works on resolution drafts: set the language mode of this file to "Resolution" to renumber it.'),
  failed: () => vscode.l10n.t('Resolint could not renumber this draft; see the "Resolint" output.'),
};

const renumberings: readonly Renumbering[] = [
  {
    command: 'resolint.renumberOperativeParagraphs',
    serverCommand: serverCommands.renumberOperativeParagraphs,
    inOrder: () => vscode.l10n.t('The operative paragraphs are already numbered 1, 2, 3 …'),
    ...renumberingMessages,
  },
  {
    command: 'resolint.renumberFootnotes',
    serverCommand: serverCommands.renumberFootnotes,
    inOrder: () => vscode.l10n.t('The footnotes are already numbered in the order of their first reference.'),
    ...renumberingMessages,
  },
  {
    command: 'resolint.finalizeNumbering',
    serverCommand: serverCommands.finalizeNumbering,
    inOrder: () => vscode.l10n.t('The paragraphs already carry final numbers.'),
    noDraft: () => vscode.l10n.t('Open a resolution draft to finalize its numbering.'),
    notResolution: () => vscode.l10n.t('Resolint works on resolution drafts: set the language mode of this file to "Resolution" to finalize its numbering.'),
    failed: () => vscode.l10n.t('Resolint could not finalize the numbering of this draft; see the "Resolint" output.'),
  },
  {
    command: 'resolint.convertToDraftFormat',
    serverCommand: serverCommands.convertToDraftFormat,
    inOrder: () => vscode.l10n.t('The draft is already in the draft format.'),
    noDraft: () => vscode.l10n.t('Open a resolution draft to convert it.'),
    notResolution: () => vscode.l10n.t('Resolint works on resolution drafts: set the language mode of this file to "Resolution" to convert it.'),
    failed: () => vscode.l10n.t('Resolint could not convert this draft; see the "Resolint" output.'),
  },
];

async function renumber(renumbering: Renumbering, client: LanguageClient | undefined): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'resolution') {
    void vscode.window.showInformationMessage(document ? renumbering.notResolution() : renumbering.noDraft());
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage(serverNotRunning());
    return;
  }
  const result = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: renumbering.serverCommand,
    arguments: [{ uri: document.uri.toString(), version: document.version }],
  })) as RenumberResult | null;
  if (!result) {
    void vscode.window.showWarningMessage(renumbering.failed());
  } else if (result.changed === 0 && result.applied) {
    vscode.window.setStatusBarMessage(renumbering.inOrder(), 4000);
  } else if (!result.applied && result.edit) {
    await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
  } else if (!result.applied) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The draft changed meanwhile: try again.'));
  }
}

/** Registers the palette commands; `currentClient` gives the client of the moment (a restart makes a new one). */
export function registerRenumberCommands(currentClient: () => LanguageClient | undefined): vscode.Disposable[] {
  return renumberings.map((renumbering) =>
    vscode.commands.registerCommand(renumbering.command, () =>
      renumber(renumbering, currentClient()).catch((error: unknown) => {
        void vscode.window.showErrorMessage(commandFailed(error));
      }),
    ),
  );
}
