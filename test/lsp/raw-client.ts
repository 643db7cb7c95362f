// A client that speaks to the bundled server byte by byte, for test/lsp-hostile.test.ts: it frames
// what it is given (or writes raw bytes: torn headers, garbage bodies), reads the server's frames
// itself, answers the server's own requests, and records every message. Waits are on events.
// Over stdio by default; over a socket the server connects to, or Node's IPC channel, where
// `send` passes values as they are (no bytes: Node frames and parses them).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
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

  /** Where bytes go to the server and come from it; undefined over IPC. */
  private channel: { readonly input: NodeJS.WritableStream; readonly output: NodeJS.ReadableStream } | undefined;

  private constructor(readonly child: ChildProcess, channel: Duplex | 'stdio' | 'ipc') {
    this.messages = new EventLog('server message', () => `\nserver log:\n${this.logs.join('\n').slice(-4000)}\nserver stderr:\n${this.stderr.slice(-4000)}`);
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.channel = channel === 'ipc' ? undefined : channel === 'stdio' ? { input: child.stdin as NodeJS.WritableStream, output: child.stdout as NodeJS.ReadableStream } : { input: channel, output: channel };
    this.channel?.output.on('data', (chunk: Buffer) => this.read(chunk));
    // A write to a server that has gone away must fail the test that checks it is alive, not crash the run.
    this.channel?.input.on('error', () => undefined);
    if (channel === 'ipc') child.on('message', (message) => this.receive(message as ServerMessage));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(): RawLspClient {
    return new RawLspClient(spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }), 'stdio');
  }

  /** The server on --node-ipc: messages are values passed over Node's channel. */
  static startIpc(): RawLspClient {
    return new RawLspClient(spawn(process.execPath, [serverBundle, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }), 'ipc');
  }

  /** The server on --socket=PORT: this client listens, the server connects. */
  static async startSocket(): Promise<RawLspClient> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const connected = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const child = spawn(process.execPath, [serverBundle, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const socket = await connected;
    server.close();
    return new RawLspClient(child, socket);
  }

  /** Ends the client's side of the byte channel (stdin, the socket), or disconnects IPC. */
  hangUp(): void {
    if (this.channel) this.channel.input.end();
    else this.child.disconnect();
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

  /** Raw bytes, as they are (not over IPC, which carries values). */
  write(bytes: string | Buffer): Promise<void> {
    const input = this.channel?.input;
    if (!input) return Promise.reject(new Error('no bytes over IPC: send values'));
    return new Promise((resolve, reject) => input.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /** A message, framed with its Content-Length. */
  frame(message: unknown): Buffer {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  }

  send(message: unknown): Promise<void> {
    if (this.channel) return this.write(this.frame(message));
    return new Promise((resolve, reject) => this.child.send(message as object, (error) => (error ? reject(error) : resolve())));
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
      this.receive(JSON.parse(body) as ServerMessage);
    }
  }

  private receive(message: ServerMessage): void {
    if (message.method === 'window/logMessage') this.logs.push((message.params as { message: string }).message);
    // The server's own requests (configuration, registrations, applyEdit) get a plain answer.
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      void this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [null] : message.method === 'workspace/applyEdit' ? { applied: false } : null }).catch(() => undefined);
    }
    this.messages.record(message);
  }
}
