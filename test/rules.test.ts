// One test per fixture file under test/fixtures/rules/<rule-id>/: adding a case is adding a file.
// Fixtures listed in support/known-bugs.ts are skipped with their reason (KNOWN_BUGS=run runs them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, fixAll, fixturesRoot, lintFile, lintText, ruleFixtureFolders } from './check';
import { knownBugs } from './support/known-bugs';

const runKnownBugs = process.env['KNOWN_BUGS'] === 'run';

describe('rule fixtures', () => {
  for (const { ruleId, files } of ruleFixtureFolders()) {
    describe(ruleId, () => {
      for (const file of files) {
        const relative = path.relative(fixturesRoot, file).split(path.sep).join('/');
        const bug = knownBugs[relative];
        if (bug && !runKnownBugs) {
          it.skip(`${path.basename(file)} — KNOWN BUG: ${bug}`);
        } else {
          it(path.basename(file), () => {
            check(file);
          });
        }
      }
    });
  }
});

// The acceptance scenario: every slip a drafter makes at once, in a typed draft and in text copied
// out of a PDF. Each slip must be reported by its rule on its line, and nothing else reported.
interface ExpectedFinding {
  readonly slip: string;
  readonly ruleId: string;
  /** 1-based line the finding starts on. */
  readonly line: number;
  /** Words that stand on that line, so a shifted file fails here rather than misleads. */
  readonly lineHas: string;
}

const acceptanceScenarios: Readonly<Record<string, readonly ExpectedFinding[]>> = {
  'canonical.resolution': [
    { slip: 'a preambular paragraph opening with "Recalls"', ruleId: 'preambular-phrase', line: 8, lineHas: 'Recalls its resolution 60/175' },
    { slip: 'a footnote reference without text', ruleId: 'footnote-undefined', line: 10, lineHas: 'September 2006,[^2]' },
    { slip: 'two consecutive preambular paragraphs with the same participle, no "also"', ruleId: 'repeated-opener', line: 12, lineHas: 'Recognizing the need' },
    { slip: 'footnotes out of order (4 used before 3)', ruleId: 'footnote-order', line: 14, lineHas: 'resolution 60/175;[^4]' },
    { slip: 'a sub-paragraph letter skipped', ruleId: 'subparagraph-sequence', line: 18, lineHas: '(c) Encourages' },
    { slip: 'an operative number skipped', ruleId: 'operative-numbering', line: 20, lineHas: '4. Urging' },
    { slip: 'an operative paragraph opening with "Urging"', ruleId: 'operative-verb', line: 20, lineHas: '4. Urging' },
    { slip: 'footnotes out of order (3 used after 4)', ruleId: 'footnote-order', line: 20, lineHas: 'Corruption;[^3]' },
    { slip: 'an operative paragraph opening with "Request"', ruleId: 'operative-verb', line: 22, lineHas: '5. Request the' },
    { slip: 'the last operative paragraph ending with ";"', ruleId: 'paragraph-punctuation', line: 22, lineHas: 'present resolution;' },
    { slip: 'a footnote text never referenced', ruleId: 'footnote-unused', line: 27, lineHas: '[^5]: See resolution 60/286' },
  ],
  'pdf.res.txt': [
    { slip: 'a preambular paragraph opening with "Recalls"', ruleId: 'preambular-phrase', line: 4, lineHas: 'Recalls its resolution 60/175' },
    { slip: 'a footnote reference without text', ruleId: 'footnote-undefined', line: 9, lineHas: 'Strategy2 adopted' },
    { slip: 'two consecutive preambular paragraphs with the same participle, no "also"', ruleId: 'repeated-opener', line: 11, lineHas: 'Recognizing the need' },
    { slip: 'footnotes out of order (4 used before 3)', ruleId: 'footnote-order', line: 16, lineHas: 'resolution 60/175;4' },
    { slip: 'a sub-paragraph letter skipped', ruleId: 'subparagraph-sequence', line: 29, lineHas: '(c) Encourages' },
    { slip: 'an operative number skipped', ruleId: 'operative-numbering', line: 32, lineHas: '4. Urging' },
    { slip: 'an operative paragraph opening with "Urging"', ruleId: 'operative-verb', line: 32, lineHas: '4. Urging' },
    { slip: 'footnotes out of order (3 used after 4)', ruleId: 'footnote-order', line: 33, lineHas: 'Corruption;3' },
    { slip: 'an operative paragraph opening with "Request"', ruleId: 'operative-verb', line: 35, lineHas: '5. Request the' },
    { slip: 'the last operative paragraph ending with ";"', ruleId: 'paragraph-punctuation', line: 36, lineHas: 'present resolution;' },
    { slip: 'a footnote text never referenced', ruleId: 'footnote-unused', line: 40, lineHas: '5 See resolution 60/286' },
  ],
};

