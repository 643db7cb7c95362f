// What the server does itself instead of sending or applying whole texts: a didChange's changes
// (lsp/content-changes.ts: a batch sent last first in one pass, anything else one by one, either way
// what the protocol library's own update makes of it), and semantic tokens sent as what changed
// (lsp/semantic-token-results.ts).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { applyContentChanges, textAfterChangesLastFirst } from '../server/src/lsp/content-changes';
import { middleEdit, SemanticTokenResults } from '../server/src/lsp/semantic-token-results';

/** Texts with every kind of line break, surrogate pairs and a lone surrogate: what positions must survive. */
const text = fc
  .array(fc.constantFrom('a', 'b', ' ', 'Recalling', '\n', '\r\n', '\r', '\n\n', 'é', '😀', '\uD800', '1.', ''), { maxLength: 40 })
  .map((pieces) => pieces.join(''));

/** A place, sometimes past the end of its line or of the text, or before the start. */
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 14 }) });
const anyChange: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

/** A batch as an editor sends a replace-all: places inside the text, each change before the one sent before it. */
function lastFirstBatch(document: TextDocument): fc.Arbitrary<TextDocumentContentChangeEvent[]> {
  const length = document.getText().length;
  return fc.array(fc.tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length }), text), { minLength: 2, maxLength: 8 }).map((picks) => {
    const offsets = picks.flatMap(([a, b]) => [a, b]).sort((a, b) => b - a);
    return picks.map(([, , inserted], index) => {
      // Offsets descending, taken in pairs: each change wholly before the one before it.
      const end = offsets[2 * index] as number;
      const start = offsets[2 * index + 1] as number;
      return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: inserted };
    });
  });
}

/** A document of its own with the same text: the library updates in place. */
function copyOf(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText());
}

function updatedByTheLibrary(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  return TextDocument.update(copyOf(document), changes, version);
}

function assertSameDocument(actual: TextDocument, expected: TextDocument): void {
  assert.equal(actual.getText(), expected.getText());
  assert.equal(actual.version, expected.version);
  assert.equal(actual.lineCount, expected.lineCount);
  for (let offset = 0; offset <= expected.getText().length; offset++) assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset));
}

describe('content changes applied by the server', () => {
  it('make what the library makes of any batch, in any order (property)', () => {
    fc.assert(
      fc.property(text, fc.array(anyChange, { maxLength: 6 }), (original, changes) => {
        const document = TextDocument.create('file:///a.resolution', 'resolution', 1, original);
        assertSameDocument(applyContentChanges(copyOf(document), changes, 2), updatedByTheLibrary(document, changes, 2));
      }),
      { numRuns: 3000 },
    );
  });

  it('make a batch sent last first in one pass, and the same document (property)', () => {
    fc.assert(
      fc.property(
        text.chain((original) => {
          const document = TextDocument.create('file:///a.resolution', 'resolution', 1, original);
          return fc.tuple(fc.constant(document), lastFirstBatch(document));
        }),
        ([document, changes]) => {
          // After a lone CR a change may join lines (see content-changes.ts): those batches go one by one.
          const afterCarriageReturn = changes.some((change) => 'range' in change && document.getText().charCodeAt(document.offsetAt(change.range.start) - 1) === 13);
          if (!afterCarriageReturn) assert.notEqual(textAfterChangesLastFirst(document, changes), undefined, 'taken in one pass');
          assertSameDocument(applyContentChanges(copyOf(document), changes, 2), updatedByTheLibrary(document, changes, 2));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('apply 20,000 changes sent last first to a long draft in one pass', () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `${index + 1}. Urging the States to act;`);
    const document = TextDocument.create('file:///long.resolution', 'resolution', 1, lines.join('\n'));
    const changes = lines.map((_, index) => ({ range: { start: { line: index, character: 0 }, end: { line: index, character: 0 } }, text: '* ' })).reverse();
    const updated = applyContentChanges(document, changes, 2);
    assert.equal(updated.getText(), lines.map((line) => `* ${line}`).join('\n'));
    assert.notEqual(updated, document, 'a new document, made in one pass');
  });
});

describe('semantic tokens sent as what changed', () => {
  it('the one edit, applied to the list sent before, gives the new list, and starts where they first differ (property)', () => {
    const tokens = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 });
    fc.assert(
      fc.property(tokens, tokens, (before, after) => {
        const edit = middleEdit(before, after);
        const applied = [...before];
        if (edit) applied.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
        assert.deepEqual(applied, after);
        let common = 0;
        while (common < before.length && before[common] === after[common]) common++;
        assert.equal(edit === undefined, common === before.length && before.length === after.length);
        if (edit) assert.equal(edit.start, Math.min(common, before.length, after.length));
      }),
      { numRuns: 5000 },
    );
  });

  it('answers a delta for the last result only, the whole list otherwise', () => {
    const results = new SemanticTokenResults();
    const first = results.full('a', [0, 0, 3, 0, 0, 1, 0, 2, 1, 0]);
    assert.deepEqual(results.delta('a', first.resultId ?? '', [0, 0, 3, 0, 0, 2, 0, 2, 1, 0]), { resultId: '2', edits: [{ start: 5, deleteCount: 1, data: [2] }] });
    assert.deepEqual(results.delta('a', first.resultId ?? '', [0, 0, 3, 0, 0]), { resultId: '3', data: [0, 0, 3, 0, 0] });
    results.forget('a');
    assert.deepEqual(results.delta('a', '3', [1]), { resultId: '4', data: [1] });
  });
});
