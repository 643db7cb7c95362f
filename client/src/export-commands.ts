// "Resolution: Export to Word…" and "Resolution: Export to Akoma Ntoso…": ask where to save, let
// the server build the file from its analysis of the draft as it is in the editor
// (`resolint/export`: base64 for the Word package, text for the XML), write it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

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
  readonly filters: Record<string, string[]>;
}

const exportKinds: readonly ExportKind[] = [
  { command: 'resolint.exportWord', format: 'docx', name: 'Word', extension: '.docx', filters: { 'Word document': ['docx'] } },
  { command: 'resolint.exportAkomaNtoso', format: 'akn', name: 'Akoma Ntoso', extension: '.xml', filters: { 'Akoma Ntoso XML': ['xml', 'akn'] } },
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
    void vscode.window.showInformationMessage(`Open a resolution draft to export it to ${kind.name}.`);
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The Resolint server is not running: try "Resolution: Restart Server".');
    return;
  }
  const defaultUri = defaultTarget(document, kind.extension);
  const target = await vscode.window.showSaveDialog({
    title: `Export to ${kind.name}`,
    saveLabel: 'Export',
    filters: kind.filters,
    ...(defaultUri ? { defaultUri } : {}),
  });
  if (!target) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting to ${kind.name}…` },
    () => client.sendRequest<ExportResult | null>(exportRequest, { textDocument: { uri: document.uri.toString() }, format: kind.format }),
  );
  if (!result || typeof result.data !== 'string') {
    void vscode.window.showWarningMessage(`Resolint could not export this draft to ${kind.name}; see the "Resolint" output.`);
    return;
  }
  const bytes = result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : Buffer.from(result.data, 'utf8');
  await vscode.workspace.fs.writeFile(target, bytes);
  const open = kind.format === 'akn' ? 'Open' : undefined;
  const choice = await vscode.window.showInformationMessage(`Exported to ${path.basename(target.fsPath)}.`, ...(open ? [open] : []));
  if (choice === open && open) await vscode.window.showTextDocument(target, { preview: false });
}

/** Registers the export commands; `currentClient` gives the client of the moment (a restart makes a new one). */
export function registerExportCommands(currentClient: () => LanguageClient | undefined): vscode.Disposable[] {
  return exportKinds.map((kind) =>
    vscode.commands.registerCommand(kind.command, () =>
      exportDraft(kind, currentClient()).catch((error: unknown) => {
        void vscode.window.showErrorMessage(`Resolint: ${error instanceof Error ? error.message : String(error)}`);
      }),
    ),
  );
}
