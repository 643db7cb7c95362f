// Wiring only: LSP messages in, the core's results out. The linting is the core's, the caching
// analysis-cache's, the settings document-settings', the push timing push-diagnostics', the
// editing features (outline, hover, completion, code actions …) feature-handlers'.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type DiagnosticServerCancellationData,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyContentChanges } from './content-changes';
import { settingsFileName } from '../node/settings-file';
import { AnalysisCache, type Analysis } from './analysis-cache';
import { findingToDiagnostic, settingsFileDiagnostic } from './convert';
import { DocumentSettingsResolver } from './document-settings';
import { featureCapabilities, registerFeatureHandlers } from './feature-handlers';
import { DiagnosticsPusher } from './push-diagnostics';

export const serverName = 'resolint';
export const configurationSection = 'resolint';

/** Wires a Resolint language server onto `connection` and starts listening. */
export function startServer(connection: Connection): void {
  new ResolintServer(connection).listen();
}

class ResolintServer {
  // Changes applied by content-changes.ts: a batch of thousands (a replace-all) in one pass.
  private readonly documents = new TextDocuments({ create: TextDocument.create, update: applyContentChanges });
  private readonly analyses = new AnalysisCache();
  private readonly settings: DocumentSettingsResolver;
  private readonly pusher: DiagnosticsPusher;
  private clientCapabilities: ClientCapabilities = {};
  /** The client pulls diagnostics (`textDocument/diagnostic`); then nothing is pushed. */
  private pullMode = false;
  /** "origin\0problem" of every settings problem already shown to the user. */
  private readonly shownProblems = new Set<string>();

