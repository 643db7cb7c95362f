// The text scanners' shortcuts against the patterns they stand for.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { afterCapitalisedWord, afterLowerCaseWord, contextAfterNumber, endFootnoteLabel } from '../server/src/core/parse/footnote-calls';
import { bracketFootnoteTextPattern } from '../server/src/core/parse/lines';
import { isCapitalAt, UnitSet } from '../server/src/core/text-scan';
import { styleFor, writeDate } from '../server/src/core/lexicon/style';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? '') || 500;

/** Letters of every case and script, the neighbours of A-Z, astral capitals, lone halves of surrogate pairs. */
const mixedText = fc
  .array(fc.constantFrom('A', 'Z', '@', '[', 'z', 'É', 'é', 'Ж', 'ж', 'Ω', 'ω', '1', ' ', '«', '𝐀', '𝐚', '\ud835', '\udc00', 'ǅ', 'Ⅻ', 'ı'), { maxLength: 12 })
  .map((pieces) => pieces.join(''));

describe('dates written in a style', () => {
  it('writeDate fills a format as replacing its first {day}, {month} and {year} does, whatever the format', () => {
    const english = styleFor('en');
    assert.ok(english, 'no English style');
    const format = fc.array(fc.constantFrom('{day}', '{month}', '{year}', ' ', 'de ', '{', '}', 'day', ',', '.'), { maxLength: 7 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(format, fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 11 }), (dateFormat, day, month) => {
        const style = { ...english, dateFormat };
        const replaced = dateFormat.replace('{day}', String(day)).replace('{month}', english.months[month] ?? '').replace('{year}', '2005');
        assert.equal(writeDate(style, day, month, '2005'), replaced, JSON.stringify(dateFormat));
      }),
      { numRuns },
    );
  });
});

describe('text scanning', () => {
  it('UnitSet holds the units it was made of and nothing else, NaN and out-of-range numbers included', () => {
    const probes = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(Number.NaN, -1, 0x10000, 0x1f600, 31, 32, 33, 0xffff));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }), fc.array(probes, { maxLength: 20 }), (units, asked) => {
        const set = new UnitSet(units);
        const members = new Set(units);
        for (const unit of [...units, ...asked]) assert.equal(set.has(unit), members.has(unit), `${unit} in ${JSON.stringify(units)}`);
      }),
      { numRuns },
    );
  });

  it('isCapitalAt answers as /^\\p{Lu}/u on the one unit, at every offset and past the end', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, fc.string({ unit: 'binary', maxLength: 12 })), (text) => {
        for (let offset = 0; offset <= text.length; offset++) {
          assert.equal(isCapitalAt(text, offset), /^\p{Lu}/u.test(text.slice(offset, offset + 1)), `at ${offset} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns },
    );
  });

  it('contextAfterNumber answers as the patterns it stands for on the slice, at every stretch', () => {
    /** The text after a number: blanks, white space, line breaks, marks, letters of either case, astral ones, cut pairs. */
    const afterText = fc
      .array(fc.constantFrom(' ', '\u00A0', '\t', '\r', '\n', '\u2009', ',', '.', ';', ':', ')', '(', 'a', 'z', 'A', 'é', 'É', 'ß', '𝐚', '𝐀', '\ud835', '1', '-'), { maxLength: 8 })
      .map((pieces) => pieces.join(''));
    const capitalised = /^(?:[ \u00A0]+\p{Ll}|[,;:.)]|\s*[\n\r]|$)/u;
    const lowerCase = /^(?:[,;:.)]|[ \u00A0]*[\n\r]|[ \u00A0]*$|[ \u00A0]+\p{Ll})/u;
    fc.assert(
      fc.property(afterText, (text) => {
        for (let end = 0; end <= text.length; end++) {
          for (let afterEnd = end; afterEnd <= text.length; afterEnd++) {
            const after = text.slice(end, afterEnd);
            const expected = (capitalised.test(after) ? afterCapitalisedWord : 0) | (lowerCase.test(after) ? afterLowerCaseWord : 0);
            assert.equal(contextAfterNumber(text, end, afterEnd), expected, `${JSON.stringify(after)} in ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns },
    );
  });

  it('endFootnoteLabel reads a bracket label as bracketFootnoteTextPattern matches it', () => {
    /** A line opening with a bracket, most with "[^" and digits or a name: labels, near misses, seven digits, no digit, long names. */
    const line = fc
      .tuple(fc.boolean(), fc.array(fc.constantFrom('0', '1', '7', '9', 'a', 'Z', '-', '_'), { maxLength: 8 }), fc.array(fc.constantFrom('[', '^', ']', ':', ' ', '\t', '1', 'a', '¹', 'é', '-'), { maxLength: 36 }))
      .map(([caret, digits, rest]) => `[${caret ? '^' : ''}${digits.join('')}${rest.join('')}`);
    fc.assert(
      fc.property(line, (content) => {
        const match = bracketFootnoteTextPattern.exec(content);
        // A named label ("[^agenda]:") has no number until its calls are read: NaN.
        const expected = match ? { number: /^\d/.test(match[1] ?? '') ? Number(match[1]) : Number.NaN, length: match[0].trimEnd().length, style: 'bracket' } : undefined;
        assert.deepEqual(endFootnoteLabel(content), expected, JSON.stringify(content));
      }),
      { numRuns },
    );
  });
});
