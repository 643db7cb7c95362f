// "Resolution: Open Preview to the Side": the draft in UN print layout in a webview beside the
// editor. The HTML is the server's (`resolint/preview`, from the cached analysis, findings marked);
// this module only places it in a page under a strict content security policy (nothing loaded,
// the server's style sheet by its hash, one script by its nonce), sends new bodies as the text
// changes (debounced), and keeps the preview scrolled with the editor. Themes: VS Code sets the
// body's vscode-light / vscode-dark class and its --vscode-* colours; the style sheet follows them.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandFailed, serverNotRunning } from './messages';

const previewRequest = 'resolint/preview';

/** What the server answers (server/src/lsp/output-handlers.ts). */
interface PreviewResult {
  readonly uri: string;
  readonly version: number;
  /** The draft's language (BCP 47), for the page's lang attribute (hyphenation). */
  readonly language: string;
  readonly body: string;
  readonly styles: string;
  readonly contentSecurityPolicy: string;
}

/** Quiet time after the last keystroke before asking the server again. */
const updateDebounceMs = 100;
/** When the server answered an older version than the editor's (its change was still on the way): ask again, a few times. */
const maximumRetries = 5;

/**
 * The webview's one script: scrolls to the block whose offsets cover the editor's first visible
 * line, swaps in new bodies, and asks the editor to reveal the text of a double-clicked block.
 */
const previewScript = `(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('resolint-preview');
  let lastOffset = 0;
  const blocks = () => Array.from(root.querySelectorAll('[data-start][data-end]')).filter((element) => element.tagName !== 'SUP' && element.tagName !== 'SECTION');
  const range = (element) => [Number(element.dataset.start), Number(element.dataset.end)];
  function blockAt(offset) {
    let containing, before;
    for (const element of blocks()) {
      const [start, end] = range(element);
      if (start <= offset && offset < end && (!containing || start >= range(containing)[0])) containing = element;
      if (start <= offset && (!before || start >= range(before)[0])) before = element;
    }
    return containing || before;
  }
  // The page is set at print size and a little larger; narrower than that, it is scaled to the width.
  // (A custom property set through the CSSOM: the policy allows no style but the server's sheet.)
  const largest = 1.35;
  function fit() {
    const page = root.querySelector('.page');
    if (!page) return;
    const zoom = Number(getComputedStyle(page).getPropertyValue('--zoom')) || largest;
    const natural = page.getBoundingClientRect().width / zoom;
    const available = document.documentElement.clientWidth - 24;
    const fitted = Math.max(0.4, Math.min(largest, available / natural));
    if (Math.abs(fitted - zoom) > 0.005) root.style.setProperty('--zoom', fitted.toFixed(3));
  }
  window.addEventListener('resize', () => { fit(); scrollTo(lastOffset); });
  fit();
  function scrollTo(offset) {
    lastOffset = offset;
    const block = blockAt(offset);
    // At the text's first line, or above the first block: the top of the page, masthead and all.
    if (!block || offset === 0) { window.scrollTo(0, 0); return; }
    const [start, end] = range(block);
    const fraction = end > start ? Math.min(1, Math.max(0, (offset - start) / (end - start))) : 0;
    const box = block.getBoundingClientRect();
    window.scrollTo(0, Math.max(0, window.scrollY + box.top + fraction * box.height - 8));
  }
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.body === 'string') {
      const y = window.scrollY;
      root.innerHTML = message.body;
      fit();
      window.scrollTo(0, y);
    } else if (message.type === 'scroll' && typeof message.offset === 'number') {
      scrollTo(message.offset);
    }
  });
  document.addEventListener('dblclick', (event) => {
    const block = event.target instanceof Element ? event.target.closest('[data-start]') : null;
    if (block) vscode.postMessage({ type: 'reveal', offset: Number(block.getAttribute('data-start')) });
  });
  vscode.postMessage({ type: 'ready' });
})();`;

function escapeAttribute(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');
}

