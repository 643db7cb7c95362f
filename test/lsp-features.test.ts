// The editing features over real JSON-RPC on stdio, against the bundled server: on the founding
// document (A/RES/61/181 as copied from its PDF) and on a canonical draft with a few slips.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type LocationLink,
  type Location,
  type Position,
  type SemanticTokens,
  type SemanticTokensDelta,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { convertToDraftFormat, parse, renderModel } from '../server/src/core/index';
import { wordDocumentText } from '../server/src/node/docx-import';
import { wordDocument } from '../server/src/node/docx';
import { LspTestClient, lspFixtures } from './lsp/test-client';
import { corpusFolder } from './support/shared';

const foundingPath = path.join(corpusFolder, 'A_RES_61_181.txt');
const draftText = fs.readFileSync(path.join(lspFixtures, 'features.resolution'), 'utf8');
const crossReferenceText = fs.readFileSync(path.join(lspFixtures, 'cross-reference.resolution'), 'utf8');
/** A negotiation draft: an inserted "2 bis." and a cross-reference to the paragraph after it. */
const negotiationText = crossReferenceText
  .replace('3. Invites', '2 bis. Invites')
  .replace('4. Urges', '3. Urges')
  .replace('5. Welcomes', '4. Welcomes')
  .replace('6. Recalls paragraph 5 above', '5. Recalls paragraph 3 above');

/** The client's copy of an open document, to find positions and apply the server's edits. */
class OpenDocument {
  document: TextDocument;

  constructor(readonly uri: string, text: string) {
    this.document = TextDocument.create(uri, 'resolution', 1, text);
  }

  get text(): string {
    return this.document.getText();
  }

  /** The position of the n-th (0-based) occurrence of `needle`, plus `shift` characters. */
  positionOf(needle: string, shift = 0, occurrence = 0): Position {
    let index = -1;
    for (let seen = 0; seen <= occurrence; seen++) index = this.text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `no ${JSON.stringify(needle)} in ${this.uri}`);
    return this.document.positionAt(index + shift);
  }

  textAt(range: { start: Position; end: Position }): string {
    return this.document.getText(range);
  }

  /** Applies a workspace edit of this document here and sends the result to the server as a new version. */
  async apply(client: LspTestClient, edit: WorkspaceEdit | undefined): Promise<number> {
    const edits = editsOf(edit, this.uri);
    const text = TextDocument.applyEdits(this.document, edits);
    const version = this.document.version + 1;
    this.document = TextDocument.create(this.uri, 'resolution', version, text);
    await client.change(this.uri, version, [{ text }]);
    return version;
  }
}

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  assert.ok(edit, 'no edit');
  if (edit.changes) return edit.changes[uri] ?? [];
  return (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits.filter((item): item is TextEdit => 'range' in item) : []));
}

const onlyDigitsAndSpace = /^[\d\s]*$/;

function words(text: string): string[] {
  return text.replace(/\d/g, ' ').split(/\s+/).filter((word) => word !== '');
}

