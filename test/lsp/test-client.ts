// A minimal LSP client for tests: spawns the bundled server over stdio and records what it sends.
// Tests wait on recorded events with a timeout, never on the clock.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  SemanticTokensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ShowMessageNotification,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type ConfigurationItem,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

/** out/test/lsp/ → the repository root. */
export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
export const serverBundle = path.join(repositoryRoot, 'dist', 'server.js');
export const lspFixtures = path.join(repositoryRoot, 'test', 'fixtures', 'lsp');

const defaultTimeoutMs = 5000;

/** Recorded events, and waiting for one that matches (already recorded or still to come). */
export class EventLog<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<(item: T) => void>();

  constructor(private readonly what: string, private readonly diagnose: () => string) {}

  record(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) waiter(item);
  }

  /** The first item from index `from` on that matches; `from` = `items.length` waits for a new one. */
  waitFor(predicate: (item: T) => boolean, description: string, from = 0, timeoutMs = defaultTimeoutMs): Promise<T> {
    const found = this.items.slice(from).find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter = (item: T): void => {
        if (!predicate(item)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(item);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${this.what} ${description} within ${timeoutMs} ms; got ${JSON.stringify(this.items, null, 1)}${this.diagnose()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}

export interface ClientOptions {
  /** Announce `textDocument.diagnostic`: the server should then be pulled, not push. */
  readonly pullDiagnostics?: boolean;
  /** Announce `workspace.configuration` and answer it with this (called per request item). */
  readonly configuration?: (item: ConfigurationItem) => unknown;
  /** Answer `workspace/configuration` this late, as a slow client does. */
  readonly configurationDelayMs?: number;
  /** Announce dynamic registration of watched files and configuration changes. */
  readonly dynamicRegistration?: boolean;
  /** Announce what an editor announces for the editing features: hierarchical symbols, definition links, markdown, workspace/applyEdit. */
  readonly editorFeatures?: boolean;
}

export class LspTestClient {
  readonly diagnostics: EventLog<PublishDiagnosticsParams>;
  readonly messages: EventLog<ShowMessageParams>;
  readonly configurationRequests: EventLog<ConfigurationItem>;
  readonly registrations: EventLog<Registration>;
  readonly refreshRequests: EventLog<number>;
  /** workspace/semanticTokens/refresh requests (asked of clients with editor features). */
  readonly tokenRefreshRequests: EventLog<number>;
  /** workspace/applyEdit requests from the server, each answered "applied". */
  readonly appliedEdits: EventLog<ApplyWorkspaceEditParams>;
  private stderr = '';
  private readonly log: string[] = [];
  private readonly exited: Promise<number | null>;

  /** The server's log lines (window/logMessage) so far. */
  get logLines(): readonly string[] {
    return this.log;
  }

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
    options: ClientOptions,
  ) {
    const diagnose = (): string => `\nserver log:\n${this.log.join('\n')}\nserver stderr:\n${this.stderr}`;
    this.diagnostics = new EventLog('publishDiagnostics', diagnose);
    this.messages = new EventLog('window/showMessage', diagnose);
    this.configurationRequests = new EventLog('workspace/configuration item', diagnose);
    this.registrations = new EventLog('client/registerCapability', diagnose);
    this.refreshRequests = new EventLog('workspace/diagnostic/refresh', diagnose);
    this.tokenRefreshRequests = new EventLog('workspace/semanticTokens/refresh', diagnose);
    this.appliedEdits = new EventLog('workspace/applyEdit', diagnose);
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.diagnostics.record(params));
    connection.onNotification(ShowMessageNotification.type, (params) => this.messages.record(params));
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.log.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      if (options.configurationDelayMs) await new Promise((resolve) => setTimeout(resolve, options.configurationDelayMs));
      return params.items.map((item) => {
        this.configurationRequests.record(item);
        return options.configuration ? options.configuration(item) : null;
      });
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const registration of params.registrations) this.registrations.record(registration);
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests.record(this.refreshRequests.items.length + 1);
    });
    connection.onRequest(SemanticTokensRefreshRequest.type, () => {
      this.tokenRefreshRequests.record(this.tokenRefreshRequests.items.length + 1);
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.record(params);
      return { applied: true };
    });
    connection.listen();
  }

  /** Spawns `node dist/server.js --stdio` and completes the initialize handshake. */
  static async start(options: ClientOptions = {}): Promise<{ client: LspTestClient; initializeResult: InitializeResult }> {
    const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    if (!child.stdout || !child.stdin) throw new Error('the server process has no stdio pipes');
    const reader = new StreamMessageReader(child.stdout);
    // A message the server was writing when it was stopped stays partial for good, and the reader then
    // re-arms a 10 s timer to say so, forever, even once disposed (vscode-jsonrpc 10): the test process
    // never exits. A CI run hung so after its last test (a server stopped mid-message under load). The
    // tests read no partial-message events: the timer is not set at all.
    reader.partialMessageTimeout = 0;
    const connection = createMessageConnection(reader, new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection, options);
    const initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: clientCapabilities(options),
      workspaceFolders: null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, initializeResult };
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'resolution', version, text },
    });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async watchedFileChanged(uri: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
  }

  /** Any request by method name: the editing features' requests, and custom ones such as resolint/documentStats. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
      ...(previousResultId !== undefined ? { previousResultId } : {}),
    });
  }

  /** The first push for `uri` at `version` (already received or still to come). */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.waitFor((params) => params.uri === uri && params.version === version, `for ${uri} version ${version}`);
  }

  /** `shutdown` then `exit`; resolves with the process's exit code. */
  async shutdownAndExit(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  /** The server's standard output as it arrives, chunk by chunk (what the connection reads). */
  get serverOutput(): NodeJS.ReadableStream {
    if (!this.child.stdout) throw new Error('the server process has no standard output');
    return this.child.stdout;
  }

  /** Stops the server at once (SIGKILL), wherever it is in its work; resolves when it has exited. */
  stopServer(): Promise<number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

function clientCapabilities(options: ClientOptions): ClientCapabilities {
  const dynamicRegistration = options.dynamicRegistration ?? false;
  const editor = options.editorFeatures ?? false;
  return {
    textDocument: {
      synchronization: { dynamicRegistration: false },
      ...(editor
        ? {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          definition: { linkSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        }
        : {}),
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    workspace: {
      ...(editor ? { applyEdit: true, semanticTokens: { refreshSupport: true } } : {}),
      configuration: options.configuration !== undefined,
      didChangeConfiguration: { dynamicRegistration },
      didChangeWatchedFiles: { dynamicRegistration },
      ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
    },
  };
}
