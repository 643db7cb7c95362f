import type { TextEdit } from '../findings';
import { conventionsOf } from '../lexicon/lexicon';
import type { Draft, SubLabel, SubParagraph } from '../model';
import { letterIndex, letterName, romanIndex, romanName } from '../parse/labels';
import type { Rule } from '../rule';
import { eachSubparagraph, subparagraphsOf } from '../structure';

/** The name the label at `position` (1-based) of a list of this kind should have. */
function expectedName(kind: SubLabel['kind'], position: number): string {
  return kind === 'roman' ? romanName(position) : letterName(position);
}

function positionOf(label: SubLabel): number {
  return label.kind === 'roman' ? romanIndex(label.name) : letterIndex(label.name);
}

/** Edits that reletter one list of siblings in place: only the name inside the brackets changes. */
function reletterEdits(draft: Draft, siblings: readonly SubParagraph[], kind: SubLabel['kind']): TextEdit[] {
  const edits: TextEdit[] = [];
  siblings.forEach((sibling, index) => {
    const label = sibling.label;
    if (!label) return;
    const expected = expectedName(kind, index + 1);
    if (label.name === expected) return;
    const nameStart = label.span.start + draft.text.slice(label.span.start, label.span.end).indexOf(label.name);
    edits.push({ span: { start: nameStart, end: nameStart + label.name.length }, newText: expected });
  });
  return edits;
}

function bracketed(label: SubLabel, name: string): string {
  return label.bracket === 'parens' ? `(${name})` : label.bracket === 'close' ? `${name})` : `${name}.`;
}

/**
 * Labels bracketed otherwise than the draft's language writes them at their level: "(a)" in a French
 * or Spanish draft, which writes "a)" (languages.json, "subparagraphBrackets").
 */
function checkBrackets(draft: Draft, report: (label: SubLabel, expected: SubLabel['bracket']) => void): void {
  const brackets = conventionsOf(draft.language).subparagraphBrackets;
  if (!brackets || draft.language !== conventionsOf(draft.language).language) return;
  for (const paragraph of draft.paragraphs) {
    if (paragraph.subparagraphs.length === 0) continue;
    for (const item of eachSubparagraph(paragraph.subparagraphs)) {
      const expected = brackets[item.level - 1];
      // "(1)" is a scan's misreading of a numeral, not a bracket style; deeper levels than the data names are free.
      if (!item.label || !expected || item.label.kind === 'number' || item.label.bracket === expected) continue;
      report(item.label, expected);
    }
  }
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
    const checkList = (siblings: readonly SubParagraph[]): void => {
      // Most paragraphs have no list: nothing is made for them (this runs for every paragraph of every version).
      if (siblings.length === 0) return;
      let reported = false;
      siblings.forEach((sibling, index) => {
        const label = sibling.label;
        if (!label || reported || label.kind === 'number') return;
        // Each label is held to the one right before it (or to "a"/"i" at the head of the list). After an
        // item whose label a copy lost or misread ("(2)" for "(d)"), the next label is taken as it is.
        const previousSibling = index > 0 ? siblings[index - 1] : undefined;
        const previous = previousSibling?.label;
        if (previousSibling && (!previous || previous.kind === 'number')) return;
        if (previous && previous.kind !== label.kind) return;
        const expectedPosition = previous ? positionOf(previous) + 1 : 1;
        const expected = expectedName(label.kind, expectedPosition);
        if (label.name === expected || Number.isNaN(expectedPosition)) return;
        const message = previous && positionOf(previous) === positionOf(label)
          ? `Sub-paragraph ${label.text} repeats the label before it: expected ${bracketed(label, expected)}.`
          : previous
            ? `Sub-paragraph ${label.text} follows ${previous.text}: expected ${bracketed(label, expected)}.`
            : `Sub-paragraph ${label.text} is the first of its list: expected ${bracketed(label, expected)}.`;
        const kind = label.kind;
        // Relettering goes by position; with a label lost or misread in the list, positions are unsure.
        const allLabelled = siblings.every((item) => item.label && item.label.kind === kind);
        context.report({
          span: label.span,
          message,
          ...(allLabelled ? { fix: { title: 'Reletter the sub-paragraphs', edits: reletterEdits(draft, siblings, kind) } } : {}),
        });
        reported = true;
      });
      for (const sibling of siblings) checkList(subparagraphsOf(sibling));
    };
    for (const paragraph of draft.paragraphs) checkList(paragraph.subparagraphs);
    checkBrackets(draft, (label, expected) => {
      const right = bracketed({ ...label, bracket: expected }, label.name);
      context.report({
        span: label.span,
        message: `Sub-paragraph labels in this draft's language are written ${bracketed({ ...label, bracket: expected }, label.kind === 'roman' ? 'i' : 'a')}: '${right}', not '${label.text}'.`,
        fix: { title: `Write '${right}'`, edits: [{ span: label.span, newText: right }] },
      });
    });
  },
};
