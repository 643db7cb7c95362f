import type { TextEdit } from '../findings';
import { conventionsOf } from '../lexicon/lexicon';
import type { Draft, Paragraph, ReferencedLabel, Span, SubLabel, SubParagraph } from '../model';
import { operativeTargets, ownCrossReferences, paragraphAt } from './cross-reference';
import { letterIndex, letterName, romanIndex, romanName } from '../parse/labels';
import { localMessage } from '../messages';
import type { Rule } from '../rule';
import { eachSubparagraph, labelName, letteredParagraphNamed, subparagraphNamed, subparagraphsOf } from '../structure';

/** The name the label at `position` (1-based) of a list of this kind should have. */
function expectedName(kind: SubLabel['kind'], position: number): string {
  return kind === 'roman' ? romanName(position) : letterName(position);
}

function positionOf(label: SubLabel): number {
  return label.kind === 'roman' ? romanIndex(label.name) : letterIndex(label.name);
}

/**
 * More labels right after the last one a reference was read by: a form the parser leaves unread
 * ("paragraph 1 (c) (i) and (d)", whose "(d)" follows a numeral), so relettering would carry the
 * labels read and leave the rest naming items that moved. ("(c) and (d)", "(c) to (e)", "(c), (d)" are read whole.)
 */
const moreLabelsAfter = /^\)?[ \u00A0]*(?:,|(?:and|or|to|through|et|ou|à|y|o|a)(?=[ \u00A0(]))[ \u00A0]*\(?[a-z]{1,4}\)/u;

/**
 * Edits that reletter one list of siblings of `owner` in place (only the name inside the brackets
 * changes), and carry the cross-references to them along: "subparagraph (c) above" in the same
 * paragraph, "paragraph 1 (d) above" and each label of "paragraph 1 (c) and (e) above" elsewhere,
 * "paragraph 1 (b) (iv)" for a list of numerals inside (b). A name written twice is ambiguous, so
 * references to it are left as they are.
 */

function reletterEdits(draft: Draft, owner: Paragraph, siblings: readonly SubParagraph[], kind: SubLabel['kind']): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const written = new Map<string, number>();
  for (const sibling of siblings) if (sibling.label && !sibling.label.insertSuffix) written.set(sibling.label.name, (written.get(sibling.label.name) ?? 0) + 1);
  const newNameOf = new Map<string, string>();
  /** The names the items are given, each of them: a reference to one of them that no item has now would be given a target. */
  const newNames = new Set<string>();
  const rename = (label: SubLabel, name: string): void => {
    newNames.add(name);
    if (label.name === name) return;
    const nameStart = label.span.start + draft.text.slice(label.span.start, label.span.end).indexOf(label.name);
    edits.push({ span: { start: nameStart, end: nameStart + label.name.length }, newText: name });
  };
  // Inserts ("(a bis)") take no place in the sequence: each goes with the item it is lettered from.
  let position = 0;
  let lastNewName: string | undefined;
  for (const sibling of siblings) {
    const label = sibling.label;
    if (!label) continue;
    if (label.insertSuffix) {
      if (lastNewName !== undefined) {
        rename(label, lastNewName);
        // "paragraph 1 (c bis) above" goes with its item.
        if (written.get(label.name) === 1) newNameOf.set(labelName(label), `${lastNewName} ${label.insertSuffix}`);
      }
      continue;
    }
    const expected = expectedName(kind, ++position);
    if (written.get(label.name) === 1) newNameOf.set(label.name, expected);
    lastNewName = expected;
    rename(label, expected);
  }
  let unread = false;
  let wouldGainTarget = false;
  /** `last`: the last label the reference was read by, after which more labels would be unread. */
  const carry = (named: ReferencedLabel, last = true): void => {
    if (last && moreLabelsAfter.test(draft.text.slice(named.span.end, named.span.end + 16))) unread = true;
    // "(c) above" where no item is (c), in a list whose (d) would become (c): relettered, the reference
    // would silently name an item it never named. Held back, as renumbering is for a number no paragraph has.
    if (!written.has(named.name) && newNames.has(named.name)) wouldGainTarget = true;
    const renamed = newNameOf.get(named.name);
    if (renamed !== undefined && renamed !== named.name) edits.push({ span: named.span, newText: renamed });
  };
  const topLevel = owner.subparagraphs === siblings;
  // A list inside an item: "paragraph 1 (b) (iv)" names its numeral "(iv)".
  const parent = topLevel ? undefined : [...eachSubparagraph(owner.subparagraphs)].find((item) => item.children === siblings);
  for (const reference of ownCrossReferences(draft)) {
    const only = reference.subparagraphOnly;
    if (only) {
      if (paragraphAt(draft, reference.span.start) !== owner) continue;
      // "subparagraph (c) above", "(c) (iii) above": the item the rule checks it against (the first so
      // named, at any depth), relettered with this list only where it is one of it; its numeral with the
      // list inside it. A label no item has goes with a top-level list, as before.
      const named = subparagraphNamed(owner.subparagraphs, only.name);
      const inner = reference.subparagraphOnlyInner;
      const more = reference.subparagraphOnlyMore ?? [];
      // A label no item has that names a lettered operative paragraph ("(a) (iii) above") is that paragraph's.
      if (named ? siblings.includes(named) : topLevel && !letteredParagraphNamed(draft, owner, only.name)) {
        carry(only, more.length === 0 && inner === undefined);
        more.forEach((label, index) => carry(label, index === more.length - 1));
        if (inner) unread ||= moreLabelsAfter.test(draft.text.slice(inner.span.end, inner.span.end + 16));
      } else if (inner && named?.children === siblings) {
        carry(inner);
      }
      continue;
    }
    for (const referenced of reference.numbers) {
      const first = referenced.subparagraph;
      if (!first || operativeTargets(draft, reference.span.start).get(referenced.value) !== owner) continue;
      if (topLevel) {
        // "paragraph 1 (c), (d) and (e)": each label goes with its item.
        const more = referenced.moreSubparagraphs ?? [];
        carry(first, more.length === 0);
        more.forEach((label, index) => carry(label, index === more.length - 1));
      } else if (parent?.label?.name === first.name && referenced.innerSubparagraph) {
        carry(referenced.innerSubparagraph);
      }
    }
  }
  // No relettering where a reference names labels it is not read by, or one no item has that an item
  // would take: the drafter carries them.
  if (unread || wouldGainTarget) return undefined;
  return edits.sort((a, b) => a.span.start - b.span.start);
}

