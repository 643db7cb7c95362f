// What the extension itself says in VS Code's display language (vscode.l10n: the English text is the
// key, l10n/bundle.l10n.<language>.json holds the translations); the findings, fix titles and hovers
// come from the server, in the draft's language. Messages several commands share live here.
import * as vscode from 'vscode';

/** A command cannot reach the server; names the restart command by its category and title in each language. */
export function serverNotRunning(): string {
  return vscode.l10n.t('The Resolint server is not running: try "Resolution: Restart Server".');
}

/** A command's own failure (not the draft's): the error as thrown. */
export function commandFailed(error: unknown): string {
  return vscode.l10n.t('Resolint: {0}', error instanceof Error ? error.message : String(error));
}
