// The hostile client's checks on the other transports (test/lsp-hostile.test.ts does them all over
// stdio): over --socket the bytes pass the same MessageFilter as over stdio; over --node-ipc Node's
// channel frames and parses every message, so only values that are no message can come, and they are
// dropped and logged the same way. On both, every InvalidParams answer is logged (transport.ts),
// the server reads on, and it ends as over stdio: 0 after shutdown and exit, 1 when the client goes away.
import * as assert from 'node:assert/strict';
import { RawLspClient } from './lsp/raw-client';

const hover = (uri: string, position: unknown = { line: 0, character: 0 }): unknown => ({ textDocument: { uri }, position });
const neverOpened = 'file:///never-opened.resolution';

/** A request the server answers null, showing it reads on. */
async function inStep(client: RawLspClient, what: string): Promise<void> {
  const answer = await client.request('textDocument/hover', hover(neverOpened), 5000);
  assert.equal(answer.error, undefined, `after ${what}`);
  assert.equal(answer.result, null, `after ${what}`);
}

/** Logs InvalidParams answers: vscode-jsonrpc's own (no params) and the handlers' (not a position). */
async function checkInvalidParamsLogged(client: RawLspClient): Promise<void> {
  const withoutParams = await client.request('textDocument/hover');
  assert.equal(withoutParams.error?.code, -32602);
  assert.equal(client.logsMatching(new RegExp(`^Rejected request ${String(withoutParams.id)} \\(InvalidParams\\): Request textDocument/hover defines 1 params`)).length, 1, client.logs.join('\n'));
  const notAPosition = await client.request('textDocument/hover', hover(neverOpened, 'nowhere'));
  // A document never opened is answered null before its position is read; an open one is refused.
  assert.equal(notAPosition.error, undefined);
  const uri = 'file:///open.resolution';
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'resolution', version: 1, text: 'The General Assembly,\n\n1. Decides.\n' } });
  const refused = await client.request('textDocument/hover', hover(uri, { line: 'one', character: 0 }));
  assert.equal(refused.error?.code, -32602);
  assert.equal(client.logsMatching(new RegExp(`^Rejected request ${String(refused.id)} \\(InvalidParams\\): Hover: .* is not a position`)).length, 1, client.logs.join('\n'));
}

async function checkEnds(client: RawLspClient): Promise<void> {
  assert.ok(client.alive, 'the server is still running');
  assert.deepEqual(client.logsMatching(/^(Uncaught|Unhandled rejection)/), []);
  assert.equal((await client.request('shutdown')).error, undefined);
  // After shutdown a request is refused (the protocol: InvalidRequest), not answered as before.
  const afterShutdown = await client.request('textDocument/hover', hover('file:///open.resolution', { line: 2, character: 3 }));
  assert.equal(afterShutdown.error?.code, -32600, JSON.stringify(afterShutdown));
  assert.match(afterShutdown.error?.message ?? '', /shut down: textDocument\/hover is refused/);
  await client.notify('exit');
  assert.equal(await client.exited, 0);
}

