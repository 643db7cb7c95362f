// The language server against a hostile client, over stdio, byte by byte (test/lsp/raw-client.ts):
// torn and invalid frames, unknown methods, documents never opened, positions far past the end,
// changes out of range and out of order, 2,000 changes in a burst, a 20 MB document, cancelled
// requests. One server takes all of it, in order; then it must still answer a fresh document
// rightly, and it must never have exited on its own. What it refused is in its log.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, LineIndex, lint, parse, type OutlineSymbol } from '../server/src/core/index';
import { findingToDiagnostic } from '../server/src/lsp/convert';
import { corpusTexts } from './support/fuzz';
import { RawLspClient, type ServerMessage } from './lsp/raw-client';
import { lspFixtures } from './lsp/test-client';

/** Resident memory the server may reach with a 20 MB document open (measured: see docs/reliability.md). */
const memoryBoundMegabytes = 1024;
const slipsText = fs.readFileSync(path.join(lspFixtures, 'slips.resolution'), 'utf8');

/** What the server should push for a text, written as comparable lines: code, range, message. */
function expectedDiagnostics(uri: string, text: string): string[] {
  const lineIndex = new LineIndex(text);
  return describeDiagnostics(lint(text).findings.map((finding) => findingToDiagnostic(finding, uri, lineIndex)));
}

function describeDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(({ code, range, message }) => `${String(code)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${typeof message === 'string' ? message : ''}`);
}

function pushedDiagnostics(message: ServerMessage): string[] {
  return describeDiagnostics((message.params as { diagnostics: Diagnostic[] }).diagnostics);
}

