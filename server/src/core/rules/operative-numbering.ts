import type { Fix, TextEdit } from '../findings';
import type { CrossReference, Draft, Paragraph, Span } from '../model';
import { findUndirectedReferences } from '../parse/cross-references';
import { quotedByUnclosedMark, quotedInBody } from '../prose';
import { endOfNumberLabels, insertSuffixes, isAlternative, letterName } from '../parse/labels';
import { localMessage } from '../messages';
import type { Rule, RuleContext } from '../rule';
import { eachSubparagraph, letteredParagraphNamed, numberRemovalChangesMore, referencePartAt, wordlessAfter } from '../structure';
import { numbersSaid, ownCrossReferences, paragraphAt, type ListWords } from './cross-reference';
import { lexiconFor } from '../lexicon/lexicon';
import { DraftMemo } from '../draft-memo';

/** What renumbering one part knows: the number each number written once becomes, and every number written. */
export interface PartRenumbering {
  readonly newNumberOf: ReadonlyMap<number, number>;
  /** Every number written (the values: how often), of which `has` is asked. */
  readonly written: ReadonlyMap<number, number>;
  /** How many paragraphs are numbered once it is done: 1 to this. */
  readonly count: number;
  /** Where inserts are numbered too (finalizing): the number each insert written once becomes, by "2 bis". */
  readonly newNumberOfInsert?: ReadonlyMap<string, number>;
  /** Whether lettered paragraphs ("(a) Demands …;") are given numbers (finalizing), not relettered. */
  readonly lettersBecomeNumbers?: boolean;
}

/**
 * The edits that carry the cross-references along with a renumbering of the parts: "paragraph 5
 * above" keeps pointing at the paragraph now numbered 4. A number written on two paragraphs is
 * ambiguous, so references to it are left as they are. A reference to a number no paragraph of its
 * part is written with ("paragraph 3 above" where the numbers run 1, 2, 4) is stranded: renumbering
 * would give it a paragraph it never named, silently, so it is returned instead, and the renumbering
 * is not to be made until the drafter corrects it.
 */
