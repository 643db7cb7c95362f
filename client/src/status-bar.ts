// The status-bar item of a resolution draft: "PP 7 · OP 9 · [ ] 0" — preambular paragraphs,
// operative paragraphs, open brackets — from the server's resolint/documentStats, refreshed as the
// draft changes (debounced). A click opens the outline (Go to Symbol in Editor).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const documentStatsRequest = 'resolint/documentStats';

interface DocumentStatistics {
  readonly preambular: number;
  readonly operative: number;
  readonly openBrackets: number;
}

/** Quiet time after the last keystroke before asking again. */
const refreshDebounceMs = 300;

export class ResolutionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('resolint.documentStats', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every request, so an answer that arrives after a newer request is dropped. */
  private requestSerial = 0;

  constructor(private readonly currentClient: () => LanguageClient | undefined) {
    this.item.name = vscode.l10n.t('Resolution paragraphs');
    this.item.command = 'workbench.action.gotoSymbol';
    this.item.tooltip = vscode.l10n.t('Preambular paragraphs · operative paragraphs · open brackets. Click for the outline.');
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
      }),
    );
  }

  refreshSoon(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, refreshDebounceMs);
  }

  async refresh(): Promise<void> {
    const serial = ++this.requestSerial;
    const document = vscode.window.activeTextEditor?.document;
    const client = this.currentClient();
    if (!document || document.languageId !== 'resolution' || !client?.isRunning()) {
      this.item.hide();
      return;
    }
    try {
      const statistics = await client.sendRequest<DocumentStatistics | null>(documentStatsRequest, { textDocument: { uri: document.uri.toString() } });
      if (serial !== this.requestSerial) return;
      if (!statistics) {
        this.item.hide();
        return;
      }
      this.item.text = `PP ${statistics.preambular} · OP ${statistics.operative} · [ ] ${statistics.openBrackets}`;
      this.item.show();
    } catch {
      // The server is restarting or gone: the item comes back with the next answer.
      if (serial === this.requestSerial) this.item.hide();
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
