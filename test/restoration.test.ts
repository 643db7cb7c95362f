// Breaking an adopted text the way drafters do — a skipped or a repeated operative number, an opener
// in the wrong form, a dropped "also" — and fixing all must give the original back, byte for byte.
// This holds the fixes to "change only the text they are about" on real texts, not only fixtures.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, parse, type Draft, type Paragraph, type TextEdit } from '../server/src/core/index';
import { fixAll } from './check';
import { corpusFolder } from './support/shared';
import { defectiveFiles } from './support/corpus-defects';

const corpusRoot = corpusFolder;
/** SOURCES.md marks these as damaged by their extraction: not clean adopted text. */
const defective = new Set(defectiveFiles);

interface Breakage {
  readonly kind: string;
  readonly text: string;
}

function edit(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, edits).text;
}

/** The numbered operative paragraphs of the draft's first part whose numbers run 1, 2, 3 … as printed. */
function wellNumbered(draft: Draft): readonly Paragraph[] | undefined {
  const operative = draft.parts[0]?.operativeParagraphs ?? [];
  const runs = operative.length >= 3 && operative.every((paragraph, index) => paragraph.number?.value === index + 1 && paragraph.number.style === 'dot');
  return runs ? operative : undefined;
}

function digitsOf(paragraph: Paragraph): { start: number; end: number } {
  const number = paragraph.number;
  if (!number) throw new Error('paragraph without number');
  return { start: number.span.start, end: number.span.start + String(number.value).length };
}

/** Paragraph k (and all after it) numbered one higher, cross-references moved along, as after deleting a paragraph. */
function skipNumber(draft: Draft): Breakage | undefined {
  const operative = wellNumbered(draft);
  if (!operative) return undefined;
  const from = Math.floor(operative.length / 2) + 1;
  const edits: TextEdit[] = operative.slice(from - 1).map((paragraph) => ({ span: digitsOf(paragraph), newText: String((paragraph.number?.value ?? 0) + 1) }));
  for (const reference of draft.crossReferences) {
    for (const referenced of reference.numbers) {
      if (referenced.value >= from && referenced.value <= operative.length) edits.push({ span: referenced.span, newText: String(referenced.value + 1) });
    }
  }
  return { kind: 'skipped number', text: edit(draft.text, edits) };
}

/** Paragraph k written with the number of the paragraph before it. */
function repeatNumber(draft: Draft): Breakage | undefined {
  const operative = wellNumbered(draft);
  const paragraph = operative?.[Math.floor(operative.length / 2)];
  if (!paragraph?.number) return undefined;
  return { kind: 'repeated number', text: edit(draft.text, [{ span: digitsOf(paragraph), newText: String(paragraph.number.value - 1) }]) };
}

/** The first operative opener with a preambular form put in that form ("Urges" → "Urging"). */
function operativeAsParticiple(draft: Draft): Breakage | undefined {
  for (const paragraph of draft.parts[0]?.operativeParagraphs ?? []) {
    const match = paragraph.opener?.match;
    if (!match || match.kind !== 'operative' || !match.entry.preambular || match.adverbs.length > 0 || match.entry.opensOperativeClause) continue;
    const written = draft.text.slice(match.formSpan.start, match.formSpan.end);
    if (written !== match.entry.operative) continue;
    return { kind: 'operative opener as participle', text: edit(draft.text, [{ span: match.formSpan, newText: match.entry.preambular }]) };
  }
  return undefined;
}

/** The first operative opener with a bare form put in it ("Requests" → "Request"). */
function operativeAsBareVerb(draft: Draft): Breakage | undefined {
  for (const paragraph of draft.parts[0]?.operativeParagraphs ?? []) {
    const match = paragraph.opener?.match;
    const bare = match?.entry.forms[0];
    if (!match || !bare || match.kind !== 'operative' || match.adverbs.length > 0) continue;
    if (draft.text.slice(match.formSpan.start, match.formSpan.end) !== match.entry.operative) continue;
    return { kind: 'operative opener as bare verb', text: edit(draft.text, [{ span: match.formSpan, newText: bare }]) };
  }
  return undefined;
}