/** A small deterministic generator, so a failing burst can be replayed. */
function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('language server against a hostile client (stdio)', function () {
  this.timeout(120000);
  let client: RawLspClient;
  let folder: string;
  const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).href;
  /** Figures for docs/reliability.md. */
  const figures: string[] = [];

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-hostile-'));
    client = RawLspClient.start();
    await client.initialize();
  });

  after(() => {
    client?.kill();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    if (figures.length > 0) console.log(figures.map((line) => `      ${line}`).join('\n'));
  });

  /** A request about a document that is not open: answered null, so the stream is in step. */
  const inStep = async (what: string): Promise<void> => {
    const answer = await client.request('textDocument/hover', { textDocument: { uri: uriOf('never-opened.resolution') }, position: { line: 0, character: 0 } }, 5000);
    assert.equal(answer.error, undefined, `after ${what}`);
    assert.equal(answer.result, null, `after ${what}`);
  };

  it('drops torn and invalid frames, logs each, and reads on', async () => {
    const badFrames: ReadonlyArray<{ readonly what: string; readonly bytes: Buffer | string; readonly logged: RegExp }> = [
      { what: 'a Content-Length header with a garbage body', bytes: 'Content-Length: 10\r\n\r\n{{{{{{{{{{', logged: /Rejected from the client: a message whose body is not JSON/ },
      { what: 'a body that is not JSON', bytes: 'Content-Length: 5\r\n\r\nhello', logged: /body is not JSON: "hello"/ },
      { what: 'a body that is not UTF-8', bytes: Buffer.concat([Buffer.from('Content-Length: 4\r\n\r\n'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]), logged: /body is not UTF-8/ },
      { what: 'a JSON array (a batch)', bytes: client.frame([{ jsonrpc: '2.0', method: 'initialized' }]), logged: /JSON but not an object \(an array\)/ },
      { what: 'JSON null', bytes: client.frame(null), logged: /JSON but not an object \(null\)/ },
      { what: 'a header without Content-Length', bytes: 'Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","method":"initialized"}', logged: /a header without Content-Length/ },
      { what: 'a Content-Length that is no number', bytes: 'Content-Length: twelve\r\n\r\n', logged: /Content-Length "twelve" is not a number of bytes/ },
      { what: 'a header line without a colon', bytes: 'Hello there\r\n\r\n', logged: /a header line without ':' "Hello there"/ },
      { what: 'bytes in no message at all, run into the next header', bytes: 'Hello there, no header here', logged: /27 bytes before a header, not in any message: "Hello there, no header here": dropped/ },
      { what: 'a charset other than UTF-8', bytes: 'Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n{}', logged: /only UTF-8 is read/ },
      { what: 'an object that is no JSON-RPC message', bytes: client.frame({ hello: 'world' }), logged: /neither a response nor a notification/ },
      { what: 'a request whose params name no document', bytes: client.frame({ jsonrpc: '2.0', id: 'no-document', method: 'textDocument/hover', params: { position: { line: 0, character: 0 } } }), logged: /Rejected request "no-document" \(InvalidParams\): Hover: the request names no textDocument.uri/ },
    ];
    for (const frame of badFrames) {
      const from = client.logs.length;
      await client.write(frame.bytes);
      await inStep(frame.what);
      assert.ok(client.logsMatching(frame.logged, from).length > 0, `${frame.what}: no log line matching ${String(frame.logged)} in\n${client.logs.slice(from).join('\n')}`);
    }
    assert.equal((await client.response('no-document')).error?.code, -32602, 'a request naming no document: InvalidParams');
    // Without any params, vscode-jsonrpc itself answers InvalidParams; the answer is logged on its way out (transport.ts).
    const withoutParams = await client.request('textDocument/hover');
    assert.equal(withoutParams.error?.code, -32602);
    assert.equal(client.logsMatching(new RegExp(`^Rejected request ${String(withoutParams.id)} \\(InvalidParams\\): Request textDocument/hover defines 1 params but received none\\.$`)).length, 1, client.logs.join('\n'));
    // Params the preview and the export cannot use are answered null, and logged.
    const from = client.logs.length;
    assert.equal((await client.request('resolint/export', { textDocument: { uri: uriOf('x.resolution') }, format: 'pdf' })).result, null);
    assert.equal((await client.request('resolint/preview', { uri: uriOf('x.resolution') })).result, null);
    assert.equal(client.logsMatching(/^Rejected a resolint\/export request: format "pdf" is not one of docx, akn, html; answered null$/, from).length, 1, client.logs.slice(from).join('\n'));
    assert.equal(client.logsMatching(/^Rejected a resolint\/preview request: the request names no textDocument.uri; answered null$/, from).length, 1, client.logs.slice(from).join('\n'));

    // A valid request torn into pieces of 1 to 7 bytes, each its own write: the header itself is split.
    const random = randomGenerator(7);
    const id = client.id();
    const torn = client.frame({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: uriOf('torn.resolution') }, position: { line: 0, character: 0 } } });
    for (let offset = 0; offset < torn.length; ) {
      const size = 1 + Math.floor(random() * 7);
      await client.write(torn.subarray(offset, offset + size));
      await new Promise((resolve) => setImmediate(resolve));
      offset += size;
    }
    assert.deepEqual((await client.response(id)).result, null);
    // Three messages in one write, the last cut in two writes.
    const [first, second, third] = [client.id(), client.id(), client.id()];
    const hover = (requestId: number): Buffer => client.frame({ jsonrpc: '2.0', id: requestId, method: 'textDocument/hover', params: { textDocument: { uri: uriOf('x.resolution') }, position: { line: 0, character: 0 } } });
    const joined = Buffer.concat([hover(first), hover(second), hover(third)]);
    await client.write(joined.subarray(0, joined.length - 9));
    await client.write(joined.subarray(joined.length - 9));
    for (const requestId of [first, second, third]) assert.equal((await client.response(requestId)).result, null);
    // A stray blank line after a frame (some clients end theirs with CRLF): the next frame is still read.
    const [fourth, fifth] = [client.id(), client.id()];
    await client.write(Buffer.concat([hover(fourth), Buffer.from('\r\n\r\n'), hover(fifth)]));
    for (const requestId of [fourth, fifth]) assert.equal((await client.response(requestId)).result, null);
    assert.ok(client.alive);
  });

  it('answers an unknown request with MethodNotFound (-32601), ignores an unknown notification, and logs both', async () => {
    const from = client.logs.length;
    const answer = await client.request('resolint/noSuchThing', { anything: true });
    assert.equal(answer.error?.code, -32601);
    await client.notify('resolint/noSuchNotification', {});
    await client.notify('$/noSuchThing', {});
    await inStep('unknown notifications');
    assert.ok(client.logsMatching(/Rejected request resolint\/noSuchThing: no such method/, from).length === 1, client.logs.slice(from).join('\n'));
    assert.ok(client.logsMatching(/Ignored notification resolint\/noSuchNotification/, from).length === 1, client.logs.slice(from).join('\n'));
  });

  it('answers requests about a document never opened with null or nothing, never an error', async () => {
    const textDocument = { uri: uriOf('never-opened.resolution') };
    const position = { line: 3, character: 4 };
    const requests: ReadonlyArray<readonly [string, unknown]> = [
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/documentLink', { textDocument }],
      ['textDocument/semanticTokens/full', { textDocument }],
      ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
      ['resolint/documentStats', { textDocument }],
      ['workspace/executeCommand', { command: 'resolint.server.renumberOperativeParagraphs', arguments: [{ uri: textDocument.uri }] }],
    ];
    for (const [method, params] of requests) {
      const answer = await client.request(method, params);
      assert.equal(answer.error, undefined, `${method}: ${JSON.stringify(answer.error)}`);
      assert.ok(answer.result === null || JSON.stringify(answer.result) === '{"data":[]}', `${method} answered ${JSON.stringify(answer.result)}`);
    }
    // A change and a close for it are ignored, and the change is logged.
    const from = client.logs.length;
    await client.notify('textDocument/didChange', { textDocument: { uri: textDocument.uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didClose', { textDocument });
    await inStep('a change to a document never opened');
    assert.ok(client.logsMatching(/Ignored a change to .*never-opened\.resolution: the document is not open/, from).length === 1);
  });

  it('answers positions far past the end, negative or huge, inside the document; refuses positions that are not numbers', async () => {
    const uri = uriOf('positions.resolution');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'resolution', version: 1, text: slipsText } });
    await client.diagnosticsFor(uri, 1);
    const lineCount = new LineIndex(slipsText).lineCount;
    const positions = [
      { line: 1_000_000_000, character: 1_000_000_000 },
      { line: 2 ** 31 - 1, character: 0 },
      { line: 0, character: 2 ** 31 - 1 },
      { line: -1, character: -5 },
      { line: 4.5, character: 2.25 },
    ];
    for (const position of positions) {
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/completion']) {
        const answer = await client.request(method, { textDocument: { uri }, position });
        assert.equal(answer.error, undefined, `${method} at ${JSON.stringify(position)}: ${JSON.stringify(answer.error)}`);
        for (const range of JSON.stringify(answer.result ?? null).matchAll(/"line":(-?\d+)/g)) assert.ok(Number(range[1]) >= 0 && Number(range[1]) < lineCount, `${method} at ${JSON.stringify(position)} answered a range outside the document`);
      }
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [], only: ['source'] } });
      assert.equal(actions.error, undefined);
    }
    const from = client.logs.length;
    for (const position of [{ line: 'one', character: 0 }, { line: null, character: null }, 'nowhere', { line: 1 }]) {
      const answer = await client.request('textDocument/hover', { textDocument: { uri }, position });
      assert.equal(answer.error?.code, -32602, `hover at ${JSON.stringify(position)}: ${JSON.stringify(answer)}`);
    }
    assert.equal(client.logsMatching(/^Rejected request \d+ \(InvalidParams\): Hover: .* is not a position/, from).length, 4, client.logs.slice(from).join('\n'));
  });

  it('follows changes out of range, reversed and out of order as the protocol reads them, and pushes the right diagnostics', async () => {
    const uri = uriOf('out-of-range.resolution');
    let document = TextDocument.create(uri, 'resolution', 1, slipsText);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'resolution', version: 1, text: slipsText } });
    const steps: ReadonlyArray<{ readonly version: number; readonly changes: TextDocumentContentChangeEvent[] }> = [
      // A range far past the end appends; a reversed range is read start-first; a huge character stops at the line's end.
      { version: 5, changes: [{ range: { start: { line: 1000, character: 0 }, end: { line: 2000, character: 5 } }, text: '\n\n4. Requests the Secretary-General to report;' }] },
      { version: 6, changes: [{ range: { start: { line: 6, character: 1 }, end: { line: 6, character: 0 } }, text: '2' }] },
      { version: 7, changes: [{ range: { start: { line: 0, character: 2 ** 31 - 1 }, end: { line: 0, character: 2 ** 31 - 1 } }, text: ' ' }] },
      // Versions that go back, and one used twice for two different texts.
      { version: 3, changes: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } }, text: 'Recallin' }] },
      { version: 3, changes: [{ text: `${slipsText}\n5. Decides to remain seized of the matter.\n` }] },
      { version: 300, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }] },
    ];
    const from = client.logs.length;
    for (const step of steps) {
      document = TextDocument.update(document, step.changes, step.version);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: step.version }, contentChanges: step.changes });
      const pushed = await client.diagnosticsFor(uri, step.version);
      // The same version twice: wait for the push of this text, not the earlier one.
      const expected = expectedDiagnostics(uri, document.getText());
      const last = pushed === undefined ? [] : pushedDiagnostics(pushed);
      if (JSON.stringify(last) !== JSON.stringify(expected)) {
        const again = await client.messages.waitFor(
          (message) => message.method === 'textDocument/publishDiagnostics' && (message.params as { uri: string }).uri === uri && JSON.stringify(pushedDiagnostics(message)) === JSON.stringify(expected),
          `diagnostics of version ${step.version} as the client has it`,
        );
        assert.deepEqual(pushedDiagnostics(again), expected);
      }
    }
    assert.equal(client.logsMatching(/has version 3 after version 7: applied, but versions should increase/, from).length, 1);
    assert.equal(client.logsMatching(/has version 3 after version 3/, from).length, 1);
    // Every feature reads the text as the client has it.
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const count = (outline: readonly OutlineSymbol[]): number => outline.reduce((sum, symbol) => sum + 1 + count(symbol.children), 0);
    // This client takes no hierarchy: the outline comes flat.
    assert.equal((symbols.result as unknown[]).length, count(documentSymbols(parse(document.getText()))));
  });

  it('takes 2,000 changes in a burst and pushes the last version\'s diagnostics, right', async () => {
    const uri = uriOf('burst.resolution');
    let document = TextDocument.create(uri, 'resolution', 1, slipsText);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'resolution', version: 1, text: slipsText } });
    await client.diagnosticsFor(uri, 1);
    const random = randomGenerator(2000);
    const frames: Buffer[] = [];
    for (let version = 2; version <= 2001; version++) {
      const text = document.getText();
      const start = document.positionAt(Math.floor(random() * (text.length + 1)));
      const end = random() < 0.4 ? document.positionAt(document.offsetAt(start) + Math.floor(random() * 4)) : start;
      const inserted = ['', 'a', ' ', '\n', '1. ', ';', 'Requests ', '[^1]', '(a) '][Math.floor(random() * 9)] ?? '';
      const changes = [{ range: { start, end }, text: inserted }];
      document = TextDocument.update(document, changes, version);
      frames.push(client.frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: changes } }));
    }
    const pushesBefore = client.messages.items.filter((message) => message.method === 'textDocument/publishDiagnostics').length;
    const started = Date.now();
    await client.write(Buffer.concat(frames));
    const last = await client.diagnosticsFor(uri, 2001, 30000);
    const elapsed = Date.now() - started;
    assert.deepEqual(pushedDiagnostics(last), expectedDiagnostics(uri, document.getText()));
    const pushes = client.messages.items.filter((message) => message.method === 'textDocument/publishDiagnostics').length - pushesBefore;
    figures.push(`2,000 changes in one write: last version's diagnostics after ${elapsed} ms, ${pushes} push${pushes === 1 ? '' : 'es'} of diagnostics in all (debounced)`);
    // Linted once at the last version (the bytes may arrive in a few reads, each ending a burst), never once a change.
    assert.ok(pushes <= 5, `${pushes} pushes for one burst`);
    const stats = await client.request('resolint/documentStats', { textDocument: { uri } });
    assert.equal(stats.error, undefined);
  });

  let bigUri = '';
  it('opens a 20 MB document, answers within reason, and stays within its memory bound', async function () {
    // Without the corpus: the slips draft, then one long draft of long paragraphs (as many paragraphs
    // per megabyte as the corpus has, not the hundreds of thousands of outline entries short drafts give).
    const words = 'the capacity of national criminal justice systems to prevent and combat transnational organized crime, '.repeat(9);
    const pieces = corpusTexts.length > 0 ? corpusTexts : [`Recalling ${words}\n`, `Recognizing ${words}\n`, `Urging ${words}\n`];
    let text = corpusTexts.length > 0 ? '' : `${slipsText}\nThe General Assembly,\n\n`;
    for (let index = 0; text.length < 20_000_000; index++) text += `${pieces[index % pieces.length] ?? ''}\n`;
    bigUri = uriOf('twenty-megabytes.resolution');
    const before = client.residentMegabytes();
    let started = Date.now();
    await client.notify('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'resolution', version: 1, text } });
    const pushed = await client.diagnosticsFor(bigUri, 1, 90000);
    const linted = Date.now() - started;
    assert.ok((pushed.params as { diagnostics: unknown[] }).diagnostics.length > 0);
    started = Date.now();
    const hover = await client.request('textDocument/hover', { textDocument: { uri: bigUri }, position: { line: 100000, character: 3 } }, 30000);
    const hovered = Date.now() - started;
    assert.equal(hover.error, undefined);
    started = Date.now();
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: bigUri } }, 30000);
    const outlined = Date.now() - started;
    assert.ok(Array.isArray(symbols.result) && symbols.result.length > 0);
    // A keystroke at the top: a new version, linted again.
    started = Date.now();
    await client.notify('textDocument/didChange', { textDocument: { uri: bigUri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
    await client.diagnosticsFor(bigUri, 2, 90000);
    const relinted = Date.now() - started;
    const resident = client.residentMegabytes();
    figures.push(
      `20 MB document (${(text.length / 1e6).toFixed(1)} M characters): diagnostics ${linted} ms after opening, hover ${hovered} ms, outline ${outlined} ms, diagnostics ${relinted} ms after a keystroke; ` +
        `resident memory ${before?.toFixed(0) ?? '?'} MB before, ${resident?.toFixed(0) ?? '?'} MB with it open (bound ${memoryBoundMegabytes} MB)`,
    );
    if (resident === undefined) this.skip(); // no /proc (not Linux): the timings still held
    assert.ok(resident < memoryBoundMegabytes, `resident memory ${resident} MB`);
  });

  it('honours $/cancelRequest: a cancelled request answers RequestCancelled (-32800) or normally, and never hangs', async () => {
    const uri = bigUri || uriOf('positions.resolution');
    const answers: string[] = [];
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/codeAction']) {
      const id = client.id();
      const params = method === 'textDocument/codeAction'
        ? { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.resolint'] } }
        : { textDocument: { uri } };
      // The request and its cancellation in one write: the cancellation arrives before the work is done.
      await client.write(Buffer.concat([client.frame({ jsonrpc: '2.0', id, method, params }), client.frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } })]));
      const answer = await client.response(id, 60000);
      assert.ok(answer.error === undefined || answer.error.code === -32800, `${method}: ${JSON.stringify(answer.error)}`);
      answers.push(`${method.replace('textDocument/', '')}: ${answer.error ? 'RequestCancelled' : 'answered'}`);
    }
    // A cancellation for a request long answered, or never sent, changes nothing.
    await client.notify('$/cancelRequest', { id: 1 });
    await client.notify('$/cancelRequest', { id: 'no-such-request' });
    await inStep('cancellations of requests that are not running');
    figures.push(`cancelled in the same write as the request, on the 20 MB document: ${answers.join(', ')}`);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('after all of it, still answers a fresh document rightly, has logged no crash, and has not exited', async () => {
    const uri = uriOf('fresh.resolution');
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'resolution', version: 1, text: slipsText } });
    const pushed = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(pushedDiagnostics(pushed), expectedDiagnostics(uri, slipsText));
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.equal(hover.error, undefined);
    assert.match(JSON.stringify(hover.result), /Recalling/);
    assert.ok(client.alive, 'the server is still running');
    assert.deepEqual(client.logsMatching(/^(Uncaught|Unhandled rejection)/), []);
    const shutdown = await client.request('shutdown');
    assert.equal(shutdown.error, undefined);
    const afterShutdown = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.equal(afterShutdown.error?.code, -32600, JSON.stringify(afterShutdown));
    await client.notify('exit');
    assert.equal(await client.exited, 0);
  });

  it('refuses a request before initialize with ServerNotInitialized (-32002), then initializes as usual', async () => {
    const early = RawLspClient.start();
    try {
      const refused = await early.request('textDocument/hover', { textDocument: { uri: 'file:///early.resolution' }, position: { line: 0, character: 0 } });
      assert.equal(refused.error?.code, -32002, JSON.stringify(refused));
      const initialized = await early.initialize();
      assert.equal(initialized.error, undefined);
      const answered = await early.request('textDocument/hover', { textDocument: { uri: 'file:///early.resolution' }, position: { line: 0, character: 0 } });
      assert.equal(answered.error, undefined);
    } finally {
      early.kill();
    }
  });

  it('a client that goes away without shutdown (its end of stdin closed) leaves no server behind: exit 1', async () => {
    const gone = RawLspClient.start();
    try {
      await gone.initialize();
      gone.child.stdin?.end();
      assert.equal(await gone.exited, 1);
    } finally {
      gone.kill();
    }
  });
});
