// Code actions: a quick fix per finding under the cursor, "fix all of this rule", fix all
// (source.fixAll.resolint), and the renumbering source actions. Each fix is applied and the
// text linted again.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, codeActionKinds, codeActionsFor, defaultSettings, lineEdits, lint, type CodeActionProposal, type Span } from '../../server/src/core/index';
import { fixAll } from '../check';
import { atCursor } from './cursor';
import { draftLikeText } from './samples';

const slips = `The General Assembly,

Recalling its resolution 60/1,[^2]

Recalls also its resolution 61/1,[^1]

1. Decides to convene a high-level meeting;

3. Urging the Secretary-General to report;

4. Urging States to participate.

[^1]: Resolution 61/1.
[^2]: Resolution 60/1.
`;

function actionsAt(marked: string, only?: readonly string[]): { text: string; actions: CodeActionProposal[] } {
  const { text, offset } = atCursor(marked);
  const cursor: Span = { start: offset, end: offset };
  return { text, actions: codeActionsFor(lint(text), cursor, { settings: defaultSettings, ...(only ? { only } : {}) }) };
}

function applied(text: string, action: CodeActionProposal | undefined): string {
  assert.ok(action, 'no such action');
  const result = applyEdits(text, action.edits);
  assert.deepEqual(result.skipped, []);
  return result.text;
}

