import { conventionsOf, type Lexicon } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { CrossReference, Draft, Paragraph, ReferencedNumber, SubParagraph } from '../model';
import type { Rule, RuleContext } from '../rule';
import { letteredParagraphNamed, numberedListHolds, referencePartAt, subparagraphNamed, subparagraphReferenced } from '../structure';
import { DraftMemo } from '../draft-memo';
import { quotedInBody } from '../prose';

/**
 * The draft's references to its own paragraphs: those not in a quotation. Words quoted from another
 * text ("decided that “the measures referred to in paragraph 9 above shall apply”") point into that
 * text: they are neither checked nor changed by renumbering.
 */
export function ownCrossReferences(draft: Draft): readonly CrossReference[] {
  let own = ownReferencesOf.get(draft);
  if (!own) {
    own = draft.crossReferences.length === 0 ? draft.crossReferences : draft.crossReferences.filter((reference) => !quotedInBody(draft, reference.span.start));
    ownReferencesOf.set(draft, own);
  }
  return own;
}
const ownReferencesOf = new DraftMemo<readonly CrossReference[]>('own cross-references');

/** The paragraph of the draft whose text holds `offset` (paragraphs are in text order: a binary search). */
export function paragraphAt(draft: Draft, offset: number): Paragraph | undefined {
  const paragraphs = draft.paragraphs;
  let low = 0;
  let high = paragraphs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const paragraph = paragraphs[middle] as Paragraph;
    if (offset < paragraph.span.start) high = middle - 1;
    else if (offset > paragraph.span.end) low = middle + 1;
    else return paragraph;
  }
  return undefined;
}

/** A part's operative paragraphs by number, and its negotiation inserts by number and suffix ("2 bis"). */
interface PartTargets {
  readonly byNumber: Map<number, Paragraph>;
  readonly inserts: Map<string, Paragraph>;
}

const targetsByPart = new DraftMemo<Map<number, PartTargets>>('cross-reference targets');
const noTargets: PartTargets = { byNumber: new Map(), inserts: new Map() };

/** The targets of the part a reference at `offset` stands in (the first paragraph written with each number). */
function partTargets(draft: Draft, offset: number): PartTargets {
  let byPart = targetsByPart.get(draft);
  if (!byPart) {
    byPart = new Map();
    draft.parts.forEach((part, partIndex) => {
      const targets: PartTargets = { byNumber: new Map(), inserts: new Map() };
      for (const paragraph of part.operativeParagraphs) {
        const number = paragraph.number;
        if (!number) continue;
        if (!number.insertSuffix) {
          if (!targets.byNumber.has(number.value)) targets.byNumber.set(number.value, paragraph);
        } else if (!targets.inserts.has(`${number.value} ${number.insertSuffix}`)) {
          targets.inserts.set(`${number.value} ${number.insertSuffix}`, paragraph);
        }
      }
      byPart?.set(partIndex, targets);
    });
    targetsByPart.set(draft, byPart);
  }
  return byPart.get(referencePartAt(draft, paragraphAt(draft, offset), offset)) ?? noTargets;
}

/** The operative paragraphs a reference at `offset` can point at: those of its part, by number. */
export function operativeTargets(draft: Draft, offset: number): Map<number, Paragraph> {
  return partTargets(draft, offset).byNumber;
}

/** The negotiation inserts a reference at `offset` can point at: those of its part, by number and suffix ("2 bis"). */
function insertTargets(draft: Draft, offset: number): Map<string, Paragraph> {
  return partTargets(draft, offset).inserts;
}

/** How much of a long reference a message quotes: its opening and its end, the numbers between left out. */
const quotedOpening = 50;
const quotedEnd = 25;

/**
 * The reference as a message quotes it, white space made single; a long one by its opening and end
 * ("paragraphs 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 … 1998, 1999 and 2000 above"). Made once
 * a reference: each of its numbers may have a finding, and a list of two thousand numbers, quoted
 * whole in each, made messages of a square size (3 s for 6 kB of text).
 */
function quote(draft: Draft, reference: CrossReference): string {
  let quoted = quotes.get(reference);
  if (quoted === undefined) {
    const { start, end } = reference.span;
    quoted = end - start <= quotedOpening + quotedEnd + 10
      ? draft.text.slice(start, end).replace(/\s+/g, ' ')
      : `${draft.text.slice(start, start + quotedOpening).replace(/\s+/g, ' ').trimEnd()} … ${draft.text.slice(end - quotedEnd, end).replace(/\s+/g, ' ').trimStart()}`;
    quotes.set(reference, quoted);
  }
  return quoted;
}
const quotes = new WeakMap<CrossReference, string>();

