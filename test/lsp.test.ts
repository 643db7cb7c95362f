// Round trips with the bundled language server over real JSON-RPC on stdio.
// Tests marked "(needs rules: …)" are skipped until those rules are registered in the core.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DocumentDiagnosticReportKind, MessageType, TextDocumentSyncKind, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules, ruleDocUrl } from '../server/src/core/index';
import { warmUpMinimumLength } from '../server/src/lsp/keystroke-warm-up';
import { LspTestClient, lspFixtures } from './lsp/test-client';

const slipsText = fs.readFileSync(path.join(lspFixtures, 'slips.resolution'), 'utf8');

/** Skips the test until the core registers every rule it needs. */
function needsRules(context: Mocha.Context, ...ruleIds: string[]): void {
  const missing = ruleIds.filter((id) => !allRules.some((rule) => rule.id === id));
  if (missing.length > 0) context.skip();
}

/** The diagnostics with this code, as "line: covered text" so failures read like the draft. */
/**
 * The diagnostics of the document `uri`, with the places they point to in that same document named
 * "this document": two documents of one text are then flagged alike, whatever their names.
 */
function inOwnDocument(diagnostics: readonly Diagnostic[], uri: string): unknown[] {
  return diagnostics.map((diagnostic) => ({
    ...diagnostic,
    ...(diagnostic.relatedInformation
      ? { relatedInformation: diagnostic.relatedInformation.map((place) => ({ ...place, location: { ...place.location, uri: place.location.uri === uri ? 'this document' : place.location.uri } })) }
      : {}),
  }));
}

function flagged(document: TextDocument, diagnostics: readonly Diagnostic[], code: string): string[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code).map((diagnostic) => `${diagnostic.range.start.line}: ${document.getText(diagnostic.range)}`);
}

/** Diagnostics may carry markup since LSP 3.18; this server sends plain strings. */
function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** The client's copy of a document, kept in step with the changes sent, to read ranges back. */
class ClientDocument {
  document: TextDocument;

  constructor(readonly uri: string, text: string) {
    this.document = TextDocument.create(uri, 'resolution', 1, text);
  }

  async open(client: LspTestClient): Promise<void> {
    await client.open(this.uri, this.document.getText(), this.document.version);
  }

  async edit(client: LspTestClient, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = this.document.version + 1;
    this.document = TextDocument.update(this.document, changes, version);
    await client.change(this.uri, version, changes);
    return version;
  }
}

