import { conventionsOf } from '../lexicon/lexicon';
import type { Draft, Paragraph, SubParagraph } from '../model';
import type { Rule, RuleContext } from '../rule';
import { endMark, ownTextEnd, subparagraphsOf } from '../structure';

interface Expectation {
  readonly mark: string;
  /** The convention, said in a few words: "Preambular paragraphs end with a comma". */
  readonly why: string;
}

/** What every mark of `[,;:.]` and its counterparts in other scripts is called in messages. */
const markNames: Readonly<Record<string, string>> = {
  ',': 'a comma', '،': 'a comma', '，': 'a comma',
  ';': 'a semicolon', '؛': 'a semicolon', '；': 'a semicolon',
  '.': 'a full stop', '。': 'a full stop',
  ':': 'a colon', '：': 'a colon',
};

function nameOf(mark: string): string {
  return markNames[mark] ?? `'${mark}'`;
}

interface Marks {
  readonly introduces: string;
  readonly item: Expectation;
}

function checkNode(draft: Draft, node: Paragraph | SubParagraph, expected: Expectation, marks: Marks, context: RuleContext): void {
  const children = subparagraphsOf(node);
  const end = endMark(draft, node.pieces, ownTextEnd(node), node.textStart);
  if (children.length > 0) {
    // The words that introduce a list end with a colon, or run on into it with no mark at all.
    if (end && end.isPunctuation && end.mark !== marks.introduces) {
      report(context, end.span, end.mark, { mark: marks.introduces, why: 'A paragraph that introduces sub-paragraphs ends with a colon' });
    }
    children.forEach((child, index) => {
      checkNode(draft, child, index === children.length - 1 ? expected : marks.item, marks, context);
    });
    return;
  }
  if (!end) return;
  if (!end.isPunctuation) {
    // A paragraph cut short by a copy that moved or lost its end is not missing a mark: the copy
    // reordered text elsewhere, or the paragraph stops on a word no sentence ends with ("… to").
    if (draft.displacedText.length > 0) return;
    const lastWord = /[\p{L}'’-]+$/u.exec(draft.text.slice(Math.max(0, end.span.end - 30), end.span.end))?.[0] ?? '';
    if (context.lexicon?.wordsThatCannotEnd.includes(lastWord)) return;
    context.report({
      span: end.span,
      message: `${expected.why}: add ${nameOf(expected.mark)} at the end.`,
      fix: { title: `Add '${expected.mark}'`, edits: [{ span: { start: end.span.end, end: end.span.end }, newText: expected.mark }] },
    });
    return;
  }
  // A colon introduces what follows (a quotation, a list whose labels a copy lost): it is never a slip.
  if (end.mark === expected.mark || end.mark === marks.introduces) return;
  report(context, end.span, end.mark, expected);
}

function report(context: RuleContext, span: { start: number; end: number }, found: string, expected: Expectation): void {
  context.report({
    span,
    message: `${expected.why}: '${expected.mark}', not '${found}'.`,
    fix: { title: `Replace '${found}' with '${expected.mark}'`, edits: [{ span, newText: expected.mark }] },
  });
}

export const paragraphPunctuationRule: Rule = {
  id: 'paragraph-punctuation',
  description: 'Preambular paragraphs end with ","; operative ones with ";", the last with "."; a paragraph that introduces sub-paragraphs with ":".',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    // OCR confuses ";", "," and "." and drops marks: a scanned text's punctuation is not the adopted text's.
    if (draft.fromScan) return;
    const { preambular, operative, last, introduces } = conventionsOf(draft.language).paragraphMarks;
    const marks: Marks = { introduces, item: { mark: operative, why: 'A sub-paragraph that is not the last of its list ends with a semicolon' } };
    for (const part of draft.parts) {
      for (const paragraph of part.preambularParagraphs) {
        checkNode(draft, paragraph, { mark: preambular, why: 'Preambular paragraphs end with a comma' }, marks, context);
      }
      const operativeParagraphs = part.operativeParagraphs;
      operativeParagraphs.forEach((paragraph, index) => {
        const isLast = index === operativeParagraphs.length - 1;
        const expected: Expectation = isLast
          ? { mark: last, why: 'The last operative paragraph ends with a full stop' }
          : { mark: operative, why: 'Operative paragraphs end with a semicolon, all but the last' };
        checkNode(draft, paragraph, expected, marks, context);
      });
    }
  },
};