export function carryReferences(draft: Draft, parts: ReadonlyMap<number, PartRenumbering>): { edits: TextEdit[]; stranded: CrossReference[] } {
  const edits: TextEdit[] = [];
  const stranded: CrossReference[] = [];
  let words: ListWords | undefined;
  for (const reference of ownCrossReferences(draft)) {
    if (reference.subparagraphOnly) {
      if (!carryLetters(draft, reference, parts, edits)) stranded.push(reference);
      continue;
    }
    const part = parts.get(referencePartAt(draft, paragraphAt(draft, reference.span.start), reference.span.start));
    if (!part) continue;
    const [first, last] = reference.numbers;
    // "paragraphs 2 bis and 4": an insert goes with its paragraph where the others are renumbered, and
    // takes its own number where all are finalized (`newNumberOfInsert`). A range from or to one is left as written.
    const inserts = reference.numbers.some((referenced) => referenced.insertSuffix);
    if (inserts && reference.range) continue;
    for (const referenced of reference.numbers) {
      const suffix = referenced.insertSuffix;
      if (!suffix) continue;
      if (part.newNumberOfInsert) {
        const target = part.newNumberOfInsert.get(`${referenced.value} ${suffix.text}`);
        if (target !== undefined) edits.push({ span: { start: referenced.span.start, end: suffix.span.end }, newText: String(target) });
        continue;
      }
      // Renumbered, an insert goes with the paragraph it is numbered from ("3 bis" under "3." made "2."
      // is "2 bis"), and so does what names it.
      const moved = part.newNumberOf.get(referenced.value);
      if (moved !== undefined && moved !== referenced.value) edits.push({ span: referenced.span, newText: String(moved) });
    }
    // A number no paragraph is written with, where renumbering will put one: the reference would
    // silently name that paragraph; and one written on two paragraphs ("2." copied onto a paragraph
    // inserted above the old 2): renumbered, one of them keeps it, the reference names that one,
    // whichever was meant. A range names each number from its first to its last.
    const strands = (value: number): boolean => (!part.written.has(value) && value >= 1 && value <= part.count) || (part.written.get(value) ?? 0) > 1;
    const plainNumbers = inserts ? reference.numbers.filter((referenced) => !referenced.insertSuffix) : reference.numbers;
    const named = reference.range && first && last && last.value > first.value && last.value - first.value <= maximumRangeRead
      ? Array.from({ length: last.value - first.value + 1 }, (_, index) => first.value + index)
      : plainNumbers.map((referenced) => referenced.value);
    if (named.some((value) => part.newNumberOf.get(value) === undefined && strands(value))) {
      stranded.push(reference);
      continue;
    }
    const targets = named.map((value) => part.newNumberOf.get(value));
    const allCarried = targets.every((target) => target !== undefined);
    const sorted = allCarried ? (targets as number[]).slice().sort((a, b) => a - b) : [];
    if (reference.range && first && last && allCarried && named.length > 1) {
      const [lowest, highest] = [sorted[0] as number, sorted[sorted.length - 1] as number];
      if (highest - lowest + 1 === sorted.length) {
        // Still a run of paragraphs (in whatever order they now stand): its ends are its lowest and highest.
        if (lowest !== first.value) edits.push({ span: first.span, newText: String(lowest) });
        if (highest !== last.value) edits.push({ span: last.span, newText: String(highest) });
      } else {
        // "paragraphs 2 to 4" whose paragraph 3 moved to the end is no run now: written out as the
        // list it became ("2, 3 and 6"), not cut to "2 to 3", which would drop the paragraph that moved.
        words ??= listWordsOf(draft);
        edits.push({ span: { start: first.span.start, end: last.span.end }, newText: numbersSaid(sorted, words, Number.POSITIVE_INFINITY) });
      }
      continue;
    }
    // A list whose paragraphs changed places is said in order again ("paragraphs 2 and 3", not "3 and
    // 2"), unless a number carries a sub-paragraph ("2 (b) and 3"), which must stay with it.
    const reorder = allCarried && !inserts && reference.numbers.length > 1 && reference.numbers.every((referenced) => referenced.subparagraph === undefined);
    plainNumbers.forEach((referenced, index) => {
      const target = reorder && !reference.range ? sorted[index] : part.newNumberOf.get(referenced.value);
      if (target !== undefined && target !== referenced.value) edits.push({ span: referenced.span, newText: String(target) });
    });
  }
  // A reference after a straight quotation mark never closed ("… du Secrétaire général\" et approuvées au
  // paragraphe 3 ci-dessous") is left out of the own ones, as quoted words are, yet may be this text's
  // own after a stray mark: where renumbering would change the number it says, it would be left naming
  // another paragraph, or a quotation's words rewritten. The renumbering waits for the drafter.
  for (const reference of draft.crossReferences) {
    if (reference.numbers.length === 0 || !quotedByUnclosedMark(draft, reference.span.start)) continue;
    const part = parts.get(referencePartAt(draft, paragraphAt(draft, reference.span.start), reference.span.start));
    const moves = (value: number): boolean => {
      const moved = part?.newNumberOf.get(value);
      return moved !== undefined && moved !== value;
    };
    if (reference.numbers.some((referenced) => moves(referenced.value))) stranded.push(reference);
  }
  return { edits, stranded };
}

/**
 * "(c) above" naming the lettered operative paragraph (c) (`letteredParagraphNamed`): relettered "(b)",
 * the reference says "(b)" too. False where the paragraphs are given numbers instead (finalizing): the
 * reference would name no paragraph, so the numbering waits until it names one by its number.
 */
function carryLetters(draft: Draft, reference: CrossReference, parts: ReadonlyMap<number, PartRenumbering>, edits: TextEdit[]): boolean {
  const holder = paragraphAt(draft, reference.span.start);
  if (!holder) return true;
  for (const label of [reference.subparagraphOnly, ...(reference.subparagraphOnlyMore ?? [])]) {
    const number = label && letteredParagraphNamed(draft, holder, label.name)?.number;
    const part = number && parts.get(holder.partIndex);
    if (!label || !number || !part) continue;
    if (part.lettersBecomeNumbers) return false;
    const moved = part.newNumberOf.get(number.value);
    if (moved === undefined || moved === number.value) continue;
    const letters = letterName(moved);
    edits.push({ span: label.span, newText: label.name === label.name.toUpperCase() ? letters.toUpperCase() : letters });
  }
  return true;
}