/** The first preambular opener put in its operative form ("Recalling" → "Recalls"). */
function preambularAsVerb(draft: Draft): Breakage | undefined {
  for (const paragraph of draft.parts[0]?.preambularParagraphs ?? []) {
    const match = paragraph.opener?.match;
    if (!match || match.kind !== 'preambular' || !match.entry.operative || match.adverbs.length > 0) continue;
    if (draft.text.slice(match.formSpan.start, match.formSpan.end) !== match.entry.preambular) continue;
    return { kind: 'preambular opener as verb', text: edit(draft.text, [{ span: match.formSpan, newText: match.entry.operative }]) };
  }
  return undefined;
}

/** "Recalling also" → "Recalling", on the second of two preambular paragraphs with the same opener. */
function dropAlso(draft: Draft): Breakage | undefined {
  const preamble = draft.parts[0]?.preambularParagraphs ?? [];
  for (let index = 1; index < preamble.length; index++) {
    const match = preamble[index]?.opener?.match;
    const above = preamble[index - 1]?.opener?.match;
    const additive = match?.additive;
    if (!match || !above || !additive || additive.word !== 'also' || additive.position !== 'after' || above.entry !== match.entry || above.additive) continue;
    if (match.modifierSpan || above.modifierSpan || match.adverbs.length > 0 || above.adverbs.length > 0) continue;
    // Openers that adopted texts repeat with or without "also" ("Reaffirming"): dropping it is no slip.
    if (match.entry.additiveOptional) continue;
    return { kind: 'dropped also', text: edit(draft.text, [{ span: { start: match.formSpan.end, end: additive.span.end }, newText: '' }]) };
  }
  return undefined;
}

const breakers = [skipNumber, repeatNumber, operativeAsParticiple, operativeAsBareVerb, preambularAsVerb, dropAlso];

describe('fix-all restores adopted texts broken the way drafters break them', function () {
  this.timeout(120_000);

  it('gives back the original text, byte for byte', function () {
    if (!fs.existsSync(corpusRoot)) this.skip();
    const files = fs.readdirSync(corpusRoot).filter((file) => file.endsWith('.txt') && !defective.has(file)).sort();
    const failures: string[] = [];
    const attempts = new Map<string, { tried: number; restored: number }>();
    let skippedUnstable = 0;
    for (const file of files) {
      const original = fs.readFileSync(path.join(corpusRoot, file), 'utf8');
      // A text that fix-all would change by itself (an adopted text's own slips) cannot come back unchanged.
      if (fixAll(original).text !== original) {
        skippedUnstable++;
        continue;
      }
      const draft = parse(original);
      for (const breaker of breakers) {
        // repeated-opener is silent on scanned pre-1999 records, which predate the "also" convention.
        if (breaker === dropAlso && draft.fromScan) continue;
        // On a scanned record, operative-verb reads "Request" for "Requests" as OCR's lost letter, not a slip.
        if (breaker === operativeAsBareVerb && draft.fromScan) continue;
        const breakage = breaker(draft);
        if (!breakage || breakage.text === original) continue;
        const tally = attempts.get(breakage.kind) ?? { tried: 0, restored: 0 };
        tally.tried++;
        const fixed = fixAll(breakage.text);
        if (fixed.text === original) tally.restored++;
        else failures.push(`${file}: ${breakage.kind}`);
        attempts.set(breakage.kind, tally);
      }
    }
    const tried = [...attempts.values()].reduce((sum, tally) => sum + tally.tried, 0);
    const restored = [...attempts.values()].reduce((sum, tally) => sum + tally.restored, 0);
    console.log(`      restoration: ${restored} of ${tried} broken texts restored (${((100 * restored) / Math.max(1, tried)).toFixed(1)} %); ${skippedUnstable} texts left out because fix-all changes them as adopted`);
    for (const [kind, tally] of attempts) console.log(`        ${kind}: ${tally.restored}/${tally.tried}`);
    for (const failure of failures) console.log(`        not restored: ${failure}`);
    assert.ok(tried >= 100, `only ${tried} breakages could be made`);
    // A few breakages are ambiguous by nature (an unnumbered text whose only operative paragraph
    // loses its verb form reads as all preamble; a number written twice that a reference names, as
    // the annex of S/RES/1454 (2002) names "paragraph 2 of this resolution" once its paragraph 3 is
    // written "2.": which of the two it meant no fix can tell, so none renumbers); the rest must come
    // back exactly. 598 of 610 before annexes' references were read, 597 since.
    assert.ok(restored / tried >= 0.975, `only ${restored} of ${tried} restored:\n${failures.join('\n')}`);
  });
});