function bracketed(label: SubLabel, name: string): string {
  return label.bracket === 'parens' ? `(${name})` : label.bracket === 'close' ? `${name})` : `${name}.`;
}

/**
 * Labels bracketed otherwise than the draft's language writes them at their level: "(a)" in a French
 * or Spanish draft, which writes "a)" (languages.json, "subparagraphBrackets"). The level is where the
 * item stands in its paragraph's lists, not the one its label's form names: "a." right under a
 * paragraph (as Model UN drafts write a first list) is a first-level item, written "(a)" in English.
 */
function checkBrackets(draft: Draft, report: (label: SubLabel, expected: SubLabel['bracket']) => void): void {
  const brackets = conventionsOf(draft.language).subparagraphBrackets;
  if (!brackets || draft.language !== conventionsOf(draft.language).language) return;
  const check = (items: readonly SubParagraph[], depth: number): void => {
    const expected = brackets[depth - 1];
    // Deeper levels than the data names are free.
    if (!expected) return;
    for (const item of items) {
      // "(1)" is a scan's misreading of a numeral, not a bracket style.
      if (item.label && item.label.kind !== 'number' && item.label.bracket !== expected) report(item.label, expected);
      if (item.children.length > 0) check(item.children, depth + 1);
    }
  };
  for (const paragraph of draft.paragraphs) if (paragraph.subparagraphs.length > 0) check(paragraph.subparagraphs, 1);
}

/** Whether `label` numbers an item of a list inside a paragraph, "1." or "1)" ("(1)" is a scan's misread numeral). */
function numbersListItem(label: SubLabel | undefined): boolean {
  return label !== undefined && label.kind === 'number' && label.bracket !== 'parens';
}

/**
 * Lists inside a paragraph numbered as Markdown numbers them ("1." and "2." indented under "…:"),
 * where resolutions letter them: each reported once, at its first label, with a fix that letters the
 * items as the draft's language writes them at that depth ("(a)", "(i)" in English; "a)", "i)" in
 * French and Spanish).
 */
