// A negotiation draft (issue 5): "2 bis." numbering and "[Urges][Calls upon]" alternatives are clean
// while the draft is negotiated, and findings once it is set final; "Finalize numbering" turns its
// numbers into a final text's.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyEdits, defaultSettings, finalizeNumberingEdits, lint, parse, strandedByFinalizing, type Settings } from '../server/src/core/index';
import { readFixture, ruleFixturesRoot } from './check';

const draftPath = path.join(ruleFixturesRoot, 'bracket-balance/valid-negotiation-draft.resolution');
const negotiation: Settings = { ...defaultSettings, mode: 'negotiation' };
const final: Settings = { ...defaultSettings, mode: 'final' };

describe('a negotiation draft', () => {
  const text = readFixture(draftPath).text;

  it('holds "2 bis." and "[Urges][Calls upon]"', () => {
    assert.match(text, /^2 bis\. /m);
    assert.match(text, /\[Urges\]\[Calls upon\]/);
  });

  it('is clean in negotiation mode', () => {
    assert.deepEqual(lint(text, negotiation).findings.map((finding) => `${finding.ruleId}: ${finding.message}`), []);
  });

  it('gives numbering-format and bracket-balance findings in final mode, and nothing else', () => {
    const findings = lint(text, final).findings.map((finding) => `${finding.ruleId} ${text.slice(finding.span.start, finding.span.end)}`);
    assert.deepEqual(findings, ['bracket-balance [Urges][Calls upon]', 'numbering-format 2 bis.']);
  });

  it('reads an opener in brackets as the opener, and checks every alternative', () => {
    const draft = ['The General Assembly,', '', '1. [Urging] States to act;', '', '2. [Urges][Calling upon] States to report.', ''].join('\n');
    const findings = lint(draft, negotiation).findings.map((finding) => `${finding.ruleId} ${draft.slice(finding.span.start, finding.span.end)}`);
    assert.deepEqual(findings, ['operative-verb Urging', 'operative-verb Calling upon']);
  });
});

