import type { Draft, Paragraph, SubParagraph } from '../model';
import type { Rule, RuleContext } from '../rule';
import { eachSubparagraph, endMark, ownTextEnd, subparagraphsOf } from '../structure';

type Expectation = { readonly mark: string; readonly why: string };

const markNames: Readonly<Record<string, string>> = { ',': 'a comma', ';': 'a semicolon', '.': 'a full stop', ':': 'a colon' };

function nameOf(mark: string): string {
  return markNames[mark] ?? `'${mark}'`;
}

/**
 * Scanned Security Council texts print the semicolon that ends paragraphs as a comma throughout
 * (an OCR habit, not a drafter's slip). Where operative paragraphs and items end with "," at least twice, and a quarter of the time,
 * the comma is taken as that document's semicolon.
 */
function readsSemicolonAsComma(draft: Draft): boolean {
  let commas = 0;
  let semicolons = 0;
  const count = (node: Paragraph | SubParagraph): void => {
    const end = endMark(draft, node.pieces, ownTextEnd(node));
    if (end?.mark === ',') commas++;
    else if (end?.mark === ';') semicolons++;
  };
  for (const part of draft.parts) {
    for (const paragraph of part.operativeParagraphs.slice(0, -1)) {
      count(paragraph);
      for (const sub of eachSubparagraph(paragraph.subparagraphs)) if (sub.children.length === 0) count(sub);
    }
  }
  return commas >= 2 && commas * 3 >= semicolons;
}

function checkNode(draft: Draft, node: Paragraph | SubParagraph, expected: Expectation, context: RuleContext, commaForSemicolon = false): void {
  const children = subparagraphsOf(node);
  const end = endMark(draft, node.pieces, ownTextEnd(node));
  if (children.length > 0) {
    // The words that introduce a list end with a colon, or run on into it with no mark at all.
    if (end && end.isPunctuation && end.mark !== ':') {
      report(context, end.span, end.mark, { mark: ':', why: 'A paragraph that introduces sub-paragraphs ends with a colon' });
    }
    children.forEach((child, index) => {
      const last = index === children.length - 1;
      checkNode(draft, child, last ? expected : { mark: ';', why: 'A sub-paragraph that is not the last of its list ends with a semicolon' }, context, commaForSemicolon);
    });
    return;
  }
  if (!end) return;
  if (!end.isPunctuation) {
    // A paragraph cut short by a copy that moved its end elsewhere is not missing a mark.
    if (draft.displacedText.length > 0) return;
    context.report({
      span: end.span,
      message: `${expected.why}: add ${nameOf(expected.mark)} at the end.`,
      fix: { title: `Add '${expected.mark}'`, edits: [{ span: { start: end.span.end, end: end.span.end }, newText: expected.mark }] },
    });
    return;
  }
  // A colon introduces what follows (a quotation, a list whose labels a copy lost): it is never a slip.
  if (end.mark === expected.mark || end.mark === ':') return;
  if (commaForSemicolon && expected.mark === ';' && end.mark === ',') return;
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
    const commaForSemicolon = readsSemicolonAsComma(draft);
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
          commaForSemicolon,
        );
      });
    }
  },
};