/** The webview's page: the server's policy (which names our nonce), its style sheet verbatim (allowed by hash), its body, our script. */
function previewPage(result: PreviewResult, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(result.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(result.contentSecurityPolicy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${result.styles}</style>
</head>
<body>
<main id="resolint-preview">${result.body}</main>
<script nonce="${nonce}">${previewScript}</script>
</body>
</html>`;
}

/** A page with one line of text, for when there is no preview to show. */
function messagePage(message: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${message.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</p></body></html>`;
}

/** One preview panel, bound to one document for its whole life. */
class ResolutionPreview implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** A fresh nonce per panel: the only script the page may run carries it. */
  private readonly nonce = randomBytes(24).toString('base64');
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every request, so an answer that arrives after a newer request is dropped. */
  private requestSerial = 0;
  /** Whether the page has been set (then updates are posted to its script, keeping its scroll). */
  private pageShown = false;
  private lastResult: PreviewResult | undefined;
  private retries = 0;
  private disposed = false;

  constructor(
    readonly document: vscode.TextDocument,
    private readonly currentClient: () => LanguageClient | undefined,
    onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      'resolint.preview',
      vscode.l10n.t('Preview {0}', path.basename(document.fileName)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [] },
    );
    this.subscriptions.push(
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      // Hidden, a webview forgets its page (no retainContextWhenHidden): shown again, it gets the latest one.
      this.panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible && this.lastResult) this.showPage(this.lastResult);
      }),
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.received(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document !== this.document || event.contentChanges.length === 0) return;
        // New text, a new allowance of retries: a run of stale answers earlier must not leave this one unasked.
        this.retries = 0;
        this.updateSoon();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (event.textEditor.document === this.document) this.scrollTo(event.textEditor);
      }),
    );
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  updateSoon(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, updateDebounceMs);
  }

  async update(): Promise<void> {
    const serial = ++this.requestSerial;
    const client = this.currentClient();
    if (this.disposed || !client?.isRunning()) return;
    const version = this.document.version;
    let result: PreviewResult | null;
    try {
      result = await client.sendRequest<PreviewResult | null>(previewRequest, { textDocument: { uri: this.document.uri.toString() }, scriptNonce: this.nonce });
    } catch {
      // The server is restarting or gone: the next change asks again.
      return;
    }
    if (this.disposed || serial !== this.requestSerial) return;
    if (!result) {
      if (!this.pageShown) this.panel.webview.html = messagePage(vscode.l10n.t('Resolint could not preview this draft; see the "Resolint" output.'));
      return;
    }
    if (result.version !== this.document.version || result.version !== version) {
      // The server answered for another version than the editor's: ask again, unless a change will.
      if (this.timer === undefined && this.retries++ < maximumRetries) this.updateSoon();
      return;
    }
    this.retries = 0;
    const styleChanged = this.lastResult?.styles !== result.styles || this.lastResult.contentSecurityPolicy !== result.contentSecurityPolicy;
    this.lastResult = result;
    if (!this.pageShown || styleChanged) this.showPage(result);
    else void this.panel.webview.postMessage({ type: 'update', body: result.body });
  }

  private showPage(result: PreviewResult): void {
    this.pageShown = true;
    this.panel.webview.html = previewPage(result, this.nonce);
  }

  private received(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { type, offset } = message as { type?: unknown; offset?: unknown };
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === this.document);
    if (type === 'ready') {
      if (editor) this.scrollTo(editor);
    } else if (type === 'reveal' && typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) {
      const position = this.document.positionAt(offset);
      void vscode.window
        .showTextDocument(this.document, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position) })
        .then((shown) => shown.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop));
    }
  }

  private scrollTo(editor: vscode.TextEditor): void {
    const first = editor.visibleRanges[0];
    if (!first) return;
    void this.panel.webview.postMessage({ type: 'scroll', offset: this.document.offsetAt(first.start) });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel.dispose();
  }
}

/** The previews open now, one per document. */
class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, ResolutionPreview>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly currentClient: () => LanguageClient | undefined) {
    this.subscriptions = [
      vscode.commands.registerCommand('resolint.openPreview', () =>
        this.open().catch((error: unknown) => {
          void vscode.window.showErrorMessage(commandFailed(error));
        }),
      ),
      vscode.workspace.onDidCloseTextDocument((document) => this.previews.get(document.uri.toString())?.dispose()),
    ];
  }

  private async open(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'resolution') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a resolution draft to preview it.'));
      return;
    }
    if (!this.currentClient()?.isRunning()) {
      void vscode.window.showWarningMessage(serverNotRunning());
      return;
    }
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const preview = new ResolutionPreview(document, this.currentClient, () => this.previews.delete(key));
    this.previews.set(key, preview);
    await preview.update();
  }

  /** After a server restart: every preview asks the new server. */
  refreshAll(): void {
    for (const preview of this.previews.values()) preview.updateSoon();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const preview of [...this.previews.values()]) preview.dispose();
    this.previews.clear();
  }
}

/** Registers "Resolution: Open Preview to the Side"; `currentClient` gives the client of the moment (a restart makes a new one). */
export function registerPreview(currentClient: () => LanguageClient | undefined): vscode.Disposable & { refreshAll(): void } {
  return new PreviewManager(currentClient);
}