describe('finalizeNumberingEdits (the "Finalize numbering" source action)', () => {
  it('numbers inserts and labels 1, 2, 3 …, drops PP labels, carries cross-references, and leaves an alternative for the delegates to choose', () => {
    const draft = [
      'The General Assembly,',
      '',
      'PP1 Recalling its resolution 61/181 of 20 December 2006,',
      '',
      '1. Reaffirms the importance of the Office;',
      '',
      '2. Urges Member States to act;',
      '',
      '2 bis. Invites donors to contribute;',
      '',
      'OP3 Encourages States to cooperate;',
      '',
      'OP3 alt Invites States to cooperate;',
      '',
      '4. Requests the Secretary-General to report on paragraph 3 above.',
      '',
    ].join('\n');
    const finalized = applyEdits(draft, finalizeNumberingEdits(parse(draft))).text;
    assert.equal(
      finalized,
      [
        'The General Assembly,',
        '',
        'Recalling its resolution 61/181 of 20 December 2006,',
        '',
        '1. Reaffirms the importance of the Office;',
        '',
        '2. Urges Member States to act;',
        '',
        '3. Invites donors to contribute;',
        '',
        '4. Encourages States to cooperate;',
        '',
        'OP3 alt Invites States to cooperate;',
        '',
        '5. Requests the Secretary-General to report on paragraph 4 above.',
        '',
      ].join('\n'),
    );
    // Both wordings numbered, the text would keep both: the alternative is left, and final mode says so.
    const left = lint(finalized, final).findings.filter((finding) => ['numbering-format', 'operative-numbering', 'preambular-numbered', 'cross-reference'].includes(finding.ruleId));
    assert.deepEqual(left.map((finding) => [finding.ruleId, finalized.slice(finding.span.start, finding.span.end)]), [['numbering-format', 'OP3 alt']]);
    assert.equal(applyEdits(finalized.replace('OP3 alt Invites States to cooperate;\n\n', ''), finalizeNumberingEdits(parse(finalized.replace('OP3 alt Invites States to cooperate;\n\n', '')))).text, finalized.replace('OP3 alt Invites States to cooperate;\n\n', ''));
  });

  it('reads inserts as typed in a hurry ("1bis.", "1 Bis.", "OP2 Alt", "OP1alt") and keeps "1 bis alt" apart from "1 bis"', () => {
    const draft = 'The General Assembly,\n\nRecalling its resolution 61/181,\n\n1. Takes note of the report;\n\n1bis. Urges States to act;\n\n1 Bis alt. Invites States to act;\n\nOP2 Alt Calls upon States to act;\n\n2. Requests a report on paragraph 1 bis above.\n';
    const numbers = parse(draft).paragraphs.filter((paragraph) => paragraph.kind === 'operative').map((paragraph) => [paragraph.number?.value, paragraph.number?.insertSuffix]);
    assert.deepEqual(numbers, [[1, undefined], [1, 'bis'], [1, 'bis alt'], [2, 'alt'], [2, undefined]]);
    assert.deepEqual(lint(draft, negotiation).findings.filter((finding) => finding.ruleId === 'operative-numbering'), []);
    const finalized = applyEdits(draft, finalizeNumberingEdits(parse(draft))).text;
    assert.match(finalized, /\n2\. Urges States to act;\n\n1 Bis alt\. Invites[^\n]*\n\nOP2 Alt Calls[^\n]*\n\n3\. Requests a report on paragraph 2 above\.\n$/u);
  });

  it('gives a reference to an insert ("paragraph 2 bis above") the insert\'s final number, beside the others of its list', () => {
    const draft = [
      'The General Assembly,',
      '',
      '1. Urges Member States to act;',
      '',
      '2. Calls upon States to refrain from unilateral measures;',
      '',
      '2 bis. Invites donors to contribute;',
      '',
      '3. Requests a report on paragraphs 2 bis and 2 of the present resolution;',
      '',
      '4. Decides to remain seized of the matter, bearing in mind paragraph 2 bis above.',
      '',
    ].join('\n');
    const finalized = applyEdits(draft, finalizeNumberingEdits(parse(draft))).text;
    assert.match(finalized, /\n3\. Invites donors/);
    assert.match(finalized, /\n4\. Requests a report on paragraphs 3 and 2 of the present resolution;/);
    assert.match(finalized, /\n5\. Decides to remain seized of the matter, bearing in mind paragraph 3 above\./);
    assert.deepEqual(lint(finalized, final).findings.filter((finding) => finding.ruleId === 'cross-reference'), []);
  });

  it('offers nothing while a cross-reference names a number no paragraph has (finalizing would give it one)', () => {
    const draft = 'The General Assembly,\n\n1. Decides to act;\n\n2 bis. Invites donors to contribute;\n\n4. Requests a report on paragraph 2 above.\n';
    assert.deepEqual(finalizeNumberingEdits(parse(draft)), []);
    const corrected = draft.replace('paragraph 2 above', 'paragraph 1 above');
    assert.ok(finalizeNumberingEdits(parse(corrected)).length > 0);
  });

  it('offers nothing while a reference names a lettered paragraph by its letter ("(a) (iii) above"), which finalizing numbers', () => {
    const draft = 'The Security Council,\n\n(a) Demands that all parties comply:\n\n(i) To cease hostilities;\n\n(ii) To allow access;\n\n(b) Requests a report on the measures referred to in (a) (ii) above.\n';
    assert.deepEqual(finalizeNumberingEdits(parse(draft)), []);
    assert.equal(strandedByFinalizing(parse(draft))[0]?.subparagraphOnly?.name, 'a');
    // Named by its number ("paragraph 1", lettered (a)'s place), it is finalized with the others.
    const named = draft.replace('in (a) (ii) above', 'in paragraph 1 (ii) above');
    assert.equal(applyEdits(named, finalizeNumberingEdits(parse(named))).text, named.replace('(a) Demands', '1. Demands').replace('(b) Requests', '2. Requests'));
  });

  it('changes nothing in a text already numbered 1, 2, 3', () => {
    const draft = 'The General Assembly,\n\n1. Decides to act;\n\n2. Requests a report.\n';
    assert.deepEqual(finalizeNumberingEdits(parse(draft)), []);
  });
});
