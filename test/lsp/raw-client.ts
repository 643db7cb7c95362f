// A client that speaks to the bundled server byte by byte, for test/lsp-hostile.test.ts: it frames
// what it is given (or writes raw bytes: torn headers, garbage bodies), reads the server's frames
// itself, answers the server's own requests, and records every message. Waits are on events.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { EventLog, serverBundle } from './test-client';

/** What the server sends: a response, a request or a notification. */
export interface ServerMessage {
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export class RawLspClient {
  /** Every message from the server, in order. */
  readonly messages: EventLog<ServerMessage>;
  /** The texts of window/logMessage. */
  readonly logs: string[] = [];
  private nextId = 1;
  private stderr = '';
  private pending = Buffer.alloc(0);
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    this.messages = new EventLog('server message', () => `\nserver log:\n${this.logs.join('\n').slice(-4000)}\nserver stderr:\n${this.stderr.slice(-4000)}`);
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
    // A write to a server that has gone away must fail the test that checks it is alive, not crash the run.
    child.stdin?.on('error', () => undefined);
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(): RawLspClient {
    return new RawLspClient(spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident memory of the server process, in megabytes (Linux: /proc/<pid>/status VmRSS). */
  residentMegabytes(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
      return kilobytes ? Number(kilobytes) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** Raw bytes, as they are. */
  write(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin?.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /** A message, framed with its Content-Length. */
  frame(message: unknown): Buffer {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  }

  send(message: unknown): Promise<void> {
    return this.write(this.frame(message));
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.send({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) });
  }

  /** A fresh request id. */
  id(): number {
    return this.nextId++;
  }

  /** Sends a request and waits for its response (result or error). */
  async request(method: string, params?: unknown, timeoutMs = 10000): Promise<ServerMessage> {
    const id = this.id();
    await this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    return this.response(id, timeoutMs);
  }

  response(id: number | string, timeoutMs = 10000): Promise<ServerMessage> {
    return this.messages.waitFor((message) => message.id === id && message.method === undefined, `answering request ${id}`, 0, timeoutMs);
  }

  /** The initialize handshake of a plain client (pushed diagnostics, no workspace configuration). */
  async initialize(): Promise<ServerMessage> {
    const answer = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: {} },
    });
    await this.notify('initialized', {});
    return answer;
  }

  /** The first diagnostics pushed for `uri` at `version`. */
  diagnosticsFor(uri: string, version: number, timeoutMs = 10000): Promise<ServerMessage> {
    return this.messages.waitFor(
      (message) => message.method === 'textDocument/publishDiagnostics' && (message.params as { uri?: string; version?: number }).uri === uri && (message.params as { version?: number }).version === version,
      `diagnostics for ${uri} version ${version}`,
      0,
      timeoutMs,
    );
  }

  /** Log lines (window/logMessage) recorded from index `from` on that match. */
  logsMatching(pattern: RegExp, from = 0): string[] {
    return this.logs.slice(from).filter((line) => pattern.test(line));
  }

  /** Waits for a log line matching `pattern`, from index `from` on. */
  async waitForLog(pattern: RegExp, from = 0, timeoutMs = 5000): Promise<string> {
    const message = await this.messages.waitFor(
      (candidate) => candidate.method === 'window/logMessage' && this.logs.indexOf((candidate.params as { message: string }).message) >= from && pattern.test((candidate.params as { message: string }).message),
      `log line matching ${String(pattern)}`,
      0,
      timeoutMs,
    );
    return (message.params as { message: string }).message;
  }

  kill(): void {
    if (this.alive) this.child.kill();
  }

  private read(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const headerEnd = this.pending.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.pending.length < headerEnd + 4 + length) return;
      const body = this.pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.pending = this.pending.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body) as ServerMessage;
      if (message.method === 'window/logMessage') this.logs.push((message.params as { message: string }).message);
      // The server's own requests (configuration, registrations, applyEdit) get a plain answer.
      if (message.method !== undefined && message.id !== undefined && message.id !== null) {
        void this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [null] : message.method === 'workspace/applyEdit' ? { applied: false } : null });
      }
      this.messages.record(message);
    }
  }
}
