// "Resolution: Export to Word…" and "Resolution: Export to Akoma Ntoso…": ask where to save, let
// the server build the file from its analysis of the draft as it is in the editor
// (`resolint/export`: base64 for the Word package, text for the XML), write it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandFailed, serverNotRunning } from './messages';

const exportRequest = 'resolint/export';

/** What the server answers (server/src/lsp/output-handlers.ts). */
interface ExportResult {
  readonly version: number;
  readonly format: string;
  readonly encoding: 'base64' | 'utf8';
  readonly data: string;
}

interface ExportKind {
  readonly command: string;
  readonly format: 'docx' | 'akn';
  readonly name: string;
  readonly extension: string;
  /** The save dialog's filter: its name (in VS Code's language, asked when shown) and extensions. */
  readonly filter: { readonly name: () => string; readonly extensions: string[] };
}

const exportKinds: readonly ExportKind[] = [
  { command: 'resolint.exportWord', format: 'docx', name: 'Word', extension: '.docx', filter: { name: () => vscode.l10n.t('Word document'), extensions: ['docx'] } },
  { command: 'resolint.exportAkomaNtoso', format: 'akn', name: 'Akoma Ntoso', extension: '.xml', filter: { name: () => vscode.l10n.t('Akoma Ntoso XML'), extensions: ['xml', 'akn'] } },
];

/** Beside the draft, named after it: "draft.resolution" → "draft.docx"; an untitled draft goes to the first workspace folder. */
function defaultTarget(document: vscode.TextDocument, extension: string): vscode.Uri | undefined {
  const base = path.basename(document.fileName).replace(/(\.res)?\.(resolution|txt|md)$/iu, '').replace(/\.res$/iu, '') || 'resolution';
  if (document.uri.scheme !== 'untitled') return vscode.Uri.joinPath(document.uri, '..', `${base}${extension}`);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, `${base}${extension}`) : undefined;
}

async function exportDraft(kind: ExportKind, client: LanguageClient | undefined): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'resolution') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a resolution draft to export it to {0}.', kind.name));
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage(serverNotRunning());
    return;
  }
  const defaultUri = defaultTarget(document, kind.extension);
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export to {0}', kind.name),
    saveLabel: vscode.l10n.t('Export'),
    filters: { [kind.filter.name()]: kind.filter.extensions },
    ...(defaultUri ? { defaultUri } : {}),
  });
  if (!target) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting to {0}…', kind.name) },
    () => client.sendRequest<ExportResult | null>(exportRequest, { textDocument: { uri: document.uri.toString() }, format: kind.format }),
  );
  if (!result || typeof result.data !== 'string') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Resolint could not export this draft to {0}; see the "Resolint" output.', kind.name));
    return;
  }
  const bytes = result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : Buffer.from(result.data, 'utf8');
  await vscode.workspace.fs.writeFile(target, bytes);
  const open = kind.format === 'akn' ? vscode.l10n.t('Open') : undefined;
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', path.basename(target.fsPath)), ...(open ? [open] : []));
  if (choice === open && open) await vscode.window.showTextDocument(target, { preview: false });
}

/** Registers the export commands; `currentClient` gives the client of the moment (a restart makes a new one). */
export function registerExportCommands(currentClient: () => LanguageClient | undefined): vscode.Disposable[] {
  return exportKinds.map((kind) =>
    vscode.commands.registerCommand(kind.command, () =>
      exportDraft(kind, currentClient()).catch((error: unknown) => {
        void vscode.window.showErrorMessage(commandFailed(error));
      }),
    ),
  );
}
