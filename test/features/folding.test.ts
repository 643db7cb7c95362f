// Folding: the preamble, the operative part, paragraphs over more than one line, footnote blocks.
import * as assert from 'node:assert/strict';
import { foldingRanges, parse } from '../../server/src/core/index';
import { foundingDocument } from './cursor';
import { canonicalDraft } from './samples';

/** A fold as "kind: first line … last line", so expectations read like the draft. */
function described(text: string): string[] {
  return foldingRanges(parse(text)).map((fold) => {
    const lines = text.slice(fold.span.start, fold.span.end).split('\n');
    return `${fold.kind}: ${lines[0]} … ${lines[lines.length - 1]}`;
  });
}

describe('features: folding', () => {
  it('fold the parts, the long paragraphs and the footnote block of a canonical draft', () => {
    assert.deepEqual(described(canonicalDraft), [
      'preamble: Recalling its resolution 46/152 of 18 December 1991 on the creation of an … Recognizing also the need to maintain a balance,',
      'paragraph: Recalling its resolution 46/152 of 18 December 1991 on the creation of an … effective programme,[^1]',
      'operative-part: 1. Takes note with appreciation of the report of the Secretary-General;[^2] … of the present resolution to the General Assembly at its eighty-second session.',
      'paragraph: 2. Urges States to develop national strategies, and in this regard: …       (ii) To report on progress;',
      'paragraph: 3. Requests the Secretary-General to submit a report on the implementation … of the present resolution to the General Assembly at its eighty-second session.',
      'footnotes: [^1]: Resolution 46/152, annex. … [^2]: A/81/179.',
    ]);
  });

  it('give nothing to fold in a one-line draft', () => {
    assert.deepEqual(described('The General Assembly, 1. Decides to act.'), []);
  });

  it('fold each page-foot footnote block of the founding document', function () {
    const text = foundingDocument();
    if (text === undefined) this.skip();
    const folds = foldingRanges(parse(text));
    assert.equal(folds.filter((fold) => fold.kind === 'footnotes').length, 2);
    assert.equal(folds.filter((fold) => fold.kind === 'preamble').length, 1);
    assert.equal(folds.filter((fold) => fold.kind === 'operative-part').length, 1);
    // 16 paragraphs, of which one ("Bearing in mind the efforts …") fits on one line.
    assert.equal(folds.filter((fold) => fold.kind === 'paragraph').length, 15);
  });
});
