// "Resolution: Import Draft from Word or PDF Text…": pick a Word document (.docx) or a text copied
// out of a PDF, let the server read it into the draft format (`resolint/import`), and open the result
// as a new, unsaved resolution draft beside the file, which stays as it was.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandFailed, serverNotRunning } from './messages';

const importRequest = 'resolint/import';

/** What the server answers (server/src/lsp/output-handlers.ts). */
type ImportResult = { readonly text: string } | { readonly reason: string };

async function importDraft(client: LanguageClient | undefined): Promise<void> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage(serverNotRunning());
    return;
  }
  const [source] = (await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import a draft'),
    openLabel: vscode.l10n.t('Import'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('Word document, OpenDocument text or text')]: ['docx', 'odt', 'txt', 'resolution', 'md'], [vscode.l10n.t('All files')]: ['*'] },
  })) ?? [];
  if (!source) return;
  const bytes = await vscode.workspace.fs.readFile(source);
  const name = source.path.replace(/^.*\//u, '');
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) },
    () => client.sendRequest<ImportResult | null>(importRequest, { data: Buffer.from(bytes).toString('base64') }),
  );
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Resolint could not import {0}; see the "Resolint" output.', name));
    return;
  }
  if ('reason' in result) {
    void vscode.window.showWarningMessage(`${name}: ${result.reason}`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'resolution', content: result.text });
  await vscode.window.showTextDocument(document, { preview: false });
}

/** Registers the import command; `currentClient` gives the client of the moment (a restart makes a new one). */
export function registerImportCommand(currentClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('resolint.importDraft', () =>
    importDraft(currentClient()).catch((error: unknown) => {
      void vscode.window.showErrorMessage(commandFailed(error));
    }),
  );
}
