// The test client itself: what the language server tests lean on must not hold a test run open.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

describe('the language server test client', function () {
  this.timeout(60_000);

  // vscode-jsonrpc's reader re-arms a 10 s timer for a message left partial, forever, even once
  // disposed: a server stopped mid-message kept mocha's process alive after its last test, and a CI
  // run hung there. The client sets no such timer; a process that does this exits by itself.
  it('lets its process exit after the server is stopped in the middle of a long message', async () => {
    const script = path.join(__dirname, 'lsp', 'stopped-mid-message.js');
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Well past what the stop and the dispose take (a few seconds), and short of the reader's timer
    // keeping the process alive for good: 30 s with no exit is a hang.
    const outcome = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000).unref())]);
    if (outcome === 'hung') child.kill('SIGKILL');
    assert.equal(outcome, 0, `the process ${outcome === 'hung' ? 'was still running after 30 s' : `exited ${outcome}`}; it printed: ${output}`);
    assert.match(output, /chunks read: [5-9]|chunks read: \d\d/, 'the server was not stopped mid-message');
  });
});
