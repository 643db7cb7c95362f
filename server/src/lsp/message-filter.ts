// The bytes a client sends, checked before vscode-jsonrpc reads them (every byte-stream transport:
// stdio, socket, pipe; see transport.ts). vscode-jsonrpc
// drops a frame whose body is not JSON without a word, and after a header it cannot read it stops
// reading until more bytes come, so the next (good) request waits. Here every frame is read whole:
// a good one is passed on, framed anew; a bad one is dropped and said why (`reject`), and reading
// goes on with the next frame. Memory stays bounded: a frame announced larger than
// `maximumBodyBytes` is skipped as it streams by, and bytes that never form a header are dropped.
import { Transform, type TransformCallback } from 'node:stream';

/** Larger than any document an editor opens (a 20 MB draft is about 21 MB of JSON). */
export const maximumBodyBytes = 256 * 1024 * 1024;
/** A header block is a few short lines; garbage without a blank line is dropped past this. */
const maximumHeaderBytes = 64 * 1024;
const headerEnd = Buffer.from('\r\n\r\n', 'ascii');
const contentLengthName = Buffer.from('Content-Length:', 'ascii');

type State =
  | { readonly kind: 'header' }
  | { readonly kind: 'body'; readonly length: number }
  | { readonly kind: 'skip'; remaining: number }
  /** After a header without a length: looking for the next "Content-Length". */
  | { readonly kind: 'resync' };

export class MessageFilter extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private state: State = { kind: 'header' };

  /**
   * `reject` is told about every frame dropped, in words fit for the server's log; `admit` sees every
   * good message and may hold it back (it then answers it itself: see ShutdownGate in transport.ts).
   */
  constructor(
    private readonly reject: (reason: string) => void,
    private readonly admit: (message: object) => boolean = () => true,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    try {
      this.drain();
    } catch (error) {
      // A bug here must not stop the server reading: drop what is buffered and go on.
      this.reject(`the message filter failed (${error instanceof Error ? error.message : String(error)}); ${this.pendingBytes} bytes dropped`);
      this.takeBytes(this.pendingBytes);
      this.state = { kind: 'header' };
    }
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.state.kind === 'skip') {
        const skipped = Math.min(this.state.remaining, this.pendingBytes);
        this.takeBytes(skipped);
        this.state.remaining -= skipped;
        if (this.state.remaining > 0) return;
        this.state = { kind: 'header' };
      }
      if (this.state.kind === 'header') {
        const buffer = this.bufferedBytes();
        const end = buffer.indexOf(headerEnd);
        if (end === -1) {
          if (buffer.length > maximumHeaderBytes) {
            this.reject(`${buffer.length - 3} bytes that are not a message header (no blank line after them): dropped`);
            this.takeBytes(buffer.length - 3); // the last bytes may start a "\r\n\r\n"
          }
          return;
        }
        // Stray bytes run into the header that follows them ("hello" + "Content-Length: …"): drop them, keep the header.
        const restart = buffer.subarray(0, end).lastIndexOf(contentLengthName);
        if (restart > 0 && readHeader(buffer.subarray(0, end).toString('ascii')).length === undefined) {
          this.reject(`${restart} bytes before a header, not in any message: ${preview(buffer.subarray(0, restart))}: dropped`);
          this.takeBytes(restart);
          continue;
        }
        const header = this.takeBytes(end + headerEnd.length);
        const { length, problem } = readHeader(header.subarray(0, end).toString('ascii'));
        if (problem !== undefined || length === undefined || length > maximumBodyBytes) {
          this.reject(`${problem ?? `a message of ${length} bytes, over the limit of ${maximumBodyBytes}`}: ${length === undefined ? 'dropped up to the next Content-Length' : 'skipped'}`);
          // With its length known, the body is skipped; without, whatever follows up to the next header is.
          this.state = length === undefined ? { kind: 'resync' } : { kind: 'skip', remaining: length };
          continue;
        }
        this.state = { kind: 'body', length };
      }
      if (this.state.kind === 'resync') {
        const buffer = this.bufferedBytes();
        const next = buffer.indexOf(contentLengthName);
        if (next === -1) {
          this.takeBytes(Math.max(0, buffer.length - contentLengthName.length));
          return;
        }
        this.takeBytes(next);
        this.state = { kind: 'header' };
        continue;
      }
      if (this.state.kind === 'body') {
        if (this.pendingBytes < this.state.length) return;
        const body = this.takeBytes(this.state.length);
        const read = readBody(body);
        if (read.problem !== undefined) this.reject(`a message whose body ${read.problem}: ${preview(body)}`);
        // Framed anew: a header vscode-jsonrpc would choke on but that gave a length (stray blank lines before it) reaches it clean.
        else if (this.admit(read.message)) this.push(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
        this.state = { kind: 'header' };
      }
    }
  }

  /** All buffered bytes as one buffer (kept as one, so the next peek is free). */
  private bufferedBytes(): Buffer {
    if (this.pending.length > 1) this.pending = [Buffer.concat(this.pending, this.pendingBytes)];
    return this.pending[0] ?? Buffer.alloc(0);
  }

  private takeBytes(count: number): Buffer {
    const buffer = this.bufferedBytes();
    const taken = buffer.subarray(0, count);
    const rest = buffer.subarray(count);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return taken;
  }
}

/** The Content-Length of a header block, and what is wrong with the block if vscode-jsonrpc would not read it. */
function readHeader(header: string): { length?: number; problem?: string } {
  let length: number | undefined;
  let problem: string | undefined;
  // Blank lines before a header (a client that ends its frames with an extra CRLF) are no header lines.
  for (const line of header.replace(/^(?:\r\n)+/, '').split('\r\n')) {
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (colon === -1) problem ??= `a header line without ':' ${JSON.stringify(line.slice(0, 80))}`;
    else if (name === 'content-length' && /^\d{1,15}$/.test(value)) length = Number(value);
    else if (name === 'content-length') problem ??= `Content-Length ${JSON.stringify(value.slice(0, 40))} is not a number of bytes`;
    else if (name === 'content-type' && /charset=/i.test(value) && !/charset=["']?utf-?8["']?\s*(;|$)/i.test(value)) problem ??= `Content-Type ${JSON.stringify(value.slice(0, 80))}: only UTF-8 is read`;
  }
  if (length === undefined) problem ??= `a header without Content-Length ${JSON.stringify(header.slice(0, 80))}`;
  return { ...(length !== undefined ? { length } : {}), ...(problem !== undefined ? { problem } : {}) };
}

/** A body as the message it is, or why it is not a JSON-RPC message vscode-jsonrpc can take. */
function readBody(body: Buffer): { readonly message: object; readonly problem?: undefined } | { readonly problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return { problem: error instanceof TypeError ? 'is not UTF-8' : 'is not JSON' };
  }
  const problem = valueProblem(value);
  return problem === undefined ? { message: value as object } : { problem };
}

/** Why a parsed message is not one vscode-jsonrpc can take (not an object), or undefined. Shared with the --node-ipc reader (transport.ts). */
export function valueProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `is JSON but not an object (${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`;
  return undefined;
}

function preview(body: Buffer): string {
  const text = body.subarray(0, 80).toString('utf8');
  return `${JSON.stringify(text)}${body.length > 80 ? ` … (${body.length} bytes)` : ''}`;
}