/** A range's numbers are read one by one up to this many: "paragraphs 1 to 5000" is no list of paragraphs. */
const maximumRangeRead = 200;

/** How the draft's language says a list of numbers: the lexicon's first list and range words. */
function listWordsOf(draft: Draft): ListWords {
  const words = (lexiconFor(draft.language) ?? lexiconFor('en'))?.crossReferences;
  return { and: words?.list[0] ?? 'and', to: words?.range[0] ?? 'to' };
}

/**
 * The edits that renumber every operative paragraph of every part 1, 2, 3 … in place, keeping
 * each number's own style (numbering-format rewrites the style), and that carry the cross-references
 * along (`carryReferences`). An insert ("3 bis.") goes with the paragraph it is numbered from ("2 bis." where "3." becomes "2."); one whose number no paragraph carries once keeps it. None while a reference is
 * stranded (`strandedByRenumbering`).
 */
export function renumberOperativeEdits(draft: Draft): TextEdit[] {
  return renumbering(draft).edits;
}

/** The references that keep the paragraphs from being renumbered: see `carryReferences`. */
export function strandedByRenumbering(draft: Draft): readonly CrossReference[] {
  return renumbering(draft).stranded;
}

/**
 * A draft's renumbering: its edits, or the references that hold it back; `undirected` where those
 * say no direction ("paragraph 3": `undirectedReferencesMoved`), not a number no paragraph has.
 */
interface Renumbering {
  readonly edits: TextEdit[];
  readonly stranded: CrossReference[];
  readonly undirected: boolean;
}

function renumbering(draft: Draft): Renumbering {
  const cached = renumberCache.get(draft);
  if (cached) return cached;
  const edits: TextEdit[] = [];
  const parts = new Map<number, PartRenumbering>();
  draft.parts.forEach((part, partIndex) => {
    const numbered = numberedInSequence(part.operativeParagraphs);
    const written = new Map<number, number>();
    for (const paragraph of numbered) if (paragraph.number) written.set(paragraph.number.value, (written.get(paragraph.number.value) ?? 0) + 1);
    const newNumberOf = new Map<number, number>();
    const renumber = (number: NonNullable<Paragraph['number']>, value: number): void => {
      if (number.value === value) return;
      if (number.style === 'letter') {
        // "c." renumbered is "b.": lettered still, as each number keeps its style here.
        const letters = /[a-z]+/.exec(number.text);
        if (letters) edits.push({ span: { start: number.span.start + letters.index, end: number.span.start + letters.index + letters[0].length }, newText: letterName(value) });
        return;
      }
      const digits = /\d+/.exec(number.text);
      if (!digits) return;
      const start = number.span.start + digits.index;
      edits.push({ span: { start, end: start + digits[0].length }, newText: String(value) });
    };
    numbered.forEach((paragraph, index) => {
      const number = paragraph.number;
      if (!number) return;
      if (written.get(number.value) === 1) newNumberOf.set(number.value, index + 1);
      renumber(number, index + 1);
    });
    // Inserts and alternatives go with the paragraph they are numbered from: "3 bis." under "3." made
    // "2." is "2 bis.". One whose number no paragraph carries once (or that stands in) keeps its own.
    const inSequence = new Set(numbered);
    for (const paragraph of part.operativeParagraphs) {
      const number = paragraph.number;
      if (!number?.insertSuffix || inSequence.has(paragraph)) continue;
      const value = newNumberOf.get(number.value);
      if (value !== undefined) renumber(number, value);
    }
    parts.set(partIndex, { newNumberOf, written, count: numbered.length });
  });
  const carried = carryReferences(draft, parts);
  const undirected = carried.stranded.length === 0 && edits.length > 0 ? undirectedReferencesMoved(draft, parts) : [];
  const stranded = carried.stranded.length > 0 ? carried.stranded : undirected;
  const result: Renumbering = stranded.length > 0
    ? { edits: [], stranded, undirected: undirected.length > 0 }
    : { edits: [...edits, ...carried.edits].sort((a, b) => a.span.start - b.span.start), stranded: [], undirected: false };
  renumberCache.set(draft, result);
  return result;
}

/**
 * The references in operative paragraphs that say no direction ("the measures imposed by paragraph 3")
 * and name a number renumbering changes: which paragraph they mean is not said, and renumbering would
 * leave them on another one (a Security Council text writes them so). Looked for only where
 * renumbering changes a number.
 */
