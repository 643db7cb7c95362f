import type { Fix, TextEdit } from '../findings';
import { callEdit, callsMixBareDigitsAndMarks, draftFootnoteSeriesStarts, footnoteBodyKey, footnoteLinesSpan, sameSourceWordsOf } from '../footnotes';
import type { Draft, FootnoteText } from '../model';
import type { Lexicon } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { Rule } from '../rule';
import { paragraphContaining } from '../structure';

/**
 * Whether `footnote` should have called `earlier` again instead: another number, called, and not a
 * citation the other part of the resolution cites afresh (`partOfFirstCall` holds each called number's part).
 */
function reusable(earlier: FootnoteText, footnote: FootnoteText, laterPart: string | undefined, partOfFirstCall: ReadonlyMap<number, string | undefined>): boolean {
  // A text no mark calls is footnote-unused's to delete: merging into it would leave the calls with none.
  if (earlier.number === footnote.number || !partOfFirstCall.has(earlier.number)) return false;
  const earlierPart = partOfFirstCall.get(earlier.number);
  return !(earlierPart && laterPart && earlierPart !== laterPart);
}

/**
 * The fix that merges `footnote` into `same`, the earlier footnote with its text: its calls call
 * `same` again, and its text goes, with its line break. The numbers after it are then one short,
 * which footnote-order renumbers. Offered for the "[^N]: …" texts listed at the end, each number
 * written once; a copy's footnotes at page feet are left to the drafter.
 */
function mergeFix(draft: Draft, footnote: FootnoteText, same: FootnoteText, lexicon: Lexicon | undefined): Fix | undefined {
  if (footnote.placement !== 'end' || footnote.style !== 'bracket') return undefined;
  if (draft.footnoteTexts.some((other) => other !== footnote && other.number === footnote.number)) return undefined;
  // "[^3]" made "[^2]" beside a bare "Weapons;2": the mark would stop the digit being read as a call.
  if (callsMixBareDigitsAndMarks(draft)) return undefined;
  // "[^5]: Ibid., vol. 1577 …" under the footnote deleted would then cite the source of the one before
  // that: the drafter merges those by hand.
  const next = draft.footnoteTexts[draft.footnoteTexts.indexOf(footnote) + 1];
  if (next && citesTheSourceBefore(draft, next)) return undefined;
  const edits: TextEdit[] = [];
  for (const call of draft.footnoteCalls) {
    if (call.number !== footnote.number) continue;
    const edit = callEdit(draft, call, same.number);
    if (!edit) return undefined;
    // A named text is called by its name ("[^report]"): its number is only the one print would give it.
    if (same.name !== undefined && call.style === 'superscript') return undefined;
    edits.push(same.name !== undefined ? { ...edit, newText: same.name } : edit);
  }
  edits.push({ span: footnoteLinesSpan(draft, footnote), newText: '' });
  const sameLabel = labelOf(same);
  const label = labelOf(footnote);
  return { title: localMessage(lexicon, 'fix/call-footnote-again', { same: sameLabel, number: label }, `Call footnote ${sameLabel} again and delete footnote ${label}`), edits };
}

/** How the drafter knows a footnote: its name where it has one ("report" of "[^report]"), else its number. */
function labelOf(footnote: FootnoteText): string {
  return footnote.name ?? String(footnote.number);
}

/** "Ibid.", "ibid": tried only on a text that opens with an I (most open with no I: no pattern call for them). */
const ibid = /^ibid\b/i;

function isLetterI(code: number): boolean {
  return code === 73 || code === 105;
}

/** Whether the footnote opens with the words that cite the source of the one before it ("Ibid."). */
function citesTheSourceBefore(draft: Draft, footnote: FootnoteText): boolean {
  return (isLetterI(footnote.body.charCodeAt(0)) && ibid.test(footnote.body)) || sameSourceWordsOf(draft, footnote) !== undefined;
}

export const footnoteDuplicateRule: Rule = {
  id: 'footnote-duplicate',
  description: 'Two footnotes with the same text in one part of the resolution: the later reference reuses the earlier number, as adopted texts do.',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    // Adopted texts give a citation a new footnote when it recurs in the operative part after the
    // preamble cited it (the first page is far away in print); within one part they reuse the number.
    // The part of each number's first call is found once, not at every comparison of two texts.
    const partOfFirstCall = new Map<number, string | undefined>();
    for (const call of draft.footnoteCalls) {
      if (!partOfFirstCall.has(call.number)) partOfFirstCall.set(call.number, paragraphContaining(draft, call.span.start)?.kind);
    }
    // A text met once (most) stands alone under its key, a list from the second on: no list per text.
    const earlierWithText = new Map<string, FootnoteText | FootnoteText[]>();
    // A file of resolutions pasted one after another, each numbering its footnotes from 1: a text
    // repeated in another resolution is that resolution's own note, not a duplicate. The texts are
    // compared within each series of numbers (the texts are in text order, and so are the series).
    const seriesStarts = draftFootnoteSeriesStarts(draft);
    let nextSeries = 0;
    for (const footnote of draft.footnoteTexts) {
      if (nextSeries < seriesStarts.length && footnote.span.start >= (seriesStarts[nextSeries] as number)) {
        while (nextSeries < seriesStarts.length && footnote.span.start >= (seriesStarts[nextSeries] as number)) nextSeries++;
        earlierWithText.clear();
      }
      const key = footnoteBodyKey(footnote);
      // "Ibid." points at the footnote before it: repeating it is not duplicating a text.
      if (key === '' || (isLetterI(key.charCodeAt(0)) && ibid.test(key))) continue;
      const earlier = earlierWithText.get(key);
      if (earlier === undefined) {
        earlierWithText.set(key, footnote);
        continue;
      }
      // A text never called is footnote-unused's: one finding, one deletion.
      if (!partOfFirstCall.has(footnote.number)) continue;
      const laterPart = partOfFirstCall.get(footnote.number);
      let same: FootnoteText | undefined;
      if (Array.isArray(earlier)) {
        same = earlier.find((candidate) => reusable(candidate, footnote, laterPart, partOfFirstCall));
        earlier.push(footnote);
      } else {
        if (reusable(earlier, footnote, laterPart, partOfFirstCall)) same = earlier;
        earlierWithText.set(key, [earlier, footnote]);
      }
      if (!same) continue;
      const fix = mergeFix(draft, footnote, same, context.lexicon);
      const label = labelOf(footnote);
      const sameLabel = labelOf(same);
      context.report({
        span: footnote.labelSpan,
        message: localMessage(context.lexicon, 'footnote-duplicate/repeats', { number: label, same: sameLabel },
          `Footnote ${label} repeats the text of footnote ${sameLabel}: call footnote ${sameLabel} again instead.`),
        related: [{ span: same.span, message: localMessage(context.lexicon, 'footnote-duplicate/same-text', { number: sameLabel }, `Footnote ${sameLabel} has the same text.`) }],
        ...(fix ? { fix } : {}),
      });
    }
  },
};
