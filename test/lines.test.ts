// The parser's lines (LineTable, and splitLines built on it) against a plain reference: the text
// split at "\r\n", "\r" and "\n", each line trimmed of the white space the patterns read as \s.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChunkTable } from '../server/src/core/parse/chunks';
import { closingLinePattern } from '../server/src/core/lexicon/lexicon';
import { isSpaceCode, LineTable, OpeningUnits, splitLines } from '../server/src/core/parse/lines';
import { changeBetween } from '../server/src/core/parse/whole-text-search';
import { LineIndex } from '../server/src/core/line-index';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? '') || 500;

/**
 * Texts dense in line breaks, white space of every kind and a few letters: more lines than the
 * table's first guess (a line every 32 units, at least 16), which it must grow past.
 */
const linesLike = fc
  .array(fc.constantFrom('\n', '\r', '\r\n', '\n\r', ' ', '\t', '\u00a0', '\u2003', '\ufeff', 'a', 'Z', '1', '.', '\u2028'), { maxLength: 200, size: 'large' })
  .map((pieces) => pieces.join(''));

function reference(text: string): { start: number; end: number; contentStart: number; contentEnd: number }[] {
  const lines = [];
  let start = 0;
  for (const piece of text.split(/(\r\n|\r|\n)/)) {
    if (piece === '\r\n' || piece === '\r' || piece === '\n') {
      start += piece.length;
      continue;
    }
    const end = start + piece.length;
    let contentStart = start;
    while (contentStart < end && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
    let contentEnd = end;
    while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
    lines.push({ start, end, contentStart, contentEnd });
    start = end;
  }
  return lines;
}

describe('line splitting', () => {
  it('gives the reference lines for any text, line breaks of every kind mixed', () => {
    fc.assert(
      fc.property(fc.oneof(linesLike, fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        const expected = reference(text);
        const table = new LineTable(text);
        assert.equal(table.count, expected.length);
        const lines = splitLines(text);
        assert.deepEqual(
          lines.map(({ start, end, contentStart, contentEnd }) => ({ start, end, contentStart, contentEnd })),
          expected,
        );
        lines.forEach((line, index) => {
          assert.equal(line.index, index);
          assert.equal(line.content, text.slice(line.contentStart, line.contentEnd));
          assert.equal(table.content(index), line.content);
          assert.equal(table.contentStart(index), line.contentStart);
          assert.equal(table.contentEnd(index), line.contentEnd);
        });
      }),
      { numRuns },
    );
  });

  it('keeps every line of a text of many short ones (the table grows past its first guess)', () => {
    const text = 'a\n\r\n  b\u00a0\r'.repeat(400);
    const table = new LineTable(text);
    const expected = reference(text);
    assert.equal(table.count, expected.length);
    expected.forEach((line, index) => {
      assert.equal(table.contentStart(index), line.contentStart);
      assert.equal(table.contentEnd(index), line.contentEnd);
      assert.equal(table.line(index).start, line.start);
      assert.equal(table.line(index).end, line.end);
    });
  });

  it('gives the same table after an edit, read again where it touched, as read afresh', () => {
    // Edits of every size anywhere, line breaks among what they remove and bring: a "\r" put before a
    // kept "\n", a "\n" after a kept "\r", lines joined and split at the edit's edges.
    const edited = fc
      .tuple(fc.oneof(linesLike, fc.string({ unit: 'binary', maxLength: 80 })), fc.nat(), fc.nat({ max: 12 }), fc.oneof(linesLike, fc.constantFrom('', 'x', '\n', '\r', '\r\n')))
      .map(([before, at, removed, brought]) => {
        const start = at % (before.length + 1);
        return { before, after: before.slice(0, start) + brought + before.slice(Math.min(before.length, start + removed)) };
      });
    fc.assert(
      fc.property(edited, ({ before, after }) => {
        const fresh = new LineTable(after);
        const table = LineTable.afterEdit(new LineTable(before), changeBetween(before, after), after);
        assert.equal(table.count, fresh.count);
        for (let index = 0; index < fresh.count; index++) assert.deepEqual(table.line(index), fresh.line(index), `line ${index}`);
      }),
      { numRuns: numRuns * 4 },
    );
  });

  it('keeps the lines after an edit, moved by what it brought', () => {
    const before = 'Recalling its resolution 70/1,\n\n1. Decides to remain seized;\r\n\n2. Requests the Secretary-General;\n';
    const at = before.indexOf('remain');
    const after = `${before.slice(0, at)}further ${before.slice(at)}`;
    const table = LineTable.afterEdit(new LineTable(before), changeBetween(before, after), after);
    assert.deepEqual(
      Array.from({ length: table.count }, (_, index) => table.content(index)),
      ['Recalling its resolution 70/1,', '', '1. Decides to further remain seized;', '', '2. Requests the Secretary-General;', ''],
    );
    assert.equal(table.line(4).start, before.indexOf('2. Requests') + 'further '.length);
  });

  it('reads a text without line breaks as one line, and an empty text as one empty line', () => {
    assert.deepEqual(splitLines('  Recalling  '), [{ index: 0, start: 0, end: 13, contentStart: 2, contentEnd: 11, content: 'Recalling' }]);
    assert.deepEqual(splitLines(''), [{ index: 0, start: 0, end: 0, contentStart: 0, contentEnd: 0, content: '' }]);
  });
});

describe('the chunk table', () => {
  it('keeps every chunk and its lines past the capacity it began with (a split line makes more chunks than lines)', () => {
    const text = 'a'.repeat(1000);
    const table = new ChunkTable(0);
    const expected: { start: number; end: number; lines: [number, number][]; annex: boolean; closingLike: boolean; part: number; numberLine?: { start: number; end: number } }[] = [];
    for (let chunk = 0; chunk < 300; chunk++) {
      const lines: [number, number][] = Array.from({ length: 1 + (chunk % 4) }, (_, line) => [chunk + line, chunk + line + 2 + (chunk % 5)]);
      const numberLine = chunk % 7 === 0 ? { start: chunk, end: chunk + 1 } : undefined;
      const closingLike = chunk % 2 === 0;
      // As the walk passes them: one list reused for every chunk, with stale bounds past this chunk's.
      table.add([...lines.flat(), 999, 998], 2 * lines.length, chunk % 3 === 0 ? 'annex' : 'body', chunk % 5, numberLine, closingLike);
      expected.push({ start: lines[0]![0], end: lines[lines.length - 1]![1], lines, annex: chunk % 3 === 0, closingLike, part: chunk % 5, ...(numberLine ? { numberLine } : {}) });
    }
    assert.equal(table.count, 300);
    expected.forEach((chunk, index) => {
      assert.equal(table.start(index), chunk.start);
      assert.equal(table.end(index), chunk.end);
      assert.equal(table.region(index), chunk.annex ? 'annex' : 'body');
      assert.equal(table.opensLikeClosing(index), chunk.closingLike);
      assert.equal(table.partIndex(index), chunk.part);
      assert.deepEqual(table.numberLine(index), chunk.numberLine);
      assert.deepEqual(
        table.linesOf(index, text),
        chunk.lines.map(([contentStart, contentEnd]) => ({ contentStart, contentEnd, content: text.slice(contentStart, contentEnd) })),
      );
    });
  });
});

describe('the units a pattern can open with', () => {
  const asciiOpenings = (pattern: RegExp): string => {
    const units = OpeningUnits.of(pattern);
    let opening = '';
    for (let unit = 0; unit < 128; unit++) if (units.has(unit)) opening += String.fromCharCode(unit);
    return opening.length === 128 ? 'any' : opening;
  };

  it("reads each alternative's first atom, with the flags, and leaves what it cannot tell to the pattern", () => {
    assert.equal(asciiOpenings(/^(?:\d{1,4}x|(?:Ab|[c-e]f))/iu), '0123456789ACDEacde');
    assert.equal(asciiOpenings(/^(a|b)c|^\sq/), '\t\n\v\f\r ab');
    // Unanchored, optional, an assertion, an empty alternative: any unit.
    for (const pattern of [/x/, /^a?b/, /^(?:a)*b/, /^a{0,2}b/, /^(?=a)a/, /^\ba/, /^(?:|a)b/]) assert.equal(asciiOpenings(pattern), 'any', String(pattern));
    // Past ASCII, the pattern decides.
    assert.ok(OpeningUnits.of(/^a/).has(0x41f));
    assert.ok(!OpeningUnits.of(/^a/).has(Number.NaN));
  });

  it("holds every line the closing block's pattern matches", () => {
    const closingOpenings = OpeningUnits.of(closingLinePattern);
    const opening = fc.oneof(fc.constantFrom('84th plenary meeting', 'Adopted', 'adopted', 'APPROVED', '12e séance', 'Aprobadas', 'Принята', 'принята', '第3次全体会议'), fc.string({ maxLength: 3 }), fc.string({ maxLength: 3, unit: 'binary' }));
    fc.assert(
      fc.property(opening, fc.string({ maxLength: 12 }), (start, rest) => {
        const line = start + rest;
        if (closingLinePattern.test(line)) assert.ok(closingOpenings.has(line.charCodeAt(0)), line);
      }),
      { numRuns },
    );
  });
});

describe('the line index (positions to offsets)', () => {
  it('takes a character past a line\'s end as the line\'s end, before its break, as the protocol says', () => {
    const text = 'Recalling its resolution 60/1 🌍,[^1]\r\nNoting\nUrging\rLast';
    const index = new LineIndex(text);
    const lineEnd = text.indexOf('\r\n');
    assert.equal(index.offsetAt({ line: 0, character: 37 }), lineEnd);
    assert.equal(index.offsetAt({ line: 0, character: 57 }), lineEnd);
    assert.equal(index.offsetAt({ line: 1, character: 99 }), text.indexOf('\nUrging'));
    assert.equal(index.offsetAt({ line: 2, character: 99 }), text.indexOf('\rLast'));
    assert.equal(index.offsetAt({ line: 3, character: 99 }), text.length);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
  });
});