describe('language server (stdio)', function () {
  const clients: LspTestClient[] = [];
  let workspace: string;
  const uriOf = (name: string): string => pathToFileURL(path.join(workspace, name)).href;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-lsp-'));
  });

  after(() => {
    for (const client of clients) client.dispose();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function start(options: Parameters<typeof LspTestClient.start>[0] = {}): ReturnType<typeof LspTestClient.start> {
    const started = await LspTestClient.start(options);
    clients.push(started.client);
    return started;
  }

  describe('initialize', () => {
    it('announces incremental text sync, and no diagnostic provider to a client that does not pull', async () => {
      const { initializeResult } = await start();
      assert.deepEqual(initializeResult.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
      assert.equal(initializeResult.capabilities.diagnosticProvider, undefined);
      assert.equal(initializeResult.serverInfo?.name, 'resolint');
    });

    it('announces a diagnostic provider to a client that pulls', async () => {
      const { initializeResult } = await start({ pullDiagnostics: true });
      assert.equal(initializeResult.capabilities.textDocumentSync && typeof initializeResult.capabilities.textDocumentSync === 'object'
        ? initializeResult.capabilities.textDocumentSync.change
        : undefined, TextDocumentSyncKind.Incremental);
      assert.deepEqual(initializeResult.capabilities.diagnosticProvider, {
        identifier: 'resolint',
        interFileDependencies: false,
        workspaceDiagnostics: false,
      });
    });
  });

  describe('pushed diagnostics', () => {
    let client: LspTestClient;
    /** What the test client answers to workspace/configuration, per document URI. */
    const clientSettings = new Map<string, unknown>();

    before(async () => {
      ({ client } = await start({ configuration: (item) => clientSettings.get(item.scopeUri ?? '') ?? null }));
    });

    it('arrive on open for the right URI and version, each with source and code', async () => {
      const draft = new ClientDocument(uriOf('open.resolution'), slipsText);
      await draft.open(client);
      const published = await client.diagnosticsFor(draft.uri, 1);
      assert.equal(published.uri, draft.uri);
      assert.equal(published.version, 1);
      for (const diagnostic of published.diagnostics) {
        assert.equal(diagnostic.source, 'resolint');
        assert.equal(typeof diagnostic.code, 'string');
      }
    });

    it('flag the slips of the draft (needs rules: operative-numbering, operative-verb)', async function () {
      needsRules(this, 'operative-numbering', 'operative-verb');
      const draft = new ClientDocument(uriOf('slips.resolution'), slipsText);
      await draft.open(client);
      const { diagnostics } = await client.diagnosticsFor(draft.uri, 1);
      assert.deepEqual(flagged(draft.document, diagnostics, 'operative-numbering'), ['6: 3.']);
      assert.deepEqual(flagged(draft.document, diagnostics, 'operative-verb'), ['6: Urging']);
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.codeDescription?.href, ruleDocUrl(String(diagnostic.code)));
        // Only what an editor shows: no `data` (the fixes are the server's to work out), sent again on every keystroke.
        assert.deepEqual(Object.keys(diagnostic).filter((key) => key !== 'relatedInformation'), ['range', 'severity', 'code', 'codeDescription', 'source', 'message']);
      }
    });

    it('follow incremental changes, latest version only', async () => {
      const draft = new ClientDocument(uriOf('typing.resolution'), slipsText);
      await draft.open(client);
      await client.diagnosticsFor(draft.uri, 1);
      const second = await draft.edit(client, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } }, text: '2' }]);
      assert.equal((await client.diagnosticsFor(draft.uri, second)).version, 2);
      // Three quick keystrokes: whatever is pushed in between, nothing older may follow something newer.
      await draft.edit(client, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
      await draft.edit(client, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
      const last = await draft.edit(client, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
      await client.diagnosticsFor(draft.uri, last);
      const versions = client.diagnostics.items.filter((params) => params.uri === draft.uri).map((params) => params.version ?? 0);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `pushed versions in order: ${versions.join(', ')}`);
      assert.equal(new Set(versions).size, versions.length, `one push per version: ${versions.join(', ')}`);
    });

    it('follow a replace-all: many changes in one notification, last first, and the same in another order', async () => {
      const draft = new ClientDocument(uriOf('replace-all.resolution'), slipsText);
      await draft.open(client);
      await client.diagnosticsFor(draft.uri, 1);
      const lines = draft.document.getText().split('\n');
      // A line break before every line, and "the" made "THE the" wherever it stands: last first, as VS Code sends them.
      const lastFirst: TextDocumentContentChangeEvent[] = [];
      lines.forEach((line, index) => {
        lastFirst.push({ range: { start: { line: index, character: 0 }, end: { line: index, character: 0 } }, text: '\n' });
        for (let at = line.indexOf('the'); at >= 0; at = line.indexOf('the', at + 1)) {
          lastFirst.push({ range: { start: { line: index, character: at }, end: { line: index, character: at + 3 } }, text: 'THE the' });
        }
      });
      lastFirst.reverse();
      assert.ok(lastFirst.length >= 10, `${lastFirst.length} changes`);
      // What the server makes of the text must be the client's: a fresh document of the same text is flagged the same.
      const flaggedAsFresh = async (version: number): Promise<void> => {
        const pushed = await client.diagnosticsFor(draft.uri, version);
        const fresh = new ClientDocument(uriOf(`replace-all-fresh-${version}.resolution`), draft.document.getText());
        await fresh.open(client);
        assert.ok(pushed.diagnostics.length > 0);
        assert.deepEqual(inOwnDocument(pushed.diagnostics, draft.uri), inOwnDocument((await client.diagnosticsFor(fresh.uri, 1)).diagnostics, fresh.uri));
      };
      await flaggedAsFresh(await draft.edit(client, lastFirst));
      // First to last: each range then in the text the earlier changes left (the server applies these one by one).
      await flaggedAsFresh(await draft.edit(client, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n' },
      ]));
    });

    it('follow a long draft typed into at once, while the server warms up for it', async () => {
      const paragraphs = Array.from({ length: 2500 }, (_, index) => `${index + 4}. Requests the Secretary-General to report to the General Assembly at its eighty-first session;`);
      const draft = new ClientDocument(uriOf('long.resolution'), `${slipsText}\n${paragraphs.join('\n\n')}\n`);
      assert.ok(draft.document.getText().length >= warmUpMinimumLength);
      await draft.open(client);
      // Not waiting for the opening's diagnostics: the changes arrive while the warm-up runs (keystroke-warm-up.ts).
      let version = 1;
      for (const line of [4, 40, 2000, 4000, 4]) {
        version = await draft.edit(client, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
      }
      const pushed = await client.diagnosticsFor(draft.uri, version);
      const fresh = new ClientDocument(uriOf('long-fresh.resolution'), draft.document.getText());
      await fresh.open(client);
      assert.ok(pushed.diagnostics.length >= 5);
      assert.deepEqual(inOwnDocument(pushed.diagnostics, draft.uri), inOwnDocument((await client.diagnosticsFor(fresh.uri, 1)).diagnostics, fresh.uri));
    });

    it('move with incremental edits (needs rules: operative-numbering, operative-verb)', async function () {
      needsRules(this, 'operative-numbering', 'operative-verb');
      const draft = new ClientDocument(uriOf('edits.resolution'), slipsText);
      await draft.open(client);
      await client.diagnosticsFor(draft.uri, 1);
      const renumbered = await draft.edit(client, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } }, text: '2' }]);
      const afterRenumbering = await client.diagnosticsFor(draft.uri, renumbered);
      assert.deepEqual(flagged(draft.document, afterRenumbering.diagnostics, 'operative-numbering'), []);
      assert.deepEqual(flagged(draft.document, afterRenumbering.diagnostics, 'operative-verb'), ['6: Urging']);
      const shifted = await draft.edit(client, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
      const afterShift = await client.diagnosticsFor(draft.uri, shifted);
      assert.deepEqual(flagged(draft.document, afterShift.diagnostics, 'operative-verb'), ['7: Urging']);
    });

    it('are cleared when the document closes', async () => {
      const draft = new ClientDocument(uriOf('closed.resolution'), slipsText);
      await draft.open(client);
      await client.diagnosticsFor(draft.uri, 1);
      const from = client.diagnostics.items.length;
      await client.close(draft.uri);
      const cleared = await client.diagnostics.waitFor((params) => params.uri === draft.uri, 'after close', from);
      assert.deepEqual(cleared.diagnostics, []);
    });

    it('come from settings read with workspace/configuration, section "resolint", scoped to the document', async () => {
      const draft = new ClientDocument(uriOf('configured.resolution'), slipsText);
      await draft.open(client);
      await client.diagnosticsFor(draft.uri, 1);
      await client.configurationRequests.waitFor((item) => item.scopeUri === draft.uri && item.section === 'resolint', `for ${draft.uri}`);
    });

    it('lose a rule the client settings turn off (needs rules: operative-numbering, operative-verb)', async function () {
      needsRules(this, 'operative-numbering', 'operative-verb');
      const draft = new ClientDocument(uriOf('rule-off.resolution'), slipsText);
      await draft.open(client);
      const before = await client.diagnosticsFor(draft.uri, 1);
      assert.deepEqual(flagged(draft.document, before.diagnostics, 'operative-verb'), ['6: Urging']);
      clientSettings.set(draft.uri, { rules: { 'operative-verb': 'off' } });
      const from = client.diagnostics.items.length;
      await client.configurationChanged();
      const after = await client.diagnostics.waitFor((params) => params.uri === draft.uri, 'after the configuration changed', from);
      assert.deepEqual(flagged(draft.document, after.diagnostics, 'operative-verb'), []);
      assert.deepEqual(flagged(draft.document, after.diagnostics, 'operative-numbering'), ['6: 3.']);
    });

    it('survive bad client settings, which are shown once as a warning naming the setting', async () => {
      const draft = new ClientDocument(uriOf('bad-client-settings.resolution'), slipsText);
      clientSettings.set(draft.uri, { mode: 'sloppy' });
      await draft.open(client);
      await client.diagnosticsFor(draft.uri, 1);
      const isAboutMode = (message: { type: MessageType; message: string }): boolean =>
        message.type === MessageType.Warning && message.message.includes('resolint.mode') && message.message.includes('"sloppy"');
      await client.messages.waitFor(isAboutMode, 'about resolint.mode');
      const from = client.diagnostics.items.length;
      await client.configurationChanged();
      await client.diagnostics.waitFor((params) => params.uri === draft.uri, 'after the configuration changed', from);
      assert.equal(client.messages.items.filter(isAboutMode).length, 1);
    });

    it('survive a change to a document that was never opened, and odd text', async () => {
      await client.change(uriOf('never-opened.resolution'), 2, [{ text: 'whatever' }]);
      const odd = new ClientDocument(uriOf('odd.resolution'), '\u0000\uFFFD\r\r\n\t1.\n'.repeat(500) + '[^');
      await odd.open(client);
      await client.diagnosticsFor(odd.uri, 1);
    });
  });

  describe('a client slow to answer workspace/configuration', () => {
    it('gets each version it typed to the end published once, not once per keystroke that waited', async () => {
      const { client: slow } = await start({ configuration: () => null, configurationDelayMs: 400 });
      {
        const uri = uriOf('slow-configuration.resolution');
        await slow.open(uri, slipsText);
        // Five keys while the answer is awaited, then the settings change and three more.
        for (let version = 2; version <= 6; version++) await slow.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
        await slow.configurationChanged();
        for (let version = 7; version <= 9; version++) await slow.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
        await slow.diagnosticsFor(uri, 9);
        await new Promise((resolve) => setTimeout(resolve, 600));
        const versions = slow.diagnostics.items.filter((params) => params.uri === uri).map((params) => params.version);
        assert.equal(new Set(versions).size, versions.length, `published versions: ${versions.join(', ')}`);
      }
    });
  });

  describe('pulled diagnostics', () => {
    let client: LspTestClient;

    before(async () => {
      ({ client } = await start({ pullDiagnostics: true }));
    });

    it('textDocument/diagnostic returns a full report, then "unchanged"; nothing is pushed', async () => {
      const draft = new ClientDocument(uriOf('pulled.resolution'), slipsText);
      await draft.open(client);
      const report = await client.pullDiagnostics(draft.uri);
      assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
      assert.ok(report.kind === DocumentDiagnosticReportKind.Full && Array.isArray(report.items));
      assert.equal(typeof report.resultId, 'string');
      const again = await client.pullDiagnostics(draft.uri, report.resultId);
      assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId });
      // A push for the open would have been sent before the pull's answer, on the same stream.
      assert.deepEqual(client.diagnostics.items, []);
    });

    it('the pulled report flags the slips (needs rules: operative-numbering, operative-verb)', async function () {
      needsRules(this, 'operative-numbering', 'operative-verb');
      const draft = new ClientDocument(uriOf('pulled-slips.resolution'), slipsText);
      await draft.open(client);
      const report = await client.pullDiagnostics(draft.uri);
      assert.ok(report.kind === DocumentDiagnosticReportKind.Full);
      assert.deepEqual(flagged(draft.document, report.items, 'operative-numbering'), ['6: 3.']);
      assert.deepEqual(flagged(draft.document, report.items, 'operative-verb'), ['6: Urging']);
    });

    it('a document that is not open gets an empty report', async () => {
      const report = await client.pullDiagnostics(uriOf('not-open.resolution'));
      assert.deepEqual(report, { kind: DocumentDiagnosticReportKind.Full, items: [] });
    });

    it('a settings change asks the client to refresh (workspace/diagnostic/refresh)', async () => {
      const from = client.refreshRequests.items.length;
      await client.configurationChanged();
      await client.refreshRequests.waitFor(() => true, 'after the configuration changed', from);
    });
  });

  describe('settings file', () => {
    let client: LspTestClient;

    before(async () => {
      // No configuration capability: the settings file alone applies.
      ({ client } = await start({ dynamicRegistration: true }));
    });

    it('registers a watcher for .resolintrc.json', async () => {
      const registration = await client.registrations.waitFor((item) => item.method === 'workspace/didChangeWatchedFiles', 'for watched files');
      assert.deepEqual(registration.registerOptions, { watchers: [{ globPattern: '**/.resolintrc.json' }] });
    });

    it('when broken, gives one "settings" diagnostic at line 0 and one warning; fixed and watched, it goes away', async () => {
      const folder = fs.mkdtempSync(path.join(workspace, 'broken-'));
      const settingsPath = path.join(folder, '.resolintrc.json');
      fs.writeFileSync(settingsPath, JSON.stringify({ mode: 'sloppy', rules: { 'no-such-rule': 'off' } }));
      const drafts = ['a.resolution', 'b.resolution'].map((name) => new ClientDocument(pathToFileURL(path.join(folder, name)).href, slipsText));
      for (const draft of drafts) await draft.open(client);
      for (const draft of drafts) {
        const { diagnostics } = await client.diagnosticsFor(draft.uri, 1);
        const settingsDiagnostics = diagnostics.filter((diagnostic) => diagnostic.code === 'settings');
        assert.equal(settingsDiagnostics.length, 1, JSON.stringify(diagnostics));
        // As the command line, the draft is not linted with it: the settings diagnostic alone, no finding under settings nobody chose.
        assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['settings']);
        const [settingsDiagnostic] = settingsDiagnostics;
        assert.ok(settingsDiagnostic);
        assert.equal(settingsDiagnostic.range.start.line, 0);
        assert.equal(settingsDiagnostic.range.end.line, 0);
        assert.equal(settingsDiagnostic.severity, DiagnosticSeverity.Error);
        assert.match(messageOf(settingsDiagnostic), /\$\.mode: expected one of "final", "negotiation", found "sloppy"/);
        assert.match(messageOf(settingsDiagnostic), /\$\.rules\.no-such-rule: unknown rule id/);
        assert.ok(messageOf(settingsDiagnostic).includes(settingsPath), messageOf(settingsDiagnostic));
      }
      const warnings = client.messages.items.filter((message) => message.message.includes(settingsPath));
      assert.equal(warnings.length, 1, JSON.stringify(client.messages.items));

      fs.writeFileSync(settingsPath, JSON.stringify({ mode: 'negotiation' }));
      const from = client.diagnostics.items.length;
      await client.watchedFileChanged(pathToFileURL(settingsPath).href);
      for (const draft of drafts) {
        const after = await client.diagnostics.waitFor((params) => params.uri === draft.uri, 'after the settings file was fixed', from);
        assert.deepEqual(after.diagnostics.filter((diagnostic) => diagnostic.code === 'settings'), []);
        assert.ok(after.diagnostics.length > 0, 'linted again once the file is mended');
      }
    });

    it('that is not JSON gives a "settings" diagnostic saying so', async () => {
      const folder = fs.mkdtempSync(path.join(workspace, 'not-json-'));
      fs.writeFileSync(path.join(folder, '.resolintrc.json'), '{ "mode": ');
      const draft = new ClientDocument(pathToFileURL(path.join(folder, 'draft.resolution')).href, slipsText);
      await draft.open(client);
      const { diagnostics } = await client.diagnosticsFor(draft.uri, 1);
      const settingsDiagnostic = diagnostics.find((diagnostic) => diagnostic.code === 'settings');
      assert.ok(settingsDiagnostic, JSON.stringify(diagnostics));
      assert.deepEqual(settingsDiagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'The General Assembly,'.length } });
      assert.match(messageOf(settingsDiagnostic), /\$: not valid JSON/);
    });
  });

  describe('lifecycle', () => {
    it('shutdown then exit ends the process with code 0', async () => {
      const { client } = await start();
      assert.equal(await client.shutdownAndExit(), 0);
    });
  });
});
