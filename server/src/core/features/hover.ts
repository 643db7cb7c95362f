// What the cursor points at, explained: a footnote call shows its text; an opener its paired form
// and the lexicon's usage note; a cross-reference the paragraph it points at.
import type { Draft, FootnoteCall, Opener, Paragraph, Span, SubParagraph } from '../model';
import { nodeAt } from './at-offset';
import { targetOfNumber, targetsOfReference, type ReferenceTarget } from './cross-reference-targets';

export interface HoverContent {
  /** The text the hover is about. */
  readonly span: Span;
  /** Markdown. */
  readonly markdown: string;
}

/** Longest quotation of a paragraph a hover shows. */
const maximumQuotedLength = 1200;

/** Escapes the characters Markdown would read as markup, so a draft's text shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (character) => `\\${character}`);
}

function folded(draft: Draft, spans: readonly Span[]): string {
  return spans.map((span) => draft.text.slice(span.start, span.end)).join(' ').replace(/\s+/g, ' ').trim();
}

function subparagraphLines(draft: Draft, items: readonly SubParagraph[]): string[] {
  return items.flatMap((item) => [folded(draft, item.pieces), ...subparagraphLines(draft, item.children)]);
}

/** A paragraph as quoted in a hover: its own text, then each sub-paragraph on a line of its own. */
export function quotedParagraph(draft: Draft, node: Paragraph | SubParagraph): string {
  const lines = 'subparagraphs' in node
    ? [folded(draft, node.pieces), ...subparagraphLines(draft, node.subparagraphs)]
    : [folded(draft, node.pieces), ...subparagraphLines(draft, node.children)];
  let text = lines.filter((line) => line !== '').join('\n');
  if (text.length > maximumQuotedLength) text = `${text.slice(0, maximumQuotedLength).trimEnd()} …`;
  return text.split('\n').map((line) => `> ${escapeMarkdown(line)}`).join('\n>\n');
}

function footnoteHover(draft: Draft, call: FootnoteCall): HoverContent {
  const texts = draft.footnoteTexts.filter((footnote) => footnote.number === call.number);
  const markdown = texts.length === 0
    ? `**Footnote ${call.number}** has no text in this document.`
    : texts.map((footnote) => `**Footnote ${call.number}**: ${escapeMarkdown(footnote.body.replace(/\s+/g, ' ').trim())}`).join('\n\n');
  return { span: call.span, markdown };
}

function openerHover(paragraph: Paragraph, opener: Opener): HoverContent | undefined {
  const match = opener.match;
  if (!match) return undefined;
  const { entry, kind } = match;
  const lines: string[] = [];
  const written = `**${escapeMarkdown(match.formText)}**`;
  if (kind === 'preambular') {
    lines.push(entry.operative ? `${written} (preambular) — operative form: *${escapeMarkdown(entry.operative)}*` : `${written} (preambular)`);
  } else if (kind === 'operative') {
    lines.push(entry.preambular ? `${written} (operative) — preambular form: *${escapeMarkdown(entry.preambular)}*` : `${written} (operative)`);
  } else {
    const forms = [entry.operative ? `operative *${escapeMarkdown(entry.operative)}*` : '', entry.preambular ? `preambular *${escapeMarkdown(entry.preambular)}*` : '']
      .filter((form) => form !== '')
      .join(', ');
    lines.push(`${written} is not a form a paragraph opens with — ${forms}`);
  }
  const fitting = paragraph.kind === 'operative' ? entry.operative : entry.preambular;
  if (kind !== paragraph.kind && fitting) lines.push(`${paragraph.kind === 'operative' ? 'An operative' : 'A preambular'} paragraph opens with *${escapeMarkdown(fitting)}*.`);
  if (entry.note) lines.push(escapeMarkdown(entry.note));
  return { span: opener.span, markdown: lines.join('\n\n') };
}

function targetHeading(target: ReferenceTarget): string {
  const number = target.paragraph.number?.text.replace(/[.)]$/, '') ?? '';
  return target.subparagraph?.label ? `**Paragraph ${escapeMarkdown(number)} ${escapeMarkdown(target.subparagraph.label.text)}**` : `**Paragraph ${escapeMarkdown(number)}**`;
}

function targetQuote(draft: Draft, target: ReferenceTarget): string {
  return `${targetHeading(target)}\n\n${quotedParagraph(draft, target.subparagraph ?? target.paragraph)}`;
}

export function hoverAt(draft: Draft, offset: number): HoverContent | undefined {
  const node = nodeAt(draft, offset);
  switch (node?.kind) {
    case 'footnote-call':
      return footnoteHover(draft, node.call);
    case 'opener':
      return openerHover(node.paragraph, node.opener);
    case 'cross-reference': {
      if (node.number) {
        const target = targetOfNumber(draft, node.reference, node.number);
        return {
          span: node.span,
          markdown: target ? targetQuote(draft, target) : `This resolution has no operative paragraph ${node.number.value}.`,
        };
      }
      const targets = targetsOfReference(draft, node.reference);
      if (targets.length === 0) return undefined;
      return { span: node.span, markdown: targets.map((target) => targetQuote(draft, target)).join('\n\n---\n\n') };
    }
    default:
      return undefined;
  }
}
