// Navigation: a footnote call ↔ its text; a cross-reference → the paragraph it names; and back,
// from a footnote text or a paragraph's number to everything that refers to it.
import type { Draft, Paragraph, Span, SubParagraph } from '../model';
import { inSameFootnoteSeries } from '../footnotes';
import { subparagraphReferenced } from '../structure';
import { nodeAt, spanOfReferencedNumber } from './at-offset';
import { targetOfNumber, targetsOfNumber, targetsOfReference, type ReferenceTarget } from './cross-reference-targets';

export interface NavigationTarget {
  /** All of the target: the whole footnote text, the whole paragraph. */
  readonly span: Span;
  /** Where the cursor lands: the footnote's label, the paragraph's number. */
  readonly selectionSpan: Span;
}

export interface Definition {
  /** The text the navigation starts from: the call, the referenced number. */
  readonly originSpan: Span;
  readonly targets: readonly NavigationTarget[];
}

function paragraphTarget(target: ReferenceTarget): NavigationTarget {
  const node = target.subparagraph ?? target.paragraph;
  const label = target.subparagraph ? target.subparagraph.label?.span : target.paragraph.number?.span;
  return { span: node.span, selectionSpan: label ?? { start: node.textStart, end: node.textStart } };
}

/** The texts of footnote `number` in the series of the text at `from` (a file of several resolutions numbers each from 1). */
function footnoteTargets(draft: Draft, number: number, from: number): NavigationTarget[] {
  return draft.footnoteTexts.filter((footnote) => footnote.number === number && inSameFootnoteSeries(draft, footnote.span.start, from)).map((footnote) => ({ span: footnote.span, selectionSpan: footnote.labelSpan }));
}

function callTargets(draft: Draft, number: number, from: number): NavigationTarget[] {
  return draft.footnoteCalls.filter((call) => call.number === number && inSameFootnoteSeries(draft, call.span.start, from)).map((call) => ({ span: call.span, selectionSpan: call.span }));
}

export function definitionAt(draft: Draft, offset: number): Definition | undefined {
  const node = nodeAt(draft, offset);
  let targets: NavigationTarget[] = [];
  switch (node?.kind) {
    case 'footnote-call':
      targets = footnoteTargets(draft, node.call.number, node.call.span.start);
      break;
    case 'footnote-text':
      targets = callTargets(draft, node.footnote.number, node.footnote.span.start);
      break;
    case 'cross-reference': {
      const found = node.number ? targetsOfNumber(draft, node.reference, node.number) : targetsOfReference(draft, node.reference);
      targets = found.map(paragraphTarget);
      break;
    }
    default:
      return undefined;
  }
  return targets.length > 0 ? { originSpan: node.span, targets } : undefined;
}

/** Where each cross-reference that points at `paragraph` names it: the number itself, or the whole reference for a range's middle. */
function crossReferencesTo(draft: Draft, paragraph: Paragraph): Span[] {
  const spans: Span[] = [];
  for (const reference of draft.crossReferences) {
    if (!targetsOfReference(draft, reference).some((target) => target.paragraph === paragraph)) continue;
    const named = reference.numbers.filter((number) => targetOfNumber(draft, reference, number)?.paragraph === paragraph);
    if (named.length > 0) spans.push(...named.map(spanOfReferencedNumber));
    else spans.push(reference.span);
  }
  return spans;
}

/** Where each cross-reference that names the sub-paragraph `named` does: "7 (c)" of a number, or the whole "subparagraph (c) above". */
function crossReferencesToSubparagraph(draft: Draft, named: SubParagraph): Span[] {
  const spans: Span[] = [];
  for (const reference of draft.crossReferences) {
    if (reference.subparagraphOnly) {
      if (targetsOfReference(draft, reference).some((target) => target.subparagraph === named)) spans.push(reference.span);
      continue;
    }
    for (const number of reference.numbers) {
      const [first, ...more] = targetsOfNumber(draft, reference, number);
      if (first?.subparagraph === named) spans.push(spanOfReferencedNumber(number));
      // "(e)" of "7 (c) and (e)": the label itself, with its brackets.
      const label = more.some((target) => target.subparagraph === named) ? number.moreSubparagraphs?.find((written) => first && subparagraphReferenced(first.paragraph.subparagraphs, written.name) === named) : undefined;
      if (label) spans.push({ start: label.span.start - 1, end: label.span.end + 1 });
    }
  }
  return spans;
}

/**
 * Everything that refers to the footnote or operative paragraph at `offset` (from a call, a footnote
 * text, a paragraph's number or a reference to it), with the footnote's label or the paragraph's
 * number itself when `includeDeclaration`.
 */
export function referencesAt(draft: Draft, offset: number, includeDeclaration: boolean): Span[] {
  const node = nodeAt(draft, offset);
  let footnoteNumber: number | undefined;
  let paragraph: Paragraph | undefined;
  let subparagraph: SubParagraph | undefined;
  switch (node?.kind) {
    case 'footnote-call':
      footnoteNumber = node.call.number;
      break;
    case 'footnote-text':
      footnoteNumber = node.footnote.number;
      break;
    case 'paragraph-number':
      paragraph = node.paragraph.kind === 'operative' ? node.paragraph : undefined;
      break;
    case 'subparagraph-label':
      subparagraph = node.subparagraph;
      break;
    case 'cross-reference': {
      const target = node.number ? targetOfNumber(draft, node.reference, node.number) : targetsOfReference(draft, node.reference)[0];
      // "subparagraph (a) above", "paragraph 1 (b)": the sub-paragraph named, not its paragraph.
      if (target?.subparagraph) subparagraph = target.subparagraph;
      else paragraph = target?.paragraph;
      break;
    }
    default:
      break;
  }
  if (subparagraph) {
    const named = subparagraph;
    const declaration = includeDeclaration && named.label ? [named.label.span] : [];
    return [...declaration, ...crossReferencesToSubparagraph(draft, named)].sort((a, b) => a.start - b.start);
  }
  if (footnoteNumber !== undefined) {
    const number = footnoteNumber;
    const from = node?.span.start ?? offset;
    const declarations = includeDeclaration ? footnoteTargets(draft, number, from).map((target) => target.selectionSpan) : [];
    return [...declarations, ...callTargets(draft, number, from).map((target) => target.span)].sort((a, b) => a.start - b.start);
  }
  if (paragraph) {
    const declaration = includeDeclaration && paragraph.number ? [paragraph.number.span] : [];
    return [...declaration, ...crossReferencesTo(draft, paragraph)].sort((a, b) => a.start - b.start);
  }
  return [];
}
