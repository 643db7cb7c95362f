// The status bar's counts: preambular and operative paragraphs, open brackets.
import * as assert from 'node:assert/strict';
import { documentStatistics, parse } from '../../server/src/core/index';
import { foundingDocument } from './cursor';
import { canonicalDraft } from './samples';

describe('features: document statistics', () => {
  it('count the paragraphs of a canonical draft; footnote references are no brackets', () => {
    assert.deepEqual(documentStatistics(parse(canonicalDraft)), { preambular: 2, operative: 3, openBrackets: 0 });
  });

  it('count the bracketed passages of a negotiation draft', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 60/1,[^1]\n\n1. [Urges][Calls upon] States to [fully] cooperate;\n\n[^1]: Resolution 60/1.\n';
    assert.deepEqual(documentStatistics(parse(text)), { preambular: 1, operative: 1, openBrackets: 3 });
  });

  it('count the founding document: 7 preambular, 9 operative', function () {
    const text = foundingDocument();
    if (text === undefined) this.skip();
    assert.deepEqual(documentStatistics(parse(text)), { preambular: 7, operative: 9, openBrackets: 0 });
  });
});
