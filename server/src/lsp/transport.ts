// The server's end of each transport vscode-languageserver knows (--stdio, --socket=N, --pipe NAME,
// --node-ipc), opened here rather than by createConnection so that all of them get the same
// protections (docs/reliability.md, "A hostile client"):
// - a byte stream (stdio, socket, pipe) passes MessageFilter: a torn or invalid frame is dropped,
//   logged, and reading goes on;
// - over --node-ipc, Node's own channel frames and parses every message, so nothing can be torn or
//   not JSON; a value that is no object (null, an array, a string) is dropped and logged the same way,
//   and a closed channel ends the server as a closed stdin does;
// - on every transport, each request answered InvalidParams is logged, whether vscode-jsonrpc
//   answered it itself (a request without params) or a handler refused the params;
// - on every transport, a request after `shutdown` is answered InvalidRequest before any handler
//   sees it (ShutdownGate), as the protocol asks: only the exit notification is taken then.
import * as net from 'node:net';
import {
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  Message,
  SocketMessageWriter,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Event,
  type MessageReader,
  type MessageWriter,
  type PartialMessageInfo,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { MessageFilter, valueProblem } from './message-filter';

export interface Transport {
  /** A byte stream (its end ends the server, as with --stdio), or a reader of whole messages. */
  readonly input: NodeJS.ReadableStream | MessageReader;
  readonly output: MessageWriter;
  /** Whether stdout carries the protocol, so console output must go elsewhere. */
  readonly stdio: boolean;
}

/**
 * The transport the command line asks for, or undefined when it names none. `reject` is told about
 * every message dropped; `logRejected` about every request answered InvalidParams.
 */
export function openTransport(argv: readonly string[], reject: (reason: string) => void, logRejected: (line: string) => void): Transport | undefined {
  const argument = (name: string): string | undefined => {
    const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
    if (index === -1) return undefined;
    const arg = argv[index] as string;
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[index + 1] ?? '');
  };
  const logging = (writer: MessageWriter): MessageWriter => new RejectionLoggingWriter(writer, logRejected);
  if (argv.includes('--stdio')) {
    const output = logging(new StreamMessageWriter(process.stdout));
    const gate = new ShutdownGate(output);
    return { input: process.stdin.pipe(new MessageFilter(reject, (message) => gate.admit(message))), output, stdio: true };
  }
  if (argv.includes('--node-ipc')) {
    const output = logging(new IPCMessageWriter(process));
    const gate = new ShutdownGate(output);
    const input = new CheckedMessageReader(new IPCMessageReader(process), reject, (message) => gate.admit(message));
    // A client that goes away (its end of the channel closed) leaves no server behind, as over stdio:
    // vscode-languageserver's IPC reader never reports the channel closed, and the process would run on.
    process.on('disconnect', () => process.exit(gate.shutDown ? 0 : 1));
    return { input, output, stdio: false };
  }
  const port = argument('--socket');
  const pipeName = argument('--pipe');
  if (port === undefined && pipeName === undefined) return undefined;
  let socket: net.Socket;
  if (port !== undefined) {
    const portNumber = Number(port);
    if (!Number.isInteger(portNumber) || portNumber <= 0 || portNumber > 65535) throw new Error(`--socket ${JSON.stringify(port)} is not a port number`);
    // As vscode-languageserver does: the client listens, the server connects.
    socket = net.createConnection(portNumber, '127.0.0.1');
  } else {
    socket = net.createConnection(pipeName as string);
  }
  const output = logging(new SocketMessageWriter(socket));
  const gate = new ShutdownGate(output);
  const filtered = socket.pipe(new MessageFilter(reject, (message) => gate.admit(message)));
  // A socket that fails ends the input, so the server exits as it does when stdin closes.
  socket.on('error', (error) => {
    process.stderr.write(`resolint-language-server: ${port !== undefined ? `socket ${port}` : `pipe ${String(pipeName)}`}: ${error.message}\n`);
    filtered.end();
  });
  return { input: filtered, output, stdio: false };
}

/**
 * The protocol's end of life: after the `shutdown` request, "requests should error with
 * InvalidRequest", and only the exit notification is expected. vscode-languageserver answers them
 * all as before, so each transport asks this gate first; a request it holds back is answered here.
 */
class ShutdownGate {
  /** Whether `shutdown` has come (then the exit code of a client going away is 0). */
  shutDown = false;
  /** Whether `initialize` has come: before it, the protocol has every other request refused. */
  private initialized = false;

  constructor(private readonly output: MessageWriter) {}

  /**
   * Whether `message` goes on to the connection; a request before `initialize` or after shutdown is
   * answered and held back.
   */
  admit(message: object): boolean {
    if (!Message.isRequest(message as Message)) return true;
    const request = message as RequestMessage;
    if (!this.initialized && request.method !== 'initialize') {
      void this.output
        .write({ jsonrpc: '2.0', id: request.id, error: { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: ${request.method} is refused until the initialize request` } } as ResponseMessage)
        .catch(() => undefined); // a client gone already: nothing to tell
      return false;
    }
    if (request.method === 'initialize') this.initialized = true;
    if (this.shutDown) {
      void this.output
        .write({ jsonrpc: '2.0', id: request.id, error: { code: ErrorCodes.InvalidRequest, message: `The server is shut down: ${request.method} is refused; only the exit notification is taken now` } } as ResponseMessage)
        .catch(() => undefined); // a client gone already: nothing to tell
      return false;
    }
    if (request.method === 'shutdown') this.shutDown = true;
    return true;
  }
}

/** Passes on the messages of `inner` that are objects and `admit` lets through; drops and reports the others. */
class CheckedMessageReader implements MessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly reject: (reason: string) => void,
    private readonly admit: (message: Message) => boolean,
  ) {}

  get onError(): Event<Error> {
    return this.inner.onError;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  get onPartialMessage(): Event<PartialMessageInfo> {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message: unknown) => {
      const problem = valueProblem(message);
      if (problem === undefined) {
        if (this.admit(message as Message)) callback(message as Message);
      } else this.reject(`a message whose body ${problem}: ${JSON.stringify(JSON.stringify(message) ?? String(message)).slice(0, 82)}`);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }
}

/** Writes what `inner` writes, and logs each error response with InvalidParams before it goes. */
class RejectionLoggingWriter implements MessageWriter {
  constructor(private readonly inner: MessageWriter, private readonly log: (line: string) => void) {}

  get onError(): Event<[Error, Message | undefined, number | undefined]> {
    return this.inner.onError;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  write(message: Message): Promise<void> {
    if (Message.isResponse(message) && message.error?.code === ErrorCodes.InvalidParams) {
      this.log(`Rejected request ${JSON.stringify(message.id)} (InvalidParams): ${message.error.message}`);
    }
    return this.inner.write(message);
  }

  end(): void {
    this.inner.end();
  }

  dispose(): void {
    this.inner.dispose();
  }
}
