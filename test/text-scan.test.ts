// The text scanners' shortcuts against the patterns they stand for.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCapitalAt } from '../server/src/core/text-scan';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? '') || 500;

/** Letters of every case and script, the neighbours of A-Z, astral capitals, lone halves of surrogate pairs. */
const mixedText = fc
  .array(fc.constantFrom('A', 'Z', '@', '[', 'z', 'É', 'é', 'Ж', 'ж', 'Ω', 'ω', '1', ' ', '«', '𝐀', '𝐚', '\ud835', '\udc00', 'ǅ', 'Ⅻ', 'ı'), { maxLength: 12 })
  .map((pieces) => pieces.join(''));

describe('text scanning', () => {
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
});
