import type { Draft, Paragraph, SubParagraph } from '../model';
import type { Rule, RuleContext } from '../rule';
import { endMark, ownTextEnd, subparagraphsOf } from '../structure';

type Expectation = { readonly mark: string; readonly why: string };

const markNames: Readonly<Record<string, string>> = { ',': 'a comma', ';': 'a semicolon', '.': 'a full stop', ':': 'a colon' };

function nameOf(mark: string): string {
  return markNames[mark] ?? `'${mark}'`;
}

function checkNode(draft: Draft, node: Paragraph | SubParagraph, expected: Expectation, context: RuleContext): void {
  const children = subparagraphsOf(node);
  const end = endMark(draft, node.pieces, ownTextEnd(node));
  if (children.length > 0) {
    // The words that introduce a list end with a colon, or run on into it with no mark at all.
    if (end && end.isPunctuation && end.mark !== ':') {
      report(context, end.span, end.mark, { mark: ':', why: 'A paragraph that introduces sub-paragraphs ends with a colon' });
    }
    children.forEach((child, index) => {
      const last = index === children.length - 1;
      checkNode(draft, child, last ? expected : { mark: ';', why: 'A sub-paragraph that is not the last of its list ends with a semicolon' }, context);
    });
    return;
  }
  if (!end) return;
  if (!end.isPunctuation) {
    context.report({
      span: end.span,
      message: `${expected.why}: add ${nameOf(expected.mark)} at the end.`,
      fix: { title: `Add '${expected.mark}'`, edits: [{ span: { start: end.span.end, end: end.span.end }, newText: expected.mark }] },
    });
    return;
  }
  // A colon introduces what follows (a quotation, a list whose labels a copy lost): it is never a slip.
  if (end.mark !== expected.mark && end.mark !== ':') report(context, end.span, end.mark, expected);
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
    for (const part of draft.parts) {
      for (const paragraph of part.preambularParagraphs) {
        checkNode(draft, paragraph, { mark: ',', why: 'Preambular paragraphs end with a comma' }, context);
      }
      const operative = part.operativeParagraphs;
      operative.forEach((paragraph, index) => {
        const last = index === operative.length - 1;
        checkNode(
          draft,
          paragraph,
          last
            ? { mark: '.', why: 'The last operative paragraph ends with a full stop' }
            : { mark: ';', why: 'Operative paragraphs end with a semicolon, all but the last' },
          context,
        );
      });
    }
  },
};