describe('acceptance scenario (test/fixtures/acceptance)', () => {
  for (const [name, expected] of Object.entries(acceptanceScenarios)) {
    describe(name, () => {
      const file = path.join(fixturesRoot, 'acceptance', name);

      it('is written as the expectations say', () => {
        const lines = fs.readFileSync(file, 'utf8').split(/\r\n|\n|\r/);
        for (const { line, lineHas, slip } of expected) {
          assert.ok(lines[line - 1]?.includes(lineHas), `${name}:${line} should hold '${lineHas}' (${slip}), holds '${lines[line - 1] ?? ''}'`);
        }
      });

      for (const finding of expected) {
        it(`reports ${finding.slip}: ${finding.ruleId} on line ${finding.line}`, () => {
          const result = lintFile(file);
          const onLine = result.findings.filter((candidate) => result.lineOf(candidate.span.start) === finding.line);
          assert.ok(
            onLine.some((candidate) => candidate.ruleId === finding.ruleId),
            `no ${finding.ruleId} finding on line ${finding.line}; that line has: ${onLine.map((candidate) => `${candidate.ruleId} (${candidate.message})`).join('; ') || 'nothing'}`,
          );
        });
      }

      it('reports nothing else', () => {
        const result = lintFile(file);
        const key = (ruleId: string, line: number): string => `${line}: ${ruleId}`;
        const actual = result.findings.map((finding) => `${key(finding.ruleId, result.lineOf(finding.span.start))} (${finding.message})`);
        const wanted = new Set(expected.map((finding) => key(finding.ruleId, finding.line)));
        const unexpected = actual.filter((entry) => !wanted.has(entry.replace(/ \(.*$/s, '')));
        assert.deepEqual(unexpected, []);
      });

      // The text never called is kept while a call has no text: it may be that call's text under
      // another number ("[^5]: See resolution 60/286" for "September 2006,[^2]"), which the drafter says.
      it('leaves only the unfixable slips after fixing all: the call without text, and the text kept for it', () => {
        const text = fs.readFileSync(file, 'utf8');
        const fixed = fixAll(text);
        assert.ok(fixed.converged, 'the fixes do not converge');
        const left = lintText(fixed.text).map((finding) => finding.ruleId);
        assert.ok(left.includes('footnote-undefined') && left.every((ruleId) => ruleId === 'footnote-undefined' || ruleId === 'footnote-unused'), `after fixing all, ${left.join(', ')} left:\n${fixed.text}`);
        assert.ok(fixed.text.includes('See resolution 60/286'), `the text never called was deleted:\n${fixed.text}`);
      });
    });
  }
});

// A draft long enough to number its paragraphs in four digits (the benchmark's megabyte drafts are; up to six are read):
// "1000." is paragraph 1000's number, not text before it; read as text, paragraph 1000 had "no
// number", and its fix wrote "1000. 1000. Decides …", round after round.
describe('paragraph numbers of four digits', () => {
  const draft = (count: number, skipped?: number): string => {
    const paragraphs = Array.from({ length: count }, (_, index) => index + 1)
      .filter((number) => number !== skipped)
      .map((number, index, numbers) => `${number}. Decides to consider the matter at its next session${index === numbers.length - 1 ? '.' : ';'}`);
    return ['The General Assembly,', '', 'Recalling its resolutions on the matter,', '', ...paragraphs.flatMap((paragraph) => [paragraph, ''])].join('\n');
  };

  it('reads 1000 after 999 and 1001 after it: nothing to report, nothing to fix', () => {
    const text = draft(1002);
    assert.deepEqual(lintText(text).map((finding) => finding.ruleId), []);
    assert.deepEqual(fixAll(text), { text, rounds: 0, converged: true });
  });

  it('reports a number skipped past 1000 as any other', () => {
    const findings = lintText(draft(1003, 1001)).filter((finding) => finding.ruleId === 'operative-numbering');
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /1001/);
  });
});

// Canonical footnotes past 9,999 (a draft with a footnote a paragraph): "[^10000]" is a call and
// "[^10000]: …" its text, as paragraph numbers are read up to six digits. Read as text, each footnote
// past 9,999 became a paragraph, with an operative-numbering and a punctuation finding of its own.
describe('canonical footnote numbers of five digits', () => {
  const draft = (count: number): string => {
    const paragraphs = Array.from({ length: count }, (_, index) => [`Recalling also its resolution 60/${index + 1},[^${index + 1}]`, '']).flat();
    const notes = Array.from({ length: count }, (_, index) => [`[^${index + 1}]: Resolution 60/${index + 1}.`, '']).flat();
    return ['The General Assembly,', '', 'Recalling its resolutions on the matter,', '', ...paragraphs, '1. Decides to remain seized of the matter.', '', ...notes].join('\n');
  };

  it('reads [^10000] as a call and [^10000]: as its text: nothing to report, nothing to fix', () => {
    const text = draft(10_001);
    assert.deepEqual(lintText(text).map((finding) => finding.ruleId), []);
    assert.deepEqual(fixAll(text), { text, rounds: 0, converged: true });
  });
});

// A message that names another place ("follows 2", "after footnote 1", "follows (a)") shows it beside
// the finding (interfaces.md: relatedInformation "where another place explains it").
describe('findings that name another place point to it', () => {
  const relatedOf = (text: string, ruleId: string): string[] => {
    const findings = lintText(text).filter((candidate) => candidate.ruleId === ruleId);
    assert.ok(findings.length > 0, `no ${ruleId} finding`);
    return findings.flatMap((finding) => finding.related.map((place) => `${text.slice(place.span.start, place.span.end)}: ${place.message}`));
  };

  it('operative-numbering: the paragraph above', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n3. Requests a report.\n';
    assert.deepEqual(relatedOf(text, 'operative-numbering'), ['1.: Paragraph 1 is here.']);
  });

  it('footnote-order: the footnote referenced before', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 60/1,[^2]\n\n1. Decides to act.[^1]\n\n[^1]: A/61/1.\n[^2]: Resolution 60/1.\n';
    assert.deepEqual(relatedOf(text, 'footnote-order'), ['[^2]: Footnote 2 is first referenced here.']);
  });

  it('subparagraph-sequence: the label before', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Requests the Secretary-General:\n   (a) To act;\n   (c) To report.\n';
    assert.deepEqual(relatedOf(text, 'subparagraph-sequence'), ['(a): Sub-paragraph (a) is here.']);
  });
});
