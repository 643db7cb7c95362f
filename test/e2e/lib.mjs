// Shared helpers of the end-to-end checks (scripts/e2e/run.mjs runs them; mocha does not).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const exampleDraft = path.join(repoRoot, 'examples', 'draft.resolution');

/**
 * The findings the example draft must show in every editor, as the command line reports them
 * (`node bin/resolint.js --format json examples/draft.resolution`): rule id, 1-based line and
 * column, severity.
 */
export const expectedFindings = [
  { code: 'preambular-phrase', line: 15, column: 1, severity: 'error' },
  { code: 'operative-verb', line: 28, column: 4, severity: 'error' },
  { code: 'operative-numbering', line: 31, column: 1, severity: 'error' },
  { code: 'footnote-unused', line: 56, column: 1, severity: 'warning' },
];

/** The quick fix the e2e tests apply, and what it does to line 28 of the example. */
export const quickFix = {
  code: 'operative-verb',
  title: "Change 'Urging' to 'Urges'",
  line: 28,
  column: 4,
  before: '2. Urging Member States to ratify',
  after: '2. Urges Member States to ratify',
};

/**
 * The checks of one part: each passes, fails, or is skipped with its reason. `check` runs the
 * function and records a thrown error as a failure, so one broken check does not hide the others.
 */
export class Checks {
  constructor(part) {
    this.part = part;
    /** @type {{ name: string, status: 'passed' | 'failed' | 'skipped', detail: string }[]} */
    this.results = [];
  }

  pass(name, detail = '') {
    this.#record(name, 'passed', detail);
  }

  fail(name, detail) {
    this.#record(name, 'failed', detail);
  }

  skip(name, reason) {
    this.#record(name, 'skipped', reason);
  }

  /** Runs fn; passes with the detail it returns, fails with the error it throws. */
  async check(name, fn) {
    try {
      const detail = await fn();
      this.pass(name, typeof detail === 'string' ? detail : '');
      return true;
    } catch (error) {
      this.fail(name, error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  #record(name, status, detail) {
    this.results.push({ name, status, detail });
    const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[status];
    const text = `  ${mark} [${this.part}] ${name}${detail ? ` — ${detail}` : ''}`;
    console.log(text.replace(/\n/g, '\n         '));
  }

  counts() {
    const count = (status) => this.results.filter((result) => result.status === status).length;
    return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqualJson(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}:\n  expected ${e}\n  actual   ${a}`);
}

/** Runs a command to its end; resolves with its status and output (never rejects on status). */
export function run(command, args, options = {}) {
  const { input, timeoutMs = 120_000, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...spawnOptions });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, timedOut });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls fn until it returns a truthy value; throws with `what` after timeoutMs. */
export async function waitFor(what, fn, { timeoutMs = 30_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Kills a process group we started (detached child) by its id; ignores one already gone. */
export function killGroup(pid, signal = 'SIGKILL') {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The names and sizes of the entries of a zip file (a .vsix), read from its central directory. */
export function zipEntries(file) {
  const bytes = fs.readFileSync(file);
  const endSignature = 0x06054b50;
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== endSignature) end--;
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const compressed = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size, compressed });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The language server's capabilities, from one `initialize` over stdio: the parts use them to
 * tell a feature the server does not offer yet (a skipped check) from one that is broken.
 */
export async function serverCapabilities() {
  const server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'resolint-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const message = await readLspMessage(server.stdout, 15_000);
    return message.result.capabilities;
  } finally {
    server.kill('SIGKILL');
  }
}

/** Reads LSP messages from a stream until one carries a result or an error. */
export function readLspMessage(stream, timeoutMs) {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      stream.off('data', onData);
      reject(new Error(`no answer from the language server within ${timeoutMs} ms`));
    }, timeoutMs);
    function onData(chunk) {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(buffer.toString('ascii', 0, headerEnd))?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.toString('utf8', headerEnd + 4, headerEnd + 4 + length));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if ('result' in message || 'error' in message) {
          clearTimeout(timer);
          stream.off('data', onData);
          if (message.error) reject(new Error(`language server error: ${message.error.message}`));
          else resolve(message);
          return;
        }
      }
    }
    stream.on('data', onData);
  });
}