function checkNumberedLists(draft: Draft, report: (first: SubLabel, right: string, edits: TextEdit[] | undefined) => void): void {
  const brackets = conventionsOf(draft.language).subparagraphBrackets ?? [];
  const check = (items: readonly SubParagraph[], depth: number): void => {
    const first = items[0]?.label;
    if (first && numbersListItem(first)) {
      // Letters at odd depths, numerals at even ones, as "(a)" holds "(i)".
      const kind: SubLabel['kind'] = depth % 2 === 0 ? 'roman' : 'letter';
      const bracket = brackets[depth - 1] ?? (depth <= 2 ? 'parens' : 'dot');
      const rewritten = (position: number): string => bracketed({ ...first, bracket }, expectedName(kind, position));
      // Lettered by position: with an item unlabelled or labelled otherwise, the positions are unsure.
      const edits = items.every((item) => numbersListItem(item.label))
        ? items.map((item, index) => ({ span: (item.label as SubLabel).span, newText: rewritten(index + 1) }))
        : undefined;
      report(first, rewritten(1), edits);
    }
    for (const item of items) if (item.children.length > 0) check(item.children, depth + 1);
  };
  for (const paragraph of draft.paragraphs) if (paragraph.subparagraphs.length > 0) check(paragraph.subparagraphs, 1);
}

/** A label written in capitals at an item's start, "(A)", "A)" or "A.", which the parser reads as no label. */
const capitalLabel = /^(?:\(([A-Z])\)|([A-Z])\)|([A-Z])\.)(?=[ \t\u00A0])/;

/**
 * Lists inside a paragraph lettered in capitals ("(A) To report …", "(B) …"), where resolutions
 * letter in lower case: each reported once, at its first label, with a fix that letters the items as
 * the draft's language writes them at that depth, by position. Only where every item of the list
 * opens so, one way, from "A": an item the parser read no label for may open with any words.
 */
function checkCapitalLists(draft: Draft, report: (first: Span, found: string, right: string, edits: TextEdit[]) => void): void {
  const brackets = conventionsOf(draft.language).subparagraphBrackets ?? [];
  const check = (items: readonly SubParagraph[], depth: number): void => {
    // The numerals of a capital item stand beside it, not inside it, as its label was not read: the
    // list is its unlabelled items, with numerals ("(i)", "(ii)") between them and nothing else.
    const unlabelled = items.filter((item) => !item.label);
    const written = unlabelled.map((item) => capitalLabel.exec(draft.text.slice(item.span.start, item.span.start + 5)));
    const style = (match: RegExpExecArray | null | undefined): number => (match ? (match[1] ? 1 : match[2] ? 2 : 3) : 0);
    const first = written[0];
    const allCapital = first !== undefined && first !== null && (first[1] ?? first[2] ?? first[3]) === 'A'
      && written.every((match) => match && style(match) === style(first))
      && items.every((item) => !item.label || (item.label.kind === 'roman' && item !== items[0]));
    if (allCapital) {
      const kind: SubLabel['kind'] = depth % 2 === 0 ? 'roman' : 'letter';
      const bracket = brackets[depth - 1] ?? (depth <= 2 ? 'parens' : 'dot');
      const rewritten = (position: number): string => bracketed({ bracket } as SubLabel, expectedName(kind, position));
      const spans = unlabelled.map((item, index) => ({ start: item.span.start, end: item.span.start + ((written[index] as RegExpExecArray)[0].length) }));
      const firstSpan = spans[0] as Span;
      report(firstSpan, draft.text.slice(firstSpan.start, firstSpan.end), rewritten(1), spans.map((span, index) => ({ span, newText: rewritten(index + 1) })));
    }
    for (const item of items) if (item.children.length > 0) check(item.children, depth + 1);
  };
  for (const paragraph of draft.paragraphs) if (paragraph.subparagraphs.length > 0) check(paragraph.subparagraphs, 1);
}

