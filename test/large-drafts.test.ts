// Drafts longer than any adopted text: what works at a hundred paragraphs must work at a hundred
// thousand. A spread of every paragraph as arguments (`push(...all)`, `Math.min(...spans)`) overflows
// the stack past some 120,000 of them; the parser then degraded to "nothing recognised".
import * as assert from 'node:assert/strict';
import { buildFileReport } from '../server/src/cli/report';
import { formatStylish } from '../server/src/cli/formatters/stylish';
import { documentSymbols, lint, OutlineKind, parse, type Finding, type OutlineSymbol } from '../server/src/core/index';

/** More paragraphs than a call has room for arguments: 130,000 short ones, about 2.2 MB. */
const paragraphCount = 130_000;
const draft = ['The General Assembly,', '', ...Array.from({ length: paragraphCount }, (_, index) => [`${index + 1}. Decides;`, '']).flat()].join('\n');

describe('drafts of more paragraphs than a call takes arguments', () => {
  it('are read whole: every paragraph found, none left as unrecognised text', () => {
    const parsed = parse(draft);
    assert.equal(parsed.paragraphs.length, paragraphCount);
    assert.equal(parsed.parts[0]?.operativeParagraphs.length, paragraphCount);
    assert.deepEqual(parsed.blocks.filter((block) => block.kind === 'unclassified'), []);
  });

  it('are outlined: the operative part holds every paragraph and spans them all', () => {
    const symbols = documentSymbols(parse(draft));
    const operative = symbols.find((symbol: OutlineSymbol) => symbol.kind === OutlineKind.Section && symbol.name === 'Operative part');
    assert.equal(operative?.children.length, paragraphCount);
    assert.deepEqual(operative?.span, { start: draft.indexOf('1. Decides'), end: draft.lastIndexOf(';') + 1 });
  });

  it('are reported in the stylish format, a row a finding', () => {
    const findings: Finding[] = [];
    for (let start = draft.indexOf('\n1. ') + 1; start > 0; start = draft.indexOf('\n', draft.indexOf('\n', start) + 1) + 1) {
      findings.push({ ruleId: 'rule-a', severity: 'warning', message: 'Says so.', span: { start, end: start + 1 }, related: [] });
    }
    assert.equal(findings.length, paragraphCount);
    const output = [...formatStylish([buildFileReport('/long.resolution', draft, findings, new Set())], { rules: [], toolVersion: '0', colors: false })].join('');
    assert.match(output, new RegExp(`✖ ${paragraphCount} problems`));
    // The widest line number sets the column: the first row is padded to it.
    assert.match(output, new RegExp(`\\n {${2 + String(2 * paragraphCount + 1).length - 1}}3:1 {2}warning`));
  });
});

describe('a reference that lists thousands of numbers', () => {
  it('is quoted by its ends in each finding: the messages do not grow with the list', () => {
    // "paragraphs 1, 1, … above" inside paragraph 1: a finding a number, each quoting the reference.
    // Quoted whole, 2,000 numbers made 12 MB of messages and 20,000 over 30 s of linting.
    const numbers = Array.from({ length: 2000 }, () => '1').join(', ');
    const { findings } = lint(`The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Requests paragraphs ${numbers} above;\n\n2. Decides.\n`);
    const selfReferences = findings.filter((finding) => finding.ruleId === 'cross-reference');
    assert.equal(selfReferences.length, 2000);
    assert.equal(selfReferences[0]?.message, "'paragraphs 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, … 1, 1, 1, 1, 1, 1, 1 above' stands in paragraph 1 itself: a reference names another paragraph.");
    for (const finding of selfReferences) assert.ok(finding.message.length < 200, finding.message);
  });
});
