// Document links: United Nations document symbols → https://undocs.org/ + symbol.
import * as assert from 'node:assert/strict';
import { documentLinks, parse } from '../../server/src/core/index';
import { foundingDocument, textOf } from './cursor';

/** Each case: a sentence, and the symbols linked in it with their targets. */
const cases: { text: string; links: [written: string, target: string][] }[] = [
  { text: 'Recalling its resolution A/RES/61/181,', links: [['A/RES/61/181', 'https://undocs.org/A/RES/61/181']] },
  { text: 'Takes note of the report (A/61/179).', links: [['A/61/179', 'https://undocs.org/A/61/179']] },
  { text: 'See A/C.3/61/L.12/Rev.1.', links: [['A/C.3/61/L.12/Rev.1', 'https://undocs.org/A/C.3/61/L.12/Rev.1']] },
  { text: 'Recalling resolution S/RES/2231 (2015), and', links: [['S/RES/2231 (2015)', 'https://undocs.org/S/RES/2231(2015)']] },
  { text: 'in its report E/2006/30 and', links: [['E/2006/30', 'https://undocs.org/E/2006/30']] },
  { text: 'Council resolution A/HRC/RES/52/1;', links: [['A/HRC/RES/52/1', 'https://undocs.org/A/HRC/RES/52/1']] },
  { text: 'emergency session (A/RES/ES-10/24),', links: [['A/RES/ES-10/24', 'https://undocs.org/A/RES/ES-10/24']] },
  { text: 'two: A/61/179 and E/CN.6/2020/L.1.', links: [['A/61/179', 'https://undocs.org/A/61/179'], ['E/CN.6/2020/L.1', 'https://undocs.org/E/CN.6/2020/L.1']] },
  { text: 'resolution 60/1, and/or USA/2020/1, S/he, A/B', links: [] },
];

describe('features: document links', () => {
  for (const testCase of cases) {
    it(testCase.text, () => {
      const links = documentLinks(parse(testCase.text));
      assert.deepEqual(links.map((link) => [textOf(testCase.text, link.span), link.target]), testCase.links);
    });
  }

  it('scan in linear time, whatever the input (no backtracking blow-up)', () => {
    for (const hostile of ['A/' + 'a.'.repeat(50_000), 'A/1'.repeat(30_000), 'A/1/'.repeat(30_000) + ' (201', 'S/RES/1 ('.repeat(20_000)]) {
      const draft = parse(hostile);
      const started = process.hrtime.bigint();
      documentLinks(draft);
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(elapsedMs < 2000, `${elapsedMs} ms for ${hostile.slice(0, 20)}…`);
    }
  });

  it('link the footnote symbol of the founding document', function () {
    const text = foundingDocument();
    if (text === undefined) this.skip();
    assert.ok(documentLinks(parse(text)).some((link) => link.target === 'https://undocs.org/A/61/179'));
  });
});