/** The words a list of numbers is said with: "1, 2 and 4 to 6" ("et" and "à" in French: the lexicon's). */
export interface ListWords {
  readonly and: string;
  readonly to: string;
  /** What stands for the numbers past the first few: "others up to 40". */
  readonly othersUpTo?: (last: number) => string;
}
const englishListWords: ListWords = { and: 'and', to: 'to' };

/**
 * The numbers, sorted, as a reader says them: "1 to 6", "1, 2 and 4 to 6". Past `mostItems` items the
 * rest is summed up (in a message: a draft with many gaps needs renumbering more than a list).
 */
export function numbersSaid(numbers: readonly number[], words: ListWords = englishListWords, mostItems = 5): string {
  const items: string[] = [];
  let index = 0;
  while (index < numbers.length) {
    let end = index;
    while (end + 1 < numbers.length && (numbers[end + 1] as number) === (numbers[end] as number) + 1) end++;
    if (end - index >= 2) items.push(`${numbers[index]} ${words.to} ${numbers[end]}`);
    else for (let at = index; at <= end; at++) items.push(String(numbers[at]));
    index = end + 1;
  }
  if (items.length > mostItems) {
    const last = numbers[numbers.length - 1] as number;
    return `${items.slice(0, mostItems - 1).join(', ')} ${words.and} ${words.othersUpTo?.(last) ?? `others up to ${last}`}`;
  }
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${words.and} ${items[items.length - 1]}` : (items[0] ?? '');
}

/**
 * What a reference to a missing paragraph is told: which numbers the part does have. Said once per
 * part and draft (`targets` is the part's map, made once per draft): a draft may have hundreds of such
 * references, and each would sort the part's numbers again, at every keystroke.
 */
function extentOf(targets: Map<number, Paragraph>, lexicon: Lexicon | undefined): string {
  let extent = extentSaid.get(targets);
  if (extent === undefined) {
    const sorted = [...targets.keys()].sort((a, b) => a - b);
    const numbers = numbersSaid(sorted, listWordsOf(lexicon));
    extent = targets.size === 0
      ? localMessage(lexicon, 'cross-reference/extent-none', {}, 'the operative part is not numbered')
      : sorted.length === 1
        ? localMessage(lexicon, 'cross-reference/extent-one', { numbers }, `the operative part has paragraph ${numbers}`)
        : localMessage(lexicon, 'cross-reference/extent-many', { numbers }, `the operative part has paragraphs ${numbers}`);
    extentSaid.set(targets, extent);
  }
  return extent;
}

/** How a message in the lexicon's language says a list of numbers: "1, 2 and 4 to 6", « 1, 2 et 4 à 6 ». */
function listWordsOf(lexicon: Lexicon | undefined): ListWords {
  const words = lexicon?.crossReferences;
  return {
    and: words?.list[0] ?? 'and',
    to: words?.range[0] ?? 'to',
    othersUpTo: (last) => localMessage(lexicon, 'cross-reference/others-up-to', { last: String(last) }, `others up to ${last}`),
  };
}
const extentSaid = new WeakMap<Map<number, Paragraph>, string>();

function checkNumber(draft: Draft, reference: CrossReference, referenced: ReferencedNumber, value: number, targets: Map<number, Paragraph>, context: RuleContext): void {
  // "paragraph 2 bis above" names the insert, never paragraph 2.
  const insert = referenced.insertSuffix && referenced.value === value ? referenced.insertSuffix.text : undefined;
  const target = insert ? insertTargets(draft, reference.span.start).get(`${value} ${insert}`) : targets.get(value);
  const said = insert ? `${value} ${insert}` : String(value);
  if (!target) {
    const [quoted, number, extent] = [quote(draft, reference), said, extentOf(targets, context.lexicon)];
    context.report({ span: referenced.span, message: localMessage(context.lexicon, 'cross-reference/missing', { reference: quoted, number, extent }, `'${quoted}' points to no paragraph ${number}: ${extent}.`) });
    return;
  }
  // "paragraph 3 below" in paragraph 3 itself: a renumbering slip, "above" or "below" it is not. A list
  // that says no direction may name the paragraph it stands in among others, as a range may ("the
  // implementation of paragraphs 4 and 5 of the present resolution", in paragraph 5).
  const selfAllowed = reference.range || (reference.direction === undefined && reference.numbers.length > 1);
  if (!selfAllowed && referenced.subparagraph === undefined && target.span.start <= reference.span.start && reference.span.end <= target.span.end) {
    const quoted = quote(draft, reference);
    context.report({
      span: referenced.span,
      message: localMessage(context.lexicon, 'cross-reference/itself', { reference: quoted, number: said }, `'${quoted}' stands in paragraph ${said} itself: a reference names another paragraph.`),
    });
    return;
  }
  const direction = reference.direction;
  const targetStart = target.span.start;
  if ((direction === 'above' && targetStart > reference.span.start) || (direction === 'below' && targetStart < reference.span.start)) {
    const values = { reference: quote(draft, reference), number: said };
    context.report({
      span: referenced.span,
      message: direction === 'above'
        ? localMessage(context.lexicon, 'cross-reference/comes-after', values, `'${values.reference}': paragraph ${said} comes after this text, not above it.`)
        : localMessage(context.lexicon, 'cross-reference/comes-before', values, `'${values.reference}': paragraph ${said} comes before this text, not below it.`),
      related: [{ span: target.number?.span ?? target.span, message: paragraphIsHere(said, context) }],
    });
    return;
  }
  const sub = referenced.subparagraph;
  if (!sub) return;
  // Each label of "7 (c) and (e)", "7 (c), (d) and (e)" names an item of paragraph 7.
  for (const label of referenced.moreSubparagraphs ? [sub, ...referenced.moreSubparagraphs] : [sub]) {
    if (subparagraphNamed(target.subparagraphs, label.name) || numberedListHolds(target.subparagraphs, label.name)) continue;
    const values = { reference: quote(draft, reference), number: said, label: labelAsWritten(draft, label.name) };
    context.report({
      span: label.span,
      message: localMessage(context.lexicon, 'cross-reference/no-subparagraph', values, `'${values.reference}': paragraph ${said} has no sub-paragraph ${values.label}.`),
      related: [{ span: target.number?.span ?? target.span, message: paragraphIsHere(said, context) }],
    });
  }
  // "7 (b) (iv)": a numeral of the list inside item (b).
  const inner = referenced.innerSubparagraph;
  const item = inner ? subparagraphNamed(target.subparagraphs, sub.name) : undefined;
  if (inner && item && subparagraphNamed(item.children, inner.name) === undefined) {
    const values = { reference: quote(draft, reference), number: said, label: labelAsWritten(draft, sub.name), inner: labelAsWritten(draft, inner.name) };
    context.report({
      span: inner.span,
      message: localMessage(context.lexicon, 'cross-reference/no-inner-subparagraph', values,
        `'${values.reference}': sub-paragraph ${values.label} of paragraph ${said} has no item ${values.inner}.`),
      related: [{ span: item.label?.span ?? item.span, message: localMessage(context.lexicon, 'cross-reference/subparagraph-here', { label: values.label }, `Sub-paragraph ${values.label} is here.`) }],
    });
  }
}

/**
 * "subparagraph (b) above": the item of the paragraph it stands in must stand where the reference
 * says, and be another than the one the reference stands in.
 */
function checkOwnSubparagraph(draft: Draft, reference: CrossReference, named: SubParagraph, context: RuleContext): void {
  const only = reference.subparagraphOnly;
  if (!only) return;
  const values = { reference: quote(draft, reference), label: labelAsWritten(draft, only.name) };
  const related = [{ span: named.label?.span ?? named.span, message: localMessage(context.lexicon, 'cross-reference/subparagraph-here', { label: values.label }, `Sub-paragraph ${values.label} is here.`) }];
  // The item holds the reference, not one of the items inside it.
  const inside = named.span.start <= reference.span.start && reference.span.end <= named.span.end
    && !named.children.some((child) => child.span.start <= reference.span.start && reference.span.end <= child.span.end);
  if (inside) {
    context.report({
      span: only.span,
      message: localMessage(context.lexicon, 'cross-reference/subparagraph-itself', values, `'${values.reference}' stands in sub-paragraph ${values.label} itself: a reference names another sub-paragraph.`),
    });
    return;
  }
  const direction = reference.direction;
  // "subparagraph (b) (iv) above": a numeral of the list inside (b).
  const inner = reference.subparagraphOnlyInner;
  if (inner && subparagraphNamed(named.children, inner.name) === undefined) {
    const innerValues = { ...values, inner: labelAsWritten(draft, inner.name) };
    context.report({
      span: inner.span,
      message: localMessage(context.lexicon, 'cross-reference/no-own-inner-subparagraph', innerValues, `'${innerValues.reference}': sub-paragraph ${innerValues.label} of this paragraph has no item ${innerValues.inner}.`),
      related,
    });
  }
  if ((direction === 'above' && named.span.start > reference.span.start) || (direction === 'below' && named.span.start < reference.span.start)) {
    context.report({
      span: only.span,
      message: direction === 'above'
        ? localMessage(context.lexicon, 'cross-reference/subparagraph-comes-after', values, `'${values.reference}': sub-paragraph ${values.label} comes after this text, not above it.`)
        : localMessage(context.lexicon, 'cross-reference/subparagraph-comes-before', values, `'${values.reference}': sub-paragraph ${values.label} comes before this text, not below it.`),
      related,
    });
  }
}

/**
 * "(a) (iii) above" among lettered operative paragraphs, in a paragraph with no (a) of its own: paragraph
 * (a) stands where the reference says and has the item (iii); "(a) and (c) above": each label a paragraph's.
 */
function checkLetteredParagraphs(draft: Draft, reference: CrossReference, holder: Paragraph, first: Paragraph, context: RuleContext): void {
  const direction = reference.direction;
  const labels = [reference.subparagraphOnly, ...(reference.subparagraphOnlyMore ?? [])];
  labels.forEach((label, index) => {
    if (!label) return;
    const values = { reference: quote(draft, reference), number: labelAsWritten(draft, label.name) };
    const target = index === 0 ? first : letteredParagraphNamed(draft, holder, label.name);
    if (!target) {
      context.report({
        span: label.span,
        message: localMessage(context.lexicon, 'cross-reference/no-own-subparagraph', { reference: values.reference, label: values.number },
          `'${values.reference}': this paragraph has no sub-paragraph ${values.number}.`),
      });
      return;
    }
    const related = [{ span: target.number?.span ?? target.span, message: paragraphIsHere(values.number, context) }];
    if ((direction === 'above' && target.span.start > reference.span.start) || (direction === 'below' && target.span.start < reference.span.start)) {
      context.report({
        span: label.span,
        message: direction === 'above'
          ? localMessage(context.lexicon, 'cross-reference/comes-after', values, `'${values.reference}': paragraph ${values.number} comes after this text, not above it.`)
          : localMessage(context.lexicon, 'cross-reference/comes-before', values, `'${values.reference}': paragraph ${values.number} comes before this text, not below it.`),
        related,
      });
    }
    const inner = index === 0 ? reference.subparagraphOnlyInner : undefined;
    if (inner && subparagraphReferenced(target.subparagraphs, inner.name) === undefined) {
      const innerValues = { ...values, label: labelAsWritten(draft, inner.name) };
      context.report({
        span: inner.span,
        message: localMessage(context.lexicon, 'cross-reference/no-subparagraph', innerValues, `'${innerValues.reference}': paragraph ${innerValues.number} has no sub-paragraph ${innerValues.label}.`),
        related,
      });
    }
  });
}

export const crossReferenceRule: Rule = {
  id: 'cross-reference',
  description: '"paragraph 5 above", "paragraphs 3 and 4 below", "paragraph 7 (c) of the present resolution", "subparagraph (b) above" point to paragraphs that exist, in the direction the text says.',
  defaultSeverity: 'error',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    for (const reference of ownCrossReferences(draft)) {
      const only = reference.subparagraphOnly;
      if (only) {
        const holder = paragraphAt(draft, reference.span.start);
        const named = holder && subparagraphNamed(holder.subparagraphs, only.name);
        const lettered = holder && !named ? letteredParagraphNamed(draft, holder, only.name) : undefined;
        if (holder && lettered) {
          checkLetteredParagraphs(draft, reference, holder, lettered, context);
          continue;
        }
        if (holder && !named) {
          const values = { reference: quote(draft, reference), label: labelAsWritten(draft, only.name) };
          context.report({
            span: only.span,
            message: localMessage(context.lexicon, 'cross-reference/no-own-subparagraph', values, `'${values.reference}': this paragraph has no sub-paragraph ${values.label}.`),
          });
        }
        if (named) checkOwnSubparagraph(draft, reference, named, context);
        // "subparagraphs (a) and (e) above": each label an item of the same paragraph.
        for (const label of reference.subparagraphOnlyMore ?? []) {
          if (!holder || subparagraphNamed(holder.subparagraphs, label.name)) continue;
          const values = { reference: quote(draft, reference), label: labelAsWritten(draft, label.name) };
          context.report({
            span: label.span,
            message: localMessage(context.lexicon, 'cross-reference/no-own-subparagraph', values, `'${values.reference}': this paragraph has no sub-paragraph ${values.label}.`),
          });
        }
        continue;
      }
      const targets = operativeTargets(draft, reference.span.start);
      // A part that numbers none of its paragraphs gives references nothing to check against.
      if (targets.size === 0) continue;
      const [first, last] = reference.numbers;
      if (reference.range && first && last && first.value > last.value) {
        // "paragraphs 6 to 2": a range is written from its lower end.
        const range = `${last.value} ${listWordsOf(context.lexicon).to} ${first.value}`;
        const values = { reference: quote(draft, reference), range };
        context.report({
          span: { start: first.span.start, end: last.span.end },
          message: localMessage(context.lexicon, 'cross-reference/reversed', values, `'${values.reference}' runs backwards: write the range '${range}'.`),
        });
        continue;
      }
      if (reference.range && first && last) {
        // The numbers of a range that no paragraph has make one finding, not one each.
        const missing: number[] = [];
        const present: number[] = [];
        for (let value = first.value; value <= last.value && value <= first.value + 200; value++) (targets.has(value) ? present : missing).push(value);
        // A range that runs past the paragraphs there are is one slip, said once: not also a finding for
        // each paragraph inside it that stands on the other side of the reference (« paragraphes 1 à 9 ci-dessus »).
        if (missing.length === 0) {
          // The paragraphs of a range on the wrong side of it make one finding, not one each ("paragraphs
          // 12 to 30 below" in paragraph 40 drew nineteen, stacked on one place).
          const direction = reference.direction;
          const wrongSide = direction === undefined ? [] : present.filter((value) => {
            const start = (targets.get(value) as Paragraph).span.start;
            return direction === 'above' ? start > reference.span.start : start < reference.span.start;
          });
          if (wrongSide.length > 1) {
            const values = { reference: quote(draft, reference), numbers: numbersSaid(wrongSide, listWordsOf(context.lexicon)) };
            const nearest = targets.get(wrongSide[0] as number) as Paragraph;
            context.report({
              span: { start: first.span.start, end: last.span.end },
              message: direction === 'above'
                ? localMessage(context.lexicon, 'cross-reference/range-comes-after', values, `'${values.reference}': paragraphs ${values.numbers} come after this text, not above it.`)
                : localMessage(context.lexicon, 'cross-reference/range-comes-before', values, `'${values.reference}': paragraphs ${values.numbers} come before this text, not below it.`),
              related: [{ span: nearest.number?.span ?? nearest.span, message: paragraphIsHere(String(wrongSide[0]), context) }],
            });
          }
          for (const value of present) {
            if (wrongSide.length > 1 && wrongSide.includes(value)) continue;
            checkNumber(draft, reference, value === last.value ? last : first, value, targets, context);
          }
        }
        if (missing.length === 1) checkNumber(draft, reference, missing[0] === last.value ? last : first, missing[0] as number, targets, context);
        else if (missing.length > 1) {
          const span = missing.includes(first.value) ? first.span : last.span;
          const values = { reference: quote(draft, reference), numbers: numbersSaid(missing, listWordsOf(context.lexicon)), extent: extentOf(targets, context.lexicon) };
          context.report({
            span,
            message: localMessage(context.lexicon, 'cross-reference/missing-many', values, `'${values.reference}' points to no paragraphs ${values.numbers}: ${values.extent}.`),
          });
        }
        continue;
      }
      for (const referenced of reference.numbers) checkNumber(draft, reference, referenced, referenced.value, targets, context);
    }
  },
};

function paragraphIsHere(said: string, context: RuleContext): string {
  return localMessage(context.lexicon, 'cross-reference/here', { number: said }, `Paragraph ${said} is here.`);
}

/** A sub-paragraph's letter as the draft's language brackets it: "(e)", or « e) » in French and Spanish. */
function labelAsWritten(draft: Draft, name: string): string {
  const conventions = conventionsOf(draft.language);
  return conventions.language === draft.language && conventions.subparagraphBrackets?.[0] === 'close' ? `${name})` : `(${name})`;
}