describe('features: code actions', () => {
  it('a quick fix turns "Urging" into "Urges", and the finding is gone', () => {
    const { text, actions } = actionsAt(slips.replace('3. Urging', '3. Urg$0ing'));
    const quickFix = actions.find((action) => action.kind === codeActionKinds.quickFix && action.findings[0]?.ruleId === 'operative-verb' && action.findings.length === 1);
    assert.ok(quickFix, actions.map((action) => action.title).join(' | '));
    assert.equal(quickFix.isPreferred, true);
    const fixed = applied(text, quickFix);
    assert.ok(fixed.includes('3. Urges the Secretary-General'));
    const still = lint(fixed).findings.filter((finding) => finding.ruleId === 'operative-verb');
    assert.equal(still.length, 1, 'only the other "Urging" is left');
  });

  it('"Fix all operative-verb problems" fixes both, in one action', () => {
    const { text, actions } = actionsAt(slips.replace('3. Urging', '3. Urg$0ing'));
    const fixAllOfRule = actions.find((action) => action.title === 'Fix all operative-verb problems');
    assert.ok(fixAllOfRule, actions.map((action) => action.title).join(' | '));
    assert.deepEqual(lint(applied(text, fixAllOfRule)).findings.filter((finding) => finding.ruleId === 'operative-verb'), []);
  });

  it('no "Fix all" of a rule whose findings share one fix: the quick fix already does it all', () => {
    // Two numbers out of sequence, one renumbering for both; the cursor on the first.
    const { text, actions } = actionsAt(slips.replace('1. Decides', '5$0. Decides'));
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Renumber operative paragraphs'), titles.join(' | '));
    assert.ok(!titles.includes('Fix all operative-numbering problems'), titles.join(' | '));
    assert.ok(lint(text).findings.filter((finding) => finding.ruleId === 'operative-numbering').length >= 2);
    assert.deepEqual(lint(applied(text, actions.find((action) => action.title === 'Renumber operative paragraphs'))).findings.filter((finding) => finding.ruleId === 'operative-numbering'), []);
  });

  it('findings that share one fix under the cursor give one quick fix, not one each', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 60/175,[^2] and the Convention,[^1]\n\n1. Decides to remain seized of the matter.\n\n[^1]: United Nations, Treaty Series, vol. 1249.\n[^2]: A/80/123.\n';
    const result = lint(text);
    assert.equal(result.findings.filter((finding) => finding.ruleId === 'footnote-order').length, 2);
    const line = { start: text.indexOf('Recalling'), end: text.indexOf(' and the Convention') + 30 };
    const titles = codeActionsFor(result, line, { settings: defaultSettings }).map((action) => action.title);
    assert.deepEqual(titles.filter((title) => title === 'Renumber footnotes'), ['Renumber footnotes'], titles.join(' | '));
  });

  it('only quick fixes where nothing is asked for by kind; none away from the findings', () => {
    const here = actionsAt(slips.replace('3. Urging', '3. Urg$0ing')).actions;
    assert.ok(here.every((action) => action.kind === codeActionKinds.quickFix));
    const away = actionsAt(slips.replace('high-level', 'high-$0level')).actions;
    assert.deepEqual(away.map((action) => action.title), []);
  });

  it('source.fixAll.resolint fixes everything, round after round, like the CLI', () => {
    const { text, actions } = actionsAt(`$0${slips}`, ['source.fixAll']);
    assert.deepEqual(actions.map((action) => action.kind), [codeActionKinds.fixAll]);
    const fixed = applied(text, actions[0]);
    assert.equal(fixed, fixAll(text).text);
    assert.deepEqual(lint(fixed).findings.filter((finding) => finding.fix), []);
  });

  it('"source" gives fix all and both renumberings; each renumbering changes only its numbers, and the footnote texts\' order', () => {
    const { text, actions } = actionsAt(`$0${slips}`, ['source']);
    assert.deepEqual(actions.map((action) => action.title), ['Fix all Resolint problems', 'Renumber operative paragraphs', 'Renumber footnotes']);
    const operative = applied(text, actions.find((action) => action.kind === codeActionKinds.renumberOperativeParagraphs));
    assert.equal(operative, text.replace('3. Urging', '2. Urging').replace('4. Urging', '3. Urging'));
    const footnotes = applied(text, actions.find((action) => action.kind === codeActionKinds.renumberFootnotes));
    // The texts listed at the end follow their new numbers: 1 above 2.
    assert.equal(footnotes, text.replace('60/1,[^2]', '60/1,[^1]').replace('61/1,[^1]', '61/1,[^2]').replace('[^1]: Resolution 61/1.\n[^2]: Resolution 60/1.', '[^1]: Resolution 60/1.\n[^2]: Resolution 61/1.'));
  });

  it('no renumbering is offered where the numbers are in order', () => {
    const { actions } = actionsAt('$0The General Assembly,\n\nRecalling its resolution 60/1,[^1]\n\n1. Decides to act;\n\n2. Requests a report.\n\n[^1]: Resolution 60/1.\n', ['source']);
    assert.deepEqual(actions.map((action) => action.title), []);
  });

  it('"Finalize numbering" is offered on negotiation numbers only, "Convert to draft format" where converting changes more than line breaks', () => {
    const negotiation = '$0The General Assembly,\n\n1. Decides to act;\n\n1 bis. Invites States to act;\n\n2. Requests a report on paragraph 2 above.\n';
    const { text, actions } = actionsAt(negotiation, ['source.finalizeNumbering.resolint', 'source.convertToDraftFormat.resolint']);
    assert.deepEqual(actions.map((action) => action.kind), [codeActionKinds.finalizeNumbering]);
    assert.equal(applied(text, actions[0]), text.replace('1 bis.', '2.').replace('2. Requests a report on paragraph 2', '3. Requests a report on paragraph 3'));
    // Hard-wrapped is the draft format too (format.md): joining lines alone is not offered.
    const hardWrapped = '$0The General Assembly,\n\n1. Decides to act on the report of the\nSecretary-General;\n\n2. Requests a report.\n';
    assert.deepEqual(actionsAt(hardWrapped, ['source']).actions, []);
    // A word hyphenated at a line's end, as a PDF copy has it: the conversion mends it.
    const imported = '$0The General Assembly,\n\n1. Decides to act on the report of the Secretary-\nGeneral;\n\n2. Requests a report.\n';
    const converting = actionsAt(imported, ['source']);
    assert.deepEqual(converting.actions.map((action) => action.kind), [codeActionKinds.convertToDraftFormat]);
    assert.deepEqual(converting.actions[0]?.edits.map((edit) => edit.span), [{ start: 0, end: converting.text.length }]);
    assert.match(applied(converting.text, converting.actions[0]), /act on the report of the Secretary-General;/);
  });

  it('fix all renumbers footnotes and ends each text with one full stop: the stop waits for the round after', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 60/175,[^2]\n\nRecalling also the Convention,[^1]\n\n1. Decides to remain seized of the matter.\n\n[^1]: United Nations, Treaty Series, vol. 1249.\n[^2]: see A/80/123\n';
    const settings = { ...defaultSettings, rules: { ...defaultSettings.rules, 'footnote-style': 'warning' as const } };
    const [action] = codeActionsFor(lint(text, settings), { start: 0, end: 0 }, { settings, only: [codeActionKinds.fixAll] });
    assert.ok(action);
    assert.match(applyEdits(text, action.edits).text, /\[\^1\]: See A\/80\/123\.\n\[\^2\]: United Nations, Treaty Series, vol\. 1249\.\n$/u);
  });

  it('fix all over several rounds edits the lines that change, not everything between the first and the last', () => {
    // Round 1 renumbers the footnotes; round 2 gives the moved text its capital and full stop.
    const text = 'The General Assembly,\n\nRecalling its resolution 60/175,[^2]\n\nRecalling also the Convention,[^1]\n\n1. Decides to remain seized of the matter.\n\n[^1]: United Nations, Treaty Series, vol. 1249.\n[^2]: see A/80/123\n';
    const settings = { ...defaultSettings, rules: { ...defaultSettings.rules, 'footnote-style': 'warning' as const } };
    const [action] = codeActionsFor(lint(text, settings), { start: 0, end: 0 }, { settings, only: [codeActionKinds.fixAll] });
    assert.ok(action);
    assert.equal(applyEdits(text, action.edits).text, fixAll(text, settings).text);
    // The operative paragraph between the calls and the footnote texts is no edit's.
    const paragraph = { start: text.indexOf('1. Decides'), end: text.indexOf('[^1]:') };
    assert.ok(action.edits.length > 1 && action.edits.every((edit) => edit.span.end <= paragraph.start || edit.span.start >= paragraph.end), JSON.stringify(action.edits));
  });

  it('line edits: applied, they give the new text; in order, none touching another', () => {
    const lines = fc.array(fc.constantFrom('a\n', 'b\n', 'c\r\n', '1. Decides;\n', '\n', 'x'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const edits = lineEdits(before, after);
        assert.equal(applyEdits(before, edits).text, after);
        for (let index = 1; index < edits.length; index++) assert.ok((edits[index - 1] as { span: Span }).span.end < (edits[index] as { span: Span }).span.start);
      }),
      { numRuns: 2000 },
    );
  });

  it('renumbering footnotes, named ones among them, and fixing all keep every footnote text and a text for every call', () => {
    const names = ['csw', 'agenda', 'note-b'];
    const drafts = fc.record({ numbered: fc.integer({ min: 0, max: 4 }), named: fc.subarray(names) })
      .filter(({ numbered, named }) => numbered + named.length > 0)
      .chain(({ numbered, named }) => {
        const labels = [...Array.from({ length: numbered }, (_, index) => String(index + 1)), ...named];
        return fc.record({
          calls: fc.shuffledSubarray([...labels, ...labels], { minLength: labels.length }).filter((calls) => labels.every((label) => calls.includes(label))),
          texts: fc.shuffledSubarray(labels, { minLength: labels.length }),
        });
      });
    fc.assert(
      fc.property(drafts, ({ calls, texts }) => {
        const body = (label: string): string => `Document ${label} of the Assembly.`;
        const text = `The General Assembly,\n\n${calls.map((label, index) => `Recalling its resolution ${60 + index}/1,[^${label}]`).join('\n\n')}\n\n1. Decides to act.\n\n${texts.map((label) => `[^${label}]: ${body(label)}`).join('\n')}\n`;
        const [renumbering] = codeActionsFor(lint(text), { start: 0, end: 0 }, { settings: defaultSettings, only: [codeActionKinds.renumberFootnotes] });
        for (const result of [renumbering ? applied(text, renumbering) : text, fixAll(text).text]) {
          for (const label of texts) assert.equal(result.split(body(label)).length, 2, `${body(label)} kept once in\n${result}`);
          const lost = lint(result).findings.filter((finding) => finding.ruleId === 'footnote-undefined' || finding.ruleId === 'footnote-unused');
          assert.deepEqual(lost.map((finding) => finding.message), [], result);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fix all gives what fixing round after round gives, on any text', () => {
    fc.assert(
      fc.property(draftLikeText, (text) => {
        const [action] = codeActionsFor(lint(text), { start: 0, end: 0 }, { settings: defaultSettings, only: [codeActionKinds.fixAll] });
        const fixed = action ? applyEdits(text, action.edits).text : text;
        assert.equal(fixed, fixAll(text).text);
      }),
      { numRuns: 150 },
    );
  });
});