  constructor(private readonly connection: Connection) {
    this.settings = new DocumentSettingsResolver({
      readClientSection: (documentUri) =>
        this.clientCapabilities.workspace?.configuration
          ? connection.workspace.getConfiguration({ scopeUri: documentUri, section: configurationSection })
          : Promise.resolve(undefined),
      reportProblems: (origin, problems) => this.warnOnce(origin, problems),
      logError: (what, error) => this.logError(what, error),
    });
    this.pusher = new DiagnosticsPusher({
      analyze: (documentUri) => this.analyze(documentUri),
      isLatest: (analysis) => this.isLatest(analysis),
      diagnosticsOf: (analysis) => this.diagnosticsOf(analysis),
      send: (params) => void connection.sendDiagnostics(params).catch((error: unknown) => this.logError('Sending diagnostics', error)),
      logError: (what, error) => this.logError(what, error),
    });
  }

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.registerDynamicCapabilities());
    connection.onShutdown(() => this.pusher.stop());

    documents.onDidOpen(({ document }) => {
      // Re-resolved on open, so a settings file created meanwhile is seen even without file watchers.
      this.settings.forget(document.uri);
      if (!this.pullMode) this.pusher.pushNow(document.uri, document.version);
      void this.warmUpAfterOpening(document.uri);
    });
    documents.onDidChangeContent(({ document }) => {
      if (!this.pullMode) this.pusher.pushSoon(document.uri, document.version);
    });
    documents.onDidClose(({ document }) => {
      this.settings.forget(document.uri);
      this.analyses.forget(document.uri);
      features.forget(document.uri);
      if (!this.pullMode) this.pusher.clear(document.uri);
    });

    const features = registerFeatureHandlers(connection, {
      // A request (hover, outline, folding …) puts a long draft's warm-up off: the editor is in use.
      analyze: (documentUri) => {
        this.analyses.noteRequest();
        return this.analyze(documentUri);
      },
      clientCapabilities: () => this.clientCapabilities,
      logError: (what, error) => this.logError(what, error),
      logWarning: (message) => this.connection.console.warn(message),
    });

    connection.onDidChangeConfiguration(() => this.settingsChanged());
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((change) => change.uri.endsWith(`/${settingsFileName}`))) this.settingsChanged();
    });

    // What the protocol has no handler for is answered (requests: MethodNotFound) and logged, never dropped in silence.
    connection.onRequest((method) => {
      this.connection.console.warn(`Rejected request ${method}: no such method`);
      return new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
    });
    connection.onNotification((method) => this.connection.console.warn(`Ignored notification ${method}: no such method`));

    documents.listen(this.checkedDocumentSync());
    connection.listen();
  }

  /**
   * The connection as TextDocuments sees it, with changes checked first: TextDocuments ignores a
   * change to a document that is not open, and takes any version; the log says so.
   */
  private checkedDocumentSync(): Connection {
    const { connection, documents } = this;
    const checked = Object.create(connection) as Connection;
    checked.onDidChangeTextDocument = (handler) =>
      connection.onDidChangeTextDocument((params) => {
        const { uri, version } = params.textDocument ?? {};
        const document = typeof uri === 'string' ? documents.get(uri) : undefined;
        if (!document) connection.console.warn(`Ignored a change to ${String(uri)}: the document is not open`);
        else if (typeof version !== 'number' || version <= document.version) connection.console.warn(`A change to ${uri} has version ${String(version)} after version ${document.version}: applied, but versions should increase`);
        return handler(params);
      });
    return checked;
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.clientCapabilities = params.capabilities;
    this.pullMode = params.capabilities.textDocument?.diagnostic !== undefined;
    if (this.pullMode) {
      this.connection.languages.diagnostics.on((diagnosticParams, token) => this.pullDiagnostics(diagnosticParams, token));
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...featureCapabilities(),
        ...(this.pullMode
          ? { diagnosticProvider: { identifier: serverName, interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: serverName },
    };
  }

  private registerDynamicCapabilities(): void {
    const workspace = this.clientCapabilities.workspace;
    const registrations: Promise<unknown>[] = [];
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      registrations.push(this.connection.client.register(DidChangeConfigurationNotification.type, { section: configurationSection }));
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      registrations.push(
        this.connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${settingsFileName}` }],
        }),
      );
    }
    for (const registration of registrations) {
      registration.catch((error: unknown) => this.logError('Registering for settings changes', error));
    }
  }

  private async pullDiagnostics(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> {
    const documentUri: unknown = (params as Partial<DocumentDiagnosticParams> | null | undefined)?.textDocument?.uri;
    // Refused, not an internal error (logged by transport.ts, as every InvalidParams answer is).
    if (typeof documentUri !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'Diagnostics: the request names no textDocument.uri', { retriggerRequest: false });
    try {
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled', { retriggerRequest: false });
      const analysis = await this.analyze(documentUri);
      if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (params.previousResultId === analysis.resultId) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: analysis.resultId };
      }
      return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items: this.diagnosticsOf(analysis) };
    } catch (error) {
      this.logError(`Linting ${documentUri}`, error);
      return new ResponseError(ErrorCodes.InternalError, `Resolint could not lint ${documentUri}; see the server log.`, {
        retriggerRequest: false,
      });
    }
  }

  /** The shared analysis of an open document as it is now; undefined if it is not open. */
  private async analyze(documentUri: string): Promise<Analysis | undefined> {
    if (!this.documents.get(documentUri)) return undefined;
    const settings = await this.settings.settingsFor(documentUri);
    const document = this.documents.get(documentUri);
    return document ? this.analyses.analysisOf(document, settings) : undefined;
  }

  /**
   * A long draft just opened, once its diagnostics are out, is typed into while the editor is idle
   * (keystroke-warm-up.ts), and its line table made: the protocol library builds it, a pass over the
   * whole text, when the first change's position is looked up (10 ms of the first keystroke on 1 MB).
   */
  private async warmUpAfterOpening(documentUri: string): Promise<void> {
    try {
      const analysis = await this.analyze(documentUri);
      if (analysis && this.analyses.warmUp(analysis, (latest) => this.isLatest(latest), (what, error) => this.logError(what, error))) this.documents.get(documentUri)?.offsetAt({ line: 0, character: 0 });
    } catch (error) {
      this.logError(`Linting ${documentUri}`, error);
    }
  }

  /** Whether nothing newer (a change, new settings) has arrived since `analysis` was made. */
  private isLatest(analysis: Analysis): boolean {
    return this.documents.get(analysis.uri)?.version === analysis.version && this.settings.generation === analysis.settings.generation;
  }

  private diagnosticsOf(analysis: Analysis): Diagnostic[] {
    const diagnostics = analysis.result.findings.map((finding) => findingToDiagnostic(finding, analysis.uri, analysis.lineIndex));
    const settingsFile = analysis.settings.settingsFile;
    if (settingsFile && settingsFile.problems.length > 0) diagnostics.unshift(settingsFileDiagnostic(settingsFile, analysis.text));
    return diagnostics;
  }

  private settingsChanged(): void {
    this.settings.invalidateAll();
    if (!this.pullMode) {
      for (const document of this.documents.all()) this.pusher.pushNow(document.uri, document.version);
    } else if (this.clientCapabilities.workspace?.diagnostics?.refreshSupport) {
      this.connection.languages.diagnostics.refresh().catch((error: unknown) => this.logError('Asking the client to refresh diagnostics', error));
    }
    // The openers the tokens mark depend on the settings ("lexicon", "language"): an editor that
    // asks for tokens only after an edit would show the old ones until the next keystroke.
    if (this.clientCapabilities.workspace?.semanticTokens?.refreshSupport) {
      this.connection.languages.semanticTokens.refresh().catch((error: unknown) => this.logError('Asking the client to refresh semantic tokens', error));
    }
  }

  /** Shows each distinct settings problem once, grouped per origin, in a single message. */
  private warnOnce(origin: string, problems: readonly string[]): void {
    const unseen = problems.filter((problem) => !this.shownProblems.has(`${origin}\0${problem}`));
    if (unseen.length === 0) return;
    for (const problem of unseen) this.shownProblems.add(`${origin}\0${problem}`);
    const message = `Resolint: problems in ${origin}:\n${unseen.join('\n')}`;
    this.connection
      .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message })
      .catch((error: unknown) => this.logError('Showing a settings warning', error));
  }

  private logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`${what} failed: ${detail}`);
  }
}
