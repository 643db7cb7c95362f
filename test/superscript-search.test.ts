// The superscript search (whole-text-search.ts) stops at every unit from U+2070 up and passes the
// stretches of such units that are no superscript at once: held to a plain pattern search on texts
// full of them (Chinese, its full-width punctuation, other superscripts, surrogate pairs and halves).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { superscriptMarks } from '../server/src/core/parse/footnote-calls';
import { changeBetween, runsOf } from '../server/src/core/parse/whole-text-search';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? '') || 500;

const alphabet = fc.constantFrom('a', ' ', '1', '¹', '²³', '⁴', '⁰⁹', '⁵⁶⁷⁸', '\u206F', '\u2071', '\u207A', '大会', '，', '。', '€', '\uFFFF', '👍', '\uD800', '\uDC00');
const text = fc.array(alphabet, { maxLength: 60 }).map((pieces) => pieces.join(''));
const superscripts = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/g;
const searched = (subject: string): number[] => [...subject.matchAll(superscripts)].flatMap((match) => [match.index, match.index + match[0].length]);

describe('the superscript search among other units from U+2070 up', () => {
  it('finds the runs a pattern search finds, in a whole text and in the stretch an edit touched', () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (before, inserted, at, removed) => {
        assert.deepEqual(runsOf(before, superscriptMarks), searched(before));
        const cut = at % (before.length + 1);
        const after = before.slice(0, cut) + inserted + before.slice(cut + (removed % 5));
        const change = changeBetween(before, after);
        assert.deepEqual(runsOf(after, superscriptMarks, { runs: runsOf(before, superscriptMarks), change }), searched(after));
      }),
      { numRuns },
    );
  });
});