describe('language server against a hostile client, over --socket and --node-ipc', function () {
  this.timeout(60000);

  describe('--socket=PORT', () => {
    let client: RawLspClient;
    before(async () => {
      client = await RawLspClient.startSocket();
      await client.initialize();
    });
    after(() => client?.kill());

    it('drops torn and invalid frames, logs each, and reads on, as over stdio', async () => {
      const badFrames: ReadonlyArray<{ readonly what: string; readonly bytes: string | Buffer; readonly logged: RegExp }> = [
        { what: 'a body that is not JSON', bytes: 'Content-Length: 5\r\n\r\nhello', logged: /^Rejected from the client: a message whose body is not JSON: "hello"/ },
        { what: 'JSON null', bytes: client.frame(null), logged: /^Rejected from the client: a message whose body is JSON but not an object \(null\)/ },
        { what: 'a header without Content-Length', bytes: 'Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","method":"initialized"}', logged: /a header without Content-Length/ },
        { what: 'bytes in no message, run into the next header', bytes: 'Hello there', logged: /11 bytes before a header, not in any message/ },
      ];
      for (const frame of badFrames) {
        const from = client.logs.length;
        await client.write(frame.bytes);
        await inStep(client, frame.what);
        assert.ok(client.logsMatching(frame.logged, from).length > 0, `${frame.what}: no log line matching ${String(frame.logged)} in\n${client.logs.slice(from).join('\n')}`);
      }
      // A request torn into single bytes.
      const id = client.id();
      const torn = client.frame({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: hover(neverOpened) });
      for (let offset = 0; offset < torn.length; offset++) await client.write(torn.subarray(offset, offset + 1));
      assert.equal((await client.response(id)).result, null);
    });

    it('logs every InvalidParams answer', () => checkInvalidParamsLogged(client));

    it('ends with code 0 after shutdown and exit', () => checkEnds(client));

    it('ends with code 1 when the client closes the socket without shutdown', async () => {
      const gone = await RawLspClient.startSocket();
      try {
        await gone.initialize();
        gone.hangUp();
        assert.equal(await gone.exited, 1);
      } finally {
        gone.kill();
      }
    });
  });

  describe('--node-ipc', () => {
    let client: RawLspClient;
    before(async () => {
      client = RawLspClient.startIpc();
      await client.initialize();
    });
    after(() => client?.kill());

    it('drops values that are no message, logs each as over stdio, and reads on', async () => {
      const values: ReadonlyArray<{ readonly what: string; readonly value: unknown; readonly logged: RegExp }> = [
        { what: 'null', value: null, logged: /^Rejected from the client: a message whose body is JSON but not an object \(null\)/ },
        { what: 'an array (a batch)', value: [{ jsonrpc: '2.0', method: 'initialized' }], logged: /^Rejected from the client: a message whose body is JSON but not an object \(an array\)/ },
        { what: 'a string', value: 'Content-Length: 5', logged: /^Rejected from the client: a message whose body is JSON but not an object \(string\)/ },
        { what: 'an object that is no JSON-RPC message', value: { hello: 'world' }, logged: /neither a response nor a notification/ },
      ];
      for (const { what, value, logged } of values) {
        const from = client.logs.length;
        await client.send(value);
        await inStep(client, what);
        assert.ok(client.logsMatching(logged, from).length > 0, `${what}: no log line matching ${String(logged)} in\n${client.logs.slice(from).join('\n')}`);
      }
    });

    it('logs every InvalidParams answer', () => checkInvalidParamsLogged(client));

    it('ends with code 0 after shutdown and exit', () => checkEnds(client));

    it('ends with code 1 when the client disconnects without shutdown, with code 0 after shutdown alone', async () => {
      for (const [shutdownFirst, code] of [[false, 1], [true, 0]] as const) {
        const gone = RawLspClient.startIpc();
        try {
          await gone.initialize();
          if (shutdownFirst) assert.equal((await gone.request('shutdown')).error, undefined);
          gone.hangUp();
          assert.equal(await gone.exited, code);
        } finally {
          gone.kill();
        }
      }
    });
  });

  it('a pull-diagnostics request naming no document is refused (InvalidParams, logged), not failed (InternalError)', async () => {
    const client = RawLspClient.start();
    try {
      await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
      await client.notify('initialized', {});
      const answer = await client.request('textDocument/diagnostic', { identifier: 'resolint' });
      assert.equal(answer.error?.code, -32602, JSON.stringify(answer));
      assert.equal(client.logsMatching(new RegExp(`^Rejected request ${String(answer.id)} \\(InvalidParams\\): Diagnostics: the request names no textDocument.uri$`)).length, 1, client.logs.join('\n'));
      await checkEnds(client);
    } finally {
      client.kill();
    }
  });
});