describe('language server features (stdio)', function () {
  let client: LspTestClient;
  let initializeResult: InitializeResult;
  let draft: OpenDocument;
  let founding: OpenDocument | undefined;
  let crossReferences: OpenDocument;
  let serial = 0;
  const uriOf = (name: string): string => `untitled:${name}-${++serial}.resolution`;

  /** Opens a fresh copy of `text` and waits for its first diagnostics, so the server holds it. */
  async function open(name: string, text: string): Promise<{ document: OpenDocument; diagnostics: Diagnostic[] }> {
    const document = new OpenDocument(uriOf(name), text);
    await client.open(document.uri, text);
    const { diagnostics } = await client.diagnosticsFor(document.uri, 1);
    return { document, diagnostics };
  }

  const params = (document: OpenDocument, extra: object = {}): object => ({ textDocument: { uri: document.uri }, ...extra });

  before(async () => {
    ({ client, initializeResult } = await LspTestClient.start({ editorFeatures: true }));
    draft = (await open('draft', draftText)).document;
    crossReferences = (await open('cross-reference', crossReferenceText)).document;
    if (fs.existsSync(foundingPath)) founding = (await open('founding', fs.readFileSync(foundingPath, 'utf8'))).document;
  });

  after(() => client.dispose());

  function needsFounding(context: Mocha.Context): OpenDocument {
    if (!founding) context.skip();
    return founding as OpenDocument;
  }

  it('announces every editing capability', () => {
    const capabilities = initializeResult.capabilities;
    for (const provider of ['documentSymbolProvider', 'foldingRangeProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'documentFormattingProvider', 'documentLinkProvider'] as const) {
      assert.ok(capabilities[provider], `${provider} missing`);
    }
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['^', ' ']);
    assert.deepEqual(capabilities.semanticTokensProvider?.legend.tokenTypes, ['opener', 'paragraphNumber', 'subparagraphLabel', 'footnoteReference']);
    const codeActionProvider = capabilities.codeActionProvider;
    assert.ok(typeof codeActionProvider === 'object');
    for (const kind of [CodeActionKind.QuickFix, CodeActionKind.Source, 'source.fixAll.resolint']) assert.ok(codeActionProvider.codeActionKinds?.includes(kind), kind);
    for (const kind of ['source.finalizeNumbering.resolint', 'source.convertToDraftFormat.resolint']) assert.ok(codeActionProvider.codeActionKinds?.includes(kind), kind);
    assert.deepEqual(capabilities.executeCommandProvider?.commands, [
      'resolint.server.renumberOperativeParagraphs',
      'resolint.server.renumberFootnotes',
      'resolint.server.finalizeNumbering',
      'resolint.server.convertToDraftFormat',
    ]);
  });

  describe('code actions', () => {
    it('a quick fix turns "Urging" into "Urges"; applied, the finding is gone', async () => {
      const { document, diagnostics } = await open('urging', draftText);
      const urging = diagnostics.find((diagnostic) => diagnostic.code === 'operative-verb');
      assert.ok(urging, JSON.stringify(diagnostics));
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: urging.range, context: { diagnostics: [urging] } }));
      const fix = actions.find((action) => action.kind === CodeActionKind.QuickFix && action.diagnostics?.[0]?.code === 'operative-verb');
      assert.ok(fix, JSON.stringify(actions));
      assert.equal(fix.isPreferred, true);
      const version = await document.apply(client, fix.edit);
      assert.ok(document.text.includes('2. Urges States to develop'));
      const after = await client.diagnosticsFor(document.uri, version);
      assert.deepEqual(after.diagnostics.filter((diagnostic) => diagnostic.code === 'operative-verb'), []);
    });

    it('source.fixAll.resolint fixes every fixable finding', async () => {
      const { document, diagnostics } = await open('fix-all', draftText);
      const start = { line: 0, character: 0 };
      /** The quick fixes the server offers anywhere in the document as it is now. */
      const quickFixesEverywhere = async (shown: Diagnostic[]): Promise<string[]> => {
        const end = document.document.positionAt(document.text.length);
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: { start, end }, context: { diagnostics: shown, only: ['quickfix'] } }));
        return actions.map((action) => action.title);
      };
      assert.notDeepEqual(await quickFixesEverywhere(diagnostics), [], 'the draft has fixable findings to begin with');
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: { start, end: start }, context: { diagnostics: [], only: ['source.fixAll.resolint'] } }));
      assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.resolint']);
      const version = await document.apply(client, actions[0]?.edit);
      assert.ok(document.text.includes('2. Urges States') && document.text.includes('3. Requests the Secretary-General'), document.text);
      const after = await client.diagnosticsFor(document.uri, version);
      // Nothing left to fix: the server offers no quick fix anywhere in the fixed text.
      const quickFixes = await quickFixesEverywhere(after.diagnostics);
      assert.deepEqual(quickFixes, []);
    });

    it('"source" offers the renumbering source actions, and no converting of a draft that is only hard-wrapped', async () => {
      const start = { line: 0, character: 0 };
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', params(draft, { range: { start, end: start }, context: { diagnostics: [], only: [CodeActionKind.Source] } }));
      // A hard-wrapped draft is in the draft format (format.md): joining its lines is no conversion.
      assert.deepEqual(actions.map((action) => action.title), ['Fix all Resolint problems', 'Renumber operative paragraphs']);
      assert.deepEqual(editsOf(actions[1]?.edit, draft.uri).map((edit) => [draft.textAt(edit.range), edit.newText]), [['4', '3']]);
    });

    it('"Finalize numbering" (source.finalizeNumbering.resolint) turns "2 bis." into plain numbers; the cross-reference follows', async () => {
      const { document } = await open('finalize', negotiationText);
      const start = { line: 0, character: 0 };
      const offered = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: { start, end: start }, context: { diagnostics: [], only: [CodeActionKind.Source] } }));
      assert.ok(offered.some((action) => action.kind === 'source.finalizeNumbering.resolint'), JSON.stringify(offered.map((action) => action.kind)));
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: { start, end: start }, context: { diagnostics: [], only: ['source.finalizeNumbering.resolint'] } }));
      assert.deepEqual(actions.map((action) => [action.kind, action.title]), [['source.finalizeNumbering.resolint', 'Finalize numbering']]);
      await document.apply(client, actions[0]?.edit);
      assert.deepEqual(document.text.split('\n').filter((line) => /^\d/.test(line)).map((line) => line.split(' ').slice(0, 2).join(' ')), [
        '1. Decides', '2. Requests', '3. Invites', '4. Urges', '5. Welcomes', '6. Recalls',
      ]);
      assert.match(document.text, /6\. Recalls paragraph 4 above/);
      // Final numbers: nothing left to finalize.
      const after = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: { start, end: start }, context: { diagnostics: [], only: ['source.finalizeNumbering.resolint'] } }));
      assert.deepEqual(after, []);
    });

    it('resolint.server.finalizeNumbering asks the client to apply the same edits', async () => {
      const { document } = await open('finalize-command', negotiationText);
      const from = client.appliedEdits.items.length;
      const result = await client.request<{ changed: number; applied: boolean }>('workspace/executeCommand', {
        command: 'resolint.server.finalizeNumbering',
        arguments: [{ uri: document.uri, version: 1 }],
      });
      assert.equal(result.applied, true);
      const applied = await client.appliedEdits.waitFor(() => true, 'for finalizing', from);
      assert.deepEqual(editsOf(applied.edit, document.uri).map((edit) => [document.textAt(edit.range), edit.newText]), [['2 bis.', '3.'], ['3', '4'], ['4', '5'], ['5', '6'], ['3', '4']]);
    });

    it('"Convert to draft format" keeps a CRLF document\'s line endings, as the command line\'s --import does', async function () {
      const founding = needsFounding(this);
      const crlf = founding.text.replace(/\r?\n/g, '\r\n');
      const { document } = await open('convert-crlf', crlf);
      const start = { line: 0, character: 0 };
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: { start, end: start }, context: { diagnostics: [], only: ['source.convertToDraftFormat.resolint'] } }));
      const [edit] = editsOf(actions[0]?.edit, document.uri);
      assert.ok(edit && edit.newText.includes('\r\n'));
      // Every line break is "\r\n": none bare.
      assert.equal(edit.newText.replace(/\r\n/g, '').includes('\n'), false);
    });

    it('"Convert to draft format" (source.convertToDraftFormat.resolint) rewrites the founding document with [^1] … [^6]', async function () {
      const founding = needsFounding(this);
      const { document } = await open('convert', founding.text);
      const start = { line: 0, character: 0 };
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: { start, end: start }, context: { diagnostics: [], only: ['source.convertToDraftFormat.resolint'] } }));
      assert.deepEqual(actions.map((action) => [action.kind, action.title]), [['source.convertToDraftFormat.resolint', 'Convert to draft format']]);
      const edits = editsOf(actions[0]?.edit, document.uri);
      assert.equal(edits.length, 1);
      assert.equal(document.textAt(edits[0]!.range), founding.text, 'the edit replaces the whole document');
      const version = await document.apply(client, actions[0]?.edit);
      const converted = document.text;
      assert.deepEqual([...new Set(converted.match(/\[\^\d+\](?!:)/g))].sort(), ['[^1]', '[^2]', '[^3]', '[^4]', '[^5]', '[^6]']);
      assert.deepEqual(converted.match(/^\[\^\d+\]:/gm), ['[^1]:', '[^2]:', '[^3]:', '[^4]:', '[^5]:', '[^6]:']);
      await client.diagnosticsFor(document.uri, version);
      // The canonical draft converts to itself: nothing more is offered.
      const again = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: { start, end: start }, context: { diagnostics: [], only: ['source.convertToDraftFormat.resolint'] } }));
      assert.deepEqual(again, []);
    });
  });

  describe('hover', () => {
    it('on a footnote reference shows its text', async () => {
      const hover = await client.request<Hover | null>('textDocument/hover', params(draft, { position: draft.positionOf('[^1]', 2) }));
      assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, JSON.stringify(hover));
      assert.match(hover.contents.value, /Footnote 1\*\*: Resolution 61\/181\./);
      assert.equal(draft.textAt(hover.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), '[^1]');
    });

    it('on a footnote reference of the founding document (a digit glued to a word) shows its text', async function () {
      const document = needsFounding(this);
      const hover = await client.request<Hover | null>('textDocument/hover', params(document, { position: document.positionOf('Corruption2', 'Corruption'.length) }));
      assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, JSON.stringify(hover));
      assert.match(hover.contents.value, /Resolution 58\/4, annex\./);
    });

    it('on an opener shows its paired form', async () => {
      const hover = await client.request<Hover | null>('textDocument/hover', params(draft, { position: draft.positionOf('Recalling', 3) }));
      assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
      assert.match(hover.contents.value, /\*\*Recalling\*\* \(preambular\) — operative form: \*Recalls\*/);
    });

    it('to a client that reads no Markdown, in plain text without asterisks', async () => {
      const { client: plain } = await LspTestClient.start();
      try {
        await plain.open(draft.uri, draft.text);
        const hover = await plain.request<Hover | null>('textDocument/hover', params(draft, { position: draft.positionOf('Recalling', 3) }));
        assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents, JSON.stringify(hover));
        assert.equal(hover.contents.kind, 'plaintext');
        assert.match(hover.contents.value, /^Recalling \(preambular\) — operative form: Recalls/);
      } finally {
        plain.dispose();
      }
    });

    it('on plain words: null', async () => {
      assert.equal(await client.request<Hover | null>('textDocument/hover', params(draft, { position: draft.positionOf('December') })), null);
    });
  });

  describe('definition and references', () => {
    it('from "[^2]" to "[^2]:"', async () => {
      const links = await client.request<LocationLink[]>('textDocument/definition', params(draft, { position: draft.positionOf('[^2]', 1) }));
      assert.deepEqual(links.map((link) => draft.textAt(link.targetSelectionRange)), ['[^2]:']);
      const origin = links[0]?.originSelectionRange;
      assert.ok(origin);
      assert.equal(draft.textAt(origin), '[^2]');
    });

    it('from a footnote text to every reference', async () => {
      const locations = await client.request<Location[]>('textDocument/references', params(draft, { position: draft.positionOf('A/81/179'), context: { includeDeclaration: false } }));
      assert.deepEqual(locations.map((location) => draft.textAt(location.range)), ['[^2]', '[^2]']);
    });

    it('from "paragraph 5 above" to paragraph 5, and back (pending until the parser reads cross-references)', async function () {
      if (parse(crossReferenceText).crossReferences.length === 0) this.skip();
      const links = await client.request<LocationLink[]>('textDocument/definition', params(crossReferences, { position: crossReferences.positionOf('5 above') }));
      assert.deepEqual(links.map((link) => crossReferences.textAt(link.targetSelectionRange)), ['5.']);
      const target = links[0]?.targetRange;
      assert.ok(target && crossReferences.textAt(target).startsWith('5. Welcomes the report;'));
      const back = await client.request<Location[]>('textDocument/references', params(crossReferences, { position: crossReferences.positionOf('5. Welcomes'), context: { includeDeclaration: false } }));
      assert.deepEqual(back.map((location) => crossReferences.textAt(location.range)), ['5']);
      assert.equal(back[0]?.range.start.line, crossReferences.positionOf('5 above').line);
    });
  });

  describe('completion', () => {
    it('at the start of an operative paragraph offers operative verbs, not participles', async () => {
      const list = await client.request<CompletionList>('textDocument/completion', params(draft, { position: draft.positionOf('4. Requests', 3) }));
      const labels = list.items.map((item: CompletionItem) => item.label);
      for (const label of ['Requests', 'Urges', 'Decides', 'Takes note']) assert.ok(labels.includes(label), label);
      for (const label of ['Requesting', 'Urging', 'Recalling']) assert.ok(!labels.includes(label), label);
    });

    it('after "[^" offers the footnote numbers and the next free one', async () => {
      const { document } = await open('footnote-completion', draftText.replace('[^2]\n\n2.', '[^\n\n2.'));
      const list = await client.request<CompletionList>('textDocument/completion', params(document, { position: document.positionOf('[^\n', 2), context: { triggerKind: 2, triggerCharacter: '^' } }));
      assert.deepEqual(list.items.map((item) => item.label), ['1', '2', '3']);
    });
  });

  describe('outline, folding, tokens, links', () => {
    it('document symbols of the founding document: 7 preambular paragraphs, 9 operative, 6 footnotes', async function () {
      const document = needsFounding(this);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', params(document));
      const section = (name: string): DocumentSymbol | undefined => symbols.find((symbol) => symbol.name === name);
      assert.equal(section('Preamble')?.children?.length, 7);
      assert.equal(section('Operative part')?.children?.length, 9);
      assert.equal(section('Footnotes')?.children?.length, 6);
      assert.equal(section('Operative part')?.children?.[8]?.name, '9. Requests …');
    });

    it('document symbols of the draft, with sub-paragraphs', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', params(draft));
      const operative = symbols.find((symbol) => symbol.name === 'Operative part');
      assert.deepEqual(operative?.children?.map((symbol) => [symbol.name, symbol.children?.map((child) => child.name)]), [
        ['1. Takes note with appreciation …', []],
        ['2. Urging …', ['(a) Invites donors to contribute;', '(b) Encourages regional organizations to …']],
        ['4. Requests …', []],
      ]);
    });

    it('folding ranges: the preamble, the operative part, the long paragraphs, the footnotes', async () => {
      const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', params(draft));
      const described = ranges.map((range) => `${range.startLine}-${range.endLine}${range.kind ? ` ${range.kind}` : ''}`);
      assert.deepEqual(described, ['4-6 region', '8-15 region', '10-12', '14-15', '17-18 comment']);
    });

    it('semantic tokens: the legend\'s types, five numbers per token', async () => {
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', params(draft));
      assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
      // The first token: "Recalling" on line 4, an opener (type 0) of a preambular paragraph (modifier bit 0).
      assert.deepEqual(tokens.data.slice(0, 5), [4, 0, 'Recalling'.length, 0, 1]);
    });

    it('a settings change asks the client to ask for the tokens again (workspace/semanticTokens/refresh)', async () => {
      const from = client.tokenRefreshRequests.items.length;
      await client.configurationChanged();
      await client.tokenRefreshRequests.waitFor(() => true, 'after the configuration changed', from);
    });

    it('semantic tokens after an edit: only what changed (full/delta), which applied gives the whole list', async () => {
      assert.deepEqual(initializeResult.capabilities.semanticTokensProvider?.full, { delta: true });
      const { document } = await open('tokens-delta', draftText);
      const before = await client.request<SemanticTokens>('textDocument/semanticTokens/full', params(document));
      assert.equal(typeof before.resultId, 'string');
      // A word typed into the first operative paragraph, after its opener: the tokens of other lines do not change.
      const line = document.document.getText().split('\n').findIndex((text) => text.startsWith('1. '));
      const version = document.document.version + 1;
      document.document = TextDocument.update(document.document, [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: 'Also ' }], version);
      await client.change(document.uri, version, [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: 'Also ' }]);
      await client.diagnosticsFor(document.uri, version);
      const delta = await client.request<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', params(document, { previousResultId: before.resultId }));
      const whole = await client.request<SemanticTokens>('textDocument/semanticTokens/full', params(document));
      assert.ok(delta.edits.length === 1 && (delta.edits[0]?.data?.length ?? 0) < 20, `a small edit: ${JSON.stringify(delta.edits)}`);
      const applied = [...before.data];
      for (const edit of delta.edits) applied.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
      assert.deepEqual(applied, whole.data);
      // A result the server no longer has: the whole list.
      const unknown = await client.request<SemanticTokens>('textDocument/semanticTokens/full/delta', params(document, { previousResultId: 'no such result' }));
      assert.deepEqual(unknown.data, whole.data);
    });

    it('document links to undocs.org', async () => {
      const links = await client.request<DocumentLink[]>('textDocument/documentLink', params(draft));
      assert.deepEqual(links.map((link) => [draft.textAt(link.range), link.target]), [
        ['A/C.3/81/L.12', 'https://undocs.org/A/C.3/81/L.12'],
        ['A/RES/61/181', 'https://undocs.org/A/RES/61/181'],
        ['A/81/179', 'https://undocs.org/A/81/179'],
      ]);
    });
  });

  describe('formatting', () => {
    it('changes only digits and white space: renumbering, sub-paragraph indentation, trailing spaces', async () => {
      const edits = await client.request<TextEdit[]>('textDocument/formatting', params(draft, { options: { tabSize: 2, insertSpaces: true } }));
      assert.ok(edits.length > 0);
      for (const edit of edits) {
        assert.match(draft.textAt(edit.range), onlyDigitsAndSpace);
        assert.match(edit.newText, onlyDigitsAndSpace);
      }
      const formatted = TextDocument.applyEdits(draft.document, edits);
      assert.deepEqual(words(formatted), words(draft.text));
      assert.ok(formatted.includes('\n   (b) Encourages regional organizations to cooperate;\n'), formatted);
      assert.ok(formatted.includes('\n3. Requests'), formatted);
    });

    it('of the founding document changes only white space and numbers', async function () {
      const document = needsFounding(this);
      const edits = await client.request<TextEdit[]>('textDocument/formatting', params(document, { options: { tabSize: 2, insertSpaces: true } }));
      for (const edit of edits) assert.match(document.textAt(edit.range) + edit.newText, onlyDigitsAndSpace);
      assert.deepEqual(words(TextDocument.applyEdits(document.document, edits)), words(document.text));
    });
  });

  describe('commands and status', () => {
    it('resolint.server.renumberOperativeParagraphs asks the client to apply the renumbering', async () => {
      const { document } = await open('renumber-command', draftText);
      const from = client.appliedEdits.items.length;
      const result = await client.request<{ changed: number; applied: boolean }>('workspace/executeCommand', {
        command: 'resolint.server.renumberOperativeParagraphs',
        arguments: [{ uri: document.uri, version: 1 }],
      });
      assert.deepEqual(result, { changed: 1, applied: true });
      const applied = await client.appliedEdits.waitFor(() => true, 'for the renumbering', from);
      assert.deepEqual(editsOf(applied.edit, document.uri).map((edit) => [document.textAt(edit.range), edit.newText]), [['4', '3']]);
    });

    it('resolint.server.finalizeNumbering held back by a reference says why, not "nothing to change"', async () => {
      // Paragraph 2 is gone, "2 bis" stays: finalized, "paragraph 2 above" would name the insert.
      const stranded = ['The General Assembly,', '', 'Recalling its resolution 61/181,', '', '1. Decides to act;', '', '2 bis. Invites donors to contribute;', '', '4. Requests a report on paragraph 2 above.', ''].join('\n');
      const { document } = await open('finalize-stranded', stranded);
      const from = client.appliedEdits.items.length;
      const result = await client.request('workspace/executeCommand', { command: 'resolint.server.finalizeNumbering', arguments: [{ uri: document.uri, version: 1 }] });
      // Null: the client says the command failed and points to the log, which says why.
      assert.equal(result, null);
      assert.equal(client.appliedEdits.items.length, from);
      assert.ok(client.logLines.some((line) => line.includes('"paragraph 2 above" names a number no paragraph has')), client.logLines.join('\n'));
    });

    it('resolint.server.finalizeNumbering and renumberOperativeParagraphs held back by a lettered or a stray-quoted reference say which, and why', async () => {
      const lettered = ['The Security Council,', '', '(a) Demands that all parties comply:', '', '(i) To cease hostilities;', '', '(ii) To allow access;', '', '(b) Requests a report on the measures referred to in (a) (ii) above.', ''].join('\n');
      const quoted = ['The Security Council,', '', '1. Decides to act;', '', 'Invites States to contribute;', '', '2. Invites the Committee to act as set out in the report" and approved in paragraph 3 below;', '', '3. Approves the recommendations;', '', '4. Requests a report.', ''].join('\n');
      const cases: [string, string, string, string][] = [
        ['finalize-lettered', lettered, 'resolint.server.finalizeNumbering', '"(a) (ii) above" names a paragraph by its letter'],
        ['renumber-stray-quote', quoted, 'resolint.server.renumberOperativeParagraphs', '"paragraph 3 below" stands after a quotation mark that is never closed'],
      ];
      for (const [name, text, command, said] of cases) {
        const { document } = await open(name, text);
        const from = client.appliedEdits.items.length;
        assert.equal(await client.request('workspace/executeCommand', { command, arguments: [{ uri: document.uri, version: 1 }] }), null);
        assert.equal(client.appliedEdits.items.length, from);
        assert.ok(client.logLines.some((line) => line.includes(said)), client.logLines.join('\n'));
      }
    });

    it('resolint.server.renumberFootnotes leaves an "Ibid." that would follow another footnote, and says why', async () => {
      const ibid = ['The General Assembly,', '', 'Reaffirming the Convention against Corruption[^2] and the Convention against Transnational Organized Crime,[^1]', '', '1. Decides to remain seized of the matter.', '', '[^1]: United Nations, Treaty Series, vol. 2225, No. 39574.', '[^2]: Ibid., vol. 2349, No. 42146.', ''].join('\n');
      const { document, diagnostics } = await open('renumber-ibid', ibid);
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['footnote-order', 'footnote-order']);
      const from = client.appliedEdits.items.length;
      const result = await client.request('workspace/executeCommand', { command: 'resolint.server.renumberFootnotes', arguments: [{ uri: document.uri, version: 1 }] });
      // Null: the client says the command failed and points to the log, which says why.
      assert.equal(result, null);
      assert.equal(client.appliedEdits.items.length, from);
      assert.ok(client.logLines.some((line) => line.includes('footnote 2 opens with "Ibid."')), client.logLines.join('\n'));
      // No quick fix either: applied, it would have made the "Ibid." cite another source.
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', params(document, { range: diagnostics[0]!.range, context: { diagnostics } }));
      assert.deepEqual(actions.filter((action) => action.kind === CodeActionKind.QuickFix && action.diagnostics?.[0]?.code === 'footnote-order'), []);
    });

    it('resolint/documentStats counts paragraphs and open brackets', async function () {
      const document = needsFounding(this);
      assert.deepEqual(await client.request('resolint/documentStats', params(document)), { preambular: 7, operative: 9, openBrackets: 0 });
      const { document: negotiation } = await open('brackets', draftText.replace('Invites donors', '[Invites][Encourages] donors'));
      assert.deepEqual(await client.request('resolint/documentStats', params(negotiation)), { preambular: 2, operative: 3, openBrackets: 2 });
    });

    it('answers null, never an error, for a document that is not open or a position past its end', async () => {
      const closed = { textDocument: { uri: 'untitled:never-opened.resolution' } };
      assert.equal(await client.request('textDocument/hover', { ...closed, position: { line: 0, character: 0 } }), null);
      assert.equal(await client.request('textDocument/documentSymbol', closed), null);
      assert.equal(await client.request('resolint/documentStats', closed), null);
      assert.deepEqual(await client.request('textDocument/semanticTokens/full', closed), { data: [] });
      assert.equal(await client.request('textDocument/hover', params(draft, { position: { line: 999, character: 999 } })), null);
      assert.deepEqual(await client.request('workspace/executeCommand', { command: 'resolint.server.renumberFootnotes', arguments: ['nonsense'] }), null);
    });
  });

  describe('preview and exports', () => {
    interface PreviewResult { uri: string; version: number; body: string; styles: string; contentSecurityPolicy: string; html?: string }
    interface ExportResult { uri: string; version: number; format: string; encoding: 'base64' | 'utf8'; data: string }

    it('resolint/preview gives the print layout of the cached version: italic openers, a footnote, findings marked', async () => {
      const preview = await client.request<PreviewResult>('resolint/preview', params(draft));
      assert.equal(preview.uri, draft.uri);
      assert.equal(preview.version, 1);
      assert.match(preview.body, /^<article class="page resolution">/);
      assert.match(preview.body, /<span class="opener">Recalling<\/span>/);
      assert.match(preview.body, /<sup class="fn-call"[^>]*><a href="#fn-1">1<\/a><\/sup>/);
      assert.match(preview.body, /<section class="footnotes">[\s\S]*<p id="fn-1" class="footnote" data-start="\d+" data-end="\d+">/);
      // "2. Urging" carries an operative-verb error; "4." a numbering error.
      const urging = /<p class="op has-finding finding-error" data-start="(\d+)" data-end="(\d+)" title="[^"]*operative-verb[^"]*">/.exec(preview.body);
      assert.ok(urging, preview.body);
      assert.ok(draft.text.slice(Number(urging[1]), Number(urging[2])).startsWith('2. Urging'));
      assert.match(preview.styles, /body\.vscode-dark/);
      assert.match(preview.contentSecurityPolicy, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; script-src 'none'/);
      assert.equal(preview.html, undefined);
    });

    it('resolint/preview with a script nonce and page: true gives a whole page whose policy runs only that script', async () => {
      const nonce = 'bm9uY2Utb2YtdGhlLXdlYnZpZXc=';
      const preview = await client.request<PreviewResult>('resolint/preview', params(draft, { scriptNonce: nonce, page: true }));
      assert.match(preview.contentSecurityPolicy, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
      assert.ok(preview.html?.startsWith('<!DOCTYPE html>'));
      assert.ok(preview.html?.includes(preview.body));
      assert.ok(preview.html?.includes(`<style>${preview.styles}</style>`));
      // A nonce that could break out of the policy is refused.
      assert.equal(await client.request('resolint/preview', params(draft, { scriptNonce: "x'; script-src *" })), null);
    });

    it('resolint/preview follows the text: a new version, a new preview', async () => {
      const { document } = await open('preview-change', draftText);
      const version = await document.apply(client, { changes: { [document.uri]: [{ range: { start: document.positionOf('Urging'), end: document.positionOf('Urging', 6) }, newText: 'Urges' }] } });
      const preview = await client.request<PreviewResult>('resolint/preview', params(document));
      assert.equal(preview.version, version);
      assert.match(preview.body, /<span class="opener">Urges<\/span>/);
    });

    it('resolint/export gives Akoma Ntoso, HTML, and Word as base64', async function () {
      const founding = needsFounding(this);
      const akn = await client.request<ExportResult>('resolint/export', params(founding, { format: 'akn' }));
      assert.deepEqual([akn.format, akn.encoding, akn.version], ['akn', 'utf8', 1]);
      assert.match(akn.data, /<akomaNtoso [^>]*>/);
      assert.equal(akn.data.match(/<authorialNote /g)?.length, parse(founding.text).footnoteCalls.length);
      // Copied without its masthead, the text names no symbol; a file named like A_RES_61_181.txt gives it.
      assert.doesNotMatch(akn.data, /A\/RES\/61\/181/);
      const named = `file:///resolint-test-${++serial}/A_RES_61_181.txt`;
      await client.open(named, founding.text);
      await client.diagnosticsFor(named, 1);
      const aknNamed = await client.request<ExportResult>('resolint/export', { textDocument: { uri: named }, format: 'akn' });
      assert.match(aknNamed.data, /A\/RES\/61\/181/);
      await client.close(named);
      const html = await client.request<ExportResult>('resolint/export', params(founding, { format: 'html' }));
      assert.ok(html.data.startsWith('<!DOCTYPE html>'));
      const docx = await client.request<ExportResult>('resolint/export', params(founding, { format: 'docx' }));
      assert.deepEqual([docx.format, docx.encoding], ['docx', 'base64']);
      const bytes = Buffer.from(docx.data, 'base64');
      assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'not a zip package');
      assert.ok(bytes.includes(Buffer.from('word/footnotes.xml')), 'no footnotes part');
    });

    it('resolint/import reads a Word document or a PDF\'s text into the draft format, and says why it cannot read a PDF', async function () {
      const founding = needsFounding(this);
      const word = await wordDocument(renderModel(parse(founding.text)));
      const read = wordDocumentText(word);
      assert.ok(read.ok);
      const fromWord = await client.request<{ text: string }>('resolint/import', { data: word.toString('base64') });
      assert.equal(fromWord.text, convertToDraftFormat(parse(read.text)));
      assert.match(fromWord.text, /^1\. Takes note with appreciation of the report/mu);
      const fromText = await client.request<{ text: string }>('resolint/import', { data: Buffer.from(founding.text).toString('base64') });
      assert.equal(fromText.text, convertToDraftFormat(parse(founding.text)));
      const pdf = await client.request<{ reason: string }>('resolint/import', { data: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n').toString('base64') });
      assert.match(pdf.reason, /^a PDF file, not text: copy its text/);
      assert.equal(await client.request('resolint/import', { data: 5 }), null);
      assert.equal(await client.request('resolint/import', null), null);
    });

    it('answer null for a document that is not open, and for an unknown format', async () => {
      const closed = { textDocument: { uri: 'untitled:never-opened.resolution' } };
      assert.equal(await client.request('resolint/preview', closed), null);
      assert.equal(await client.request('resolint/export', { ...closed, format: 'akn' }), null);
      assert.equal(await client.request('resolint/export', params(draft, { format: 'pdf' })), null);
      assert.equal(await client.request('resolint/export', params(draft, { format: '__proto__' })), null);
      assert.equal(await client.request('resolint/preview', { textDocument: 'nonsense' }), null);
    });
  });
});