function undirectedReferencesMoved(draft: Draft, parts: ReadonlyMap<number, PartRenumbering>): CrossReference[] {
  const spans: Span[] = [];
  for (const part of draft.parts) {
    for (const paragraph of part.operativeParagraphs) {
      spans.push(...paragraph.pieces);
      for (const item of eachSubparagraph(paragraph.subparagraphs)) spans.push(...item.pieces);
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return findUndirectedReferences(draft.text, spans, lexiconFor(draft.language)).filter((reference) => {
    if (quotedInBody(draft, reference.span.start)) return false;
    const part = parts.get(referencePartAt(draft, paragraphAt(draft, reference.span.start), reference.span.start));
    return part !== undefined && reference.numbers.some((referenced) => (part.newNumberOf.get(referenced.value) ?? referenced.value) !== referenced.value);
  });
}

/** One renumbering per draft: every finding of the rule carries the same fix. */
const renumberCache = new DraftMemo<Renumbering>('operative renumbering');

/**
 * The operative paragraphs that take part in the 1, 2, 3 sequence: all but negotiation inserts
 * ("5 bis"), and an unnumbered "Resolves:" that introduces the numbered paragraphs of older texts.
 */
function numberedInSequence(paragraphs: readonly Paragraph[]): Paragraph[] {
  // An alternative whose paragraph has no plain wording yet ("OP2 alt" and no "OP2") stands for it: the
  // first of its number takes its place in the sequence. Looked for only where a draft has alternatives.
  const standsIn = paragraphs.some((paragraph) => paragraph.number?.insertSuffix === 'alt') ? alternativesStandingIn(paragraphs) : undefined;
  return paragraphs.filter((paragraph, index) => {
    if (paragraph.number?.insertSuffix) return standsIn?.has(paragraph) === true;
    const introducesNumbered = index === 0 && !paragraph.number && paragraph.text.trimEnd().endsWith(':') && paragraphs[1]?.number?.value === 1;
    return !introducesNumbered;
  });
}

/** The first alternative ("OP2 alt") of each number that no plain paragraph carries. */
function alternativesStandingIn(paragraphs: readonly Paragraph[]): Set<Paragraph> {
  const plain = new Set<number>();
  for (const paragraph of paragraphs) if (paragraph.number && paragraph.number.insertSuffix === undefined) plain.add(paragraph.number.value);
  const standing = new Set<Paragraph>();
  const taken = new Set<number>();
  for (const paragraph of paragraphs) {
    const number = paragraph.number;
    if (number?.insertSuffix !== 'alt' || plain.has(number.value) || taken.has(number.value)) continue;
    taken.add(number.value);
    standing.add(paragraph);
  }
  return standing;
}

export const operativeNumberingRule: Rule = {
  id: 'operative-numbering',
  description: 'Operative paragraphs are numbered 1, 2, 3 … with no gap, duplicate or disorder; a single operative paragraph is not numbered.',
  defaultSeverity: 'error',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    const renumber = (): Fix => ({ title: localMessage(context.lexicon, 'fix/renumber-operative', {}, 'Renumber operative paragraphs'), edits: renumberOperativeEdits(draft) });
    for (const part of draft.parts) {
      const paragraphs = numberedInSequence(part.operativeParagraphs);
      const numberedCount = paragraphs.filter((paragraph) => paragraph.number).length;
      if (paragraphs.length === 1) {
        const only = paragraphs[0] as Paragraph;
        // A lone "1." is how some adopted texts print a single paragraph; only other numbers are slips. A
        // negotiation draft labels its first operative paragraph "OP1" before the others are written, as it
        // labels its preambular ones "PP1": Finalize numbering settles the label with the rest.
        const loneLabel = only.number?.style === 'label' && context.settings.mode === 'negotiation' && only.number.insertSuffix === undefined;
        if (only.number && only.number.value === 1 && (only.number.style === 'dot' || loneLabel)) continue;
        if (only.number) {
          // Repeated numbers ("2. 2. Decides") go at once, up to a lone "1." that may stay.
          const end = endOfNumberLabels(draft.text, only.textStart, only.span.end, (label) => label.value === 1 && label.style === 'dot');
          context.report({
            span: only.number.span,
            message: localMessage(context.lexicon, 'operative-numbering/single', { number: only.number.text }, `A single operative paragraph is not numbered: remove '${only.number.text}'.`),
            // A number alone ("0.") is the paragraph: removing it joins the lines around it, and the next
            // reading may find another lone paragraph to remove a number from (found by fuzzing).
            ...(numberRemovalChangesMore(draft, only, end) || wordlessAfter(draft, only, end) ? {} : { fix: { title: localMessage(context.lexicon, 'fix/remove-number', {}, 'Remove the number'), edits: [{ span: { start: only.number.span.start, end }, newText: '' }] } }),
          });
        }
        continue;
      }
      if (context.settings.mode === 'negotiation') reportInsertsOutOfPlace(part.operativeParagraphs, context);
      // Texts that number none of their operative paragraphs (older Council texts) are left alone.
      if (numberedCount === 0) continue;
      let previous: number | undefined;
      /** Whether `previous` was written on the paragraph above, or only assumed for an unnumbered one. */
      let previousWritten = false;
      /** The paragraph above, whose number the message names: shown beside the finding. */
      let above: Paragraph | undefined;
      paragraphs.forEach((paragraph, index) => {
        const paragraphAbove = above;
        above = paragraph;
        const number = paragraph.number;
        const expected = previous === undefined ? 1 : previous + 1;
        if (!number) {
          const position = index + 1;
          context.report({
            span: { start: paragraph.textStart, end: paragraph.opener?.span.end ?? paragraph.textStart },
            message: localMessage(context.lexicon, 'operative-numbering/unnumbered', { position: String(position) }, `Operative paragraph ${position} has no number: write '${position}.' before it.`),
            fix: { title: localMessage(context.lexicon, 'fix/number-paragraph', { number: `${position}.` }, `Number the paragraph ${position}.`), edits: [{ span: { start: paragraph.textStart, end: paragraph.textStart }, newText: `${position}. ` }] },
          });
          previous = expected;
          previousWritten = false;
          return;
        }
        // Reported where the sequence breaks, with the number renumbering gives the paragraph.
        if (number.value !== expected && number.value !== index + 1) {
          const [written, wanted] = [String(number.value), String(index + 1)];
          const what = previous === undefined
            ? localMessage(context.lexicon, 'operative-numbering/first', { number: written }, `The first operative paragraph is numbered ${written}: expected 1.`)
            : number.value === previous && previousWritten
              ? localMessage(context.lexicon, 'operative-numbering/repeats', { number: written, expected: wanted }, `Operative paragraph ${written} repeats the number of the paragraph above: expected ${wanted}.`)
              : localMessage(context.lexicon, 'operative-numbering/follows', { number: written, previous: String(previous), expected: wanted }, `Operative paragraph numbered ${written} follows ${previous}: expected ${wanted}.`);
          const related = previousWritten && paragraphAbove?.number
            ? { related: [{ span: paragraphAbove.number.span, message: localMessage(context.lexicon, 'operative-numbering/here', { number: String(previous) }, `Paragraph ${previous} is here.`) }] }
            : {};
          const held = renumbering(draft);
          const stranded = held.stranded[0];
          if (stranded) {
            const quoted = draft.text.slice(stranded.span.start, stranded.span.end).replace(/\s+/g, ' ');
            const writtenTwice = numbersWrittenTwice(draft, stranded);
            const twice = stranded.numbers.find((referenced) => !referenced.insertSuffix && writtenTwice.has(referenced.value));
            const message = quotedByUnclosedMark(draft, stranded.span.start)
              ? localMessage(context.lexicon, 'operative-numbering/not-renumbered-open-quote', { what, reference: quoted },
                `${what} Not renumbered for you: '${quoted}' stands after a quotation mark that is never closed, so it may be quoted from another text, whose numbers renumbering must not change, or be this resolution's own, which it must. Close the quotation or remove the stray mark first.`)
              : held.undirected
              ? localMessage(context.lexicon, 'operative-numbering/not-renumbered-undirected', { what, reference: quoted },
                `${what} Not renumbered for you: '${quoted}' says neither 'above' nor 'below' and may name this resolution's paragraph, which renumbering moves; it would be left naming another. Write '${quoted} above' or '${quoted} below', or name the text it belongs to, first.`)
              : twice
              ? localMessage(context.lexicon, 'operative-numbering/not-renumbered-ambiguous', { what, reference: quoted, number: String(twice.value) },
                `${what} Not renumbered for you: '${quoted}' names number ${twice.value}, which two paragraphs carry, and renumbering would point it at one of them. Say which first.`)
              : localMessage(context.lexicon, 'operative-numbering/not-renumbered', { what, reference: quoted },
                `${what} Not renumbered for you: '${quoted}' names a number no paragraph has, and renumbering would point it at another paragraph. Correct the reference first.`);
            context.report({ span: number.span, message, ...related });
          } else context.report({ span: number.span, message: what, fix: renumber(), ...related });
        }
        previous = number.value;
        previousWritten = true;
      });
    }
  },
};

/** Where an insert's suffix puts it among the paragraphs of its number: the paragraph itself first, then "bis", "ter" … */
function insertRank(suffix: string | undefined): number {
  return suffix === undefined ? 1 : insertSuffixes.indexOf(suffix.split(' ')[0] ?? '') + 2 || 1;
}

/**
 * In a negotiation draft, an insert stands right after the paragraph it is numbered from, or after
 * that paragraph's earlier inserts: "5 bis." after "5." (or "5 bis." before it … "5 ter." after "5
 * bis."). An alternative ("OP5 alt", "5 bis alt") stands next to a paragraph of its number. Reported
 * elsewhere, where a reader looks for it and renumbering will place it; no fix moves a paragraph.
 */
function reportInsertsOutOfPlace(paragraphs: readonly Paragraph[], context: RuleContext): void {
  const numbered = paragraphs.filter((paragraph) => paragraph.number !== undefined);
  const plainValues = new Set(numbered.flatMap((paragraph) => (paragraph.number?.insertSuffix === undefined ? [paragraph.number?.value] : [])));
  for (let index = 0; index < numbered.length; index++) {
    const number = (numbered[index] as Paragraph).number as NonNullable<Paragraph['number']>;
    const suffix = number.insertSuffix;
    if (suffix === undefined) continue;
    const aboveNumber = numbered[index - 1]?.number;
    if (aboveNumber && aboveNumber.value === number.value && insertRank(aboveNumber.insertSuffix) < insertRank(suffix)) continue;
    // "OP2 alt" with no "OP2" stands in the sequence for paragraph 2 (`numberedInSequence`), its place checked there.
    if (suffix === 'alt' && !plainValues.has(number.value)) continue;
    // An alternative, a wording competing with its paragraph's, stands next to it, above or below.
    if (isAlternative(number) && (aboveNumber?.value === number.value || numbered[index + 1]?.number?.value === number.value)) continue;
    const label = number.text.trim();
    const value = String(number.value);
    const own = paragraphs.find((candidate) => candidate.number?.value === number.value && candidate.number.insertSuffix === undefined)?.number;
    const related = own ? { related: [{ span: own.span, message: localMessage(context.lexicon, 'operative-numbering/here', { number: value }, `Paragraph ${value} is here.`) }] } : {};
    const previous = aboveNumber?.text.trim().replace(/\.$/, '');
    const message = previous !== undefined
      ? localMessage(context.lexicon, 'operative-numbering/insert-after', { label, previous, number: value },
        `'${label}' stands after paragraph ${previous}: an insert follows the paragraph it is numbered from (${value}), or that paragraph's earlier inserts.`)
      : localMessage(context.lexicon, 'operative-numbering/insert-before', { label, number: value }, `'${label}' stands before paragraph ${value}: an insert follows the paragraph it is numbered from.`);
    context.report({ span: number.span, message, ...related });
  }
}

/** The numbers written on more than one operative paragraph of the part the reference stands in (inserts aside). */
function numbersWrittenTwice(draft: Draft, reference: CrossReference): Set<number> {
  const part = draft.parts[referencePartAt(draft, paragraphAt(draft, reference.span.start), reference.span.start)];
  const seen = new Set<number>();
  const twice = new Set<number>();
  for (const paragraph of part?.operativeParagraphs ?? []) {
    const number = paragraph.number;
    if (!number || number.insertSuffix) continue;
    if (seen.has(number.value)) twice.add(number.value);
    seen.add(number.value);
  }
  return twice;
}