export const subparagraphSequenceRule: Rule = {
  id: 'subparagraph-sequence',
  description: 'Sub-paragraphs run (a), (b), (c) … and (i), (ii), (iii) … inside them, with no gap or duplicate; labels are bracketed as the language writes them ("a)" in French and Spanish).',
  defaultSeverity: 'error',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    // OCR misreads labels ("(5)" for "(b)", "(ad)" for "(d)"): a scanned text's labels are not the adopted text's.
    if (draft.fromScan) return;
    const negotiation = context.settings.mode === 'negotiation';
    const checkList = (owner: Paragraph, siblings: readonly SubParagraph[]): void => {
      // Most paragraphs have no list: nothing is made for them (this runs for every paragraph of every version).
      if (siblings.length === 0) return;
      let reported = false;
      siblings.forEach((sibling, index) => {
        const label = sibling.label;
        if (label?.insertSuffix && !negotiation) {
          context.report({
            span: label.span,
            message: localMessage(context.lexicon, 'subparagraph-sequence/negotiation', { label: label.text },
              `'${label.text}' is a negotiation label: a final text letters every sub-paragraph (a), (b), (c) … (or set "mode" to "negotiation").`),
          });
        }
        // An insert ("(a bis)") stands outside the sequence, and the label after it is held to its item's ("(b)" after "(a)").
        if (!label || reported || label.kind === 'number' || label.insertSuffix) return;
        // Each label is held to the one right before it (or to "a"/"i" at the head of the list). After an
        // item whose label a copy lost or misread ("(2)" for "(d)"), the next label is taken as it is.
        const previousSibling = index > 0 ? siblings[index - 1] : undefined;
        const previous = previousSibling?.label;
        if (previousSibling && (!previous || previous.kind === 'number')) return;
        if (previous && previous.kind !== label.kind) return;
        const expectedPosition = previous ? positionOf(previous) + 1 : 1;
        const expected = expectedName(label.kind, expectedPosition);
        if (label.name === expected || Number.isNaN(expectedPosition)) return;
        const wanted = bracketed(label, expected);
        const message = previous && positionOf(previous) === positionOf(label)
          ? localMessage(context.lexicon, 'subparagraph-sequence/repeats', { label: label.text, expected: wanted }, `Sub-paragraph ${label.text} repeats the label before it: expected ${wanted}.`)
          : previous
            ? localMessage(context.lexicon, 'subparagraph-sequence/follows', { label: label.text, previous: previous.text, expected: wanted }, `Sub-paragraph ${label.text} follows ${previous.text}: expected ${wanted}.`)
            : localMessage(context.lexicon, 'subparagraph-sequence/first', { label: label.text, expected: wanted }, `Sub-paragraph ${label.text} is the first of its list: expected ${wanted}.`);
        const kind = label.kind;
        // Relettering goes by position; with a label lost or misread in the list, positions are unsure.
        const allLabelled = siblings.every((item) => item.label && item.label.kind === kind);
        const edits = allLabelled ? reletterEdits(draft, owner, siblings, kind) : undefined;
        context.report({
          span: label.span,
          message,
          ...(edits ? { fix: { title: localMessage(context.lexicon, 'fix/reletter', {}, 'Reletter the sub-paragraphs'), edits } } : {}),
          ...(previous ? { related: [{ span: previous.span, message: localMessage(context.lexicon, 'subparagraph-sequence/here', { label: previous.text }, `Sub-paragraph ${previous.text} is here.`) }] } : {}),
        });
        reported = true;
      });
      for (const sibling of siblings) checkList(owner, subparagraphsOf(sibling));
    };
    for (const paragraph of draft.paragraphs) checkList(paragraph, paragraph.subparagraphs);
    checkNumberedLists(draft, (first, right, edits) => {
      context.report({
        span: first.span,
        message: localMessage(context.lexicon, 'subparagraph-sequence/numbered', { right, found: first.text },
          `A list inside a paragraph is lettered: '${right}', not '${first.text}'.`),
        ...(edits ? { fix: { title: localMessage(context.lexicon, 'fix/reletter', {}, 'Reletter the sub-paragraphs'), edits } } : {}),
      });
    });
    checkCapitalLists(draft, (first, found, right, edits) => {
      context.report({
        span: first,
        message: localMessage(context.lexicon, 'subparagraph-sequence/capital', { right, found },
          `Sub-paragraphs are lettered in lower case: '${right}', not '${found}'.`),
        fix: { title: localMessage(context.lexicon, 'fix/reletter', {}, 'Reletter the sub-paragraphs'), edits },
      });
    });
    checkBrackets(draft, (label, expected) => {
      const right = bracketed({ ...label, bracket: expected }, label.name);
      const example = bracketed({ ...label, bracket: expected }, label.kind === 'roman' ? 'i' : 'a');
      context.report({
        span: label.span,
        message: localMessage(context.lexicon, 'subparagraph-sequence/bracket', { example, right, found: label.text },
          `Sub-paragraph labels in this draft's language are written ${example}: '${right}', not '${label.text}'.`),
        fix: { title: localMessage(context.lexicon, 'fix/write', { right }, `Write '${right}'`), edits: [{ span: label.span, newText: right }] },
      });
    });
  },
};
