// What the cursor points at, explained: a footnote call shows its text; an opener its paired form
// and the lexicon's usage note; a cross-reference the paragraph it points at; a footnote's text how
// often it is called; an operative paragraph's number the paragraphs that refer to it.
import { conventionsOf, lexiconFor, type Lexicon } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { Draft, FootnoteCall, FootnoteText, Opener, Paragraph, Span, SubParagraph } from '../model';
import { nodeAt } from './at-offset';
import { referencesAt } from './definition';
import { inSameFootnoteSeries } from '../footnotes';
import { capitalize, paragraphContaining } from '../structure';
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
  const texts = draft.footnoteTexts.filter((footnote) => footnote.number === call.number && inSameFootnoteSeries(draft, footnote.span.start, call.span.start));
  const lexicon = lexiconFor(draft.language);
  const number = String(call.number);
  const markdown = texts.length === 0
    ? localMessage(lexicon, 'hover/footnote-no-text', { number }, `**Footnote ${number}** has no text in this document.`)
    : texts.map((footnote) => {
      const text = escapeMarkdown(footnote.body.replace(/\s+/g, ' ').trim());
      return localMessage(lexicon, 'hover/footnote', { number, text }, `**Footnote ${number}**: ${text}`);
    }).join('\n\n');
  return { span: call.span, markdown };
}

function openerHover(draft: Draft, paragraph: Paragraph, opener: Opener): HoverContent | undefined {
  const match = opener.match;
  if (!match) return undefined;
  const lexicon = lexiconFor(draft.language);
  const { entry, kind } = match;
  const lines: string[] = [];
  // As the lexicon names it, capitalised: after an adverb the text writes it in lower case ("Also requests").
  const form = `**${escapeMarkdown(capitalize(match.formText))}**`;
  const operative = entry.operative && `*${escapeMarkdown(entry.operative)}*`;
  const preambular = entry.preambular && `*${escapeMarkdown(entry.preambular)}*`;
  if (kind === 'preambular') {
    lines.push(operative
      ? localMessage(lexicon, 'hover/form-preambular-paired', { form, other: operative }, `${form} (preambular) — operative form: ${operative}`)
      : localMessage(lexicon, 'hover/form-preambular', { form }, `${form} (preambular)`));
  } else if (kind === 'operative') {
    lines.push(preambular
      ? localMessage(lexicon, 'hover/form-operative-paired', { form, other: preambular }, `${form} (operative) — preambular form: ${preambular}`)
      : localMessage(lexicon, 'hover/form-operative', { form }, `${form} (operative)`));
  } else {
    const forms = [
      operative ? localMessage(lexicon, 'hover/forms-operative', { form: operative }, `operative ${operative}`) : '',
      preambular ? localMessage(lexicon, 'hover/forms-preambular', { form: preambular }, `preambular ${preambular}`) : '',
    ].filter((item) => item !== '').join(', ');
    lines.push(localMessage(lexicon, 'hover/form-neither', { form, forms }, `${form} is not a form a paragraph opens with — ${forms}`));
  }
  const fitting = paragraph.kind === 'operative' ? operative : preambular;
  if (kind !== paragraph.kind && fitting) {
    lines.push(paragraph.kind === 'operative'
      ? localMessage(lexicon, 'hover/operative-opens-with', { form: fitting }, `An operative paragraph opens with ${fitting}.`)
      : localMessage(lexicon, 'hover/preambular-opens-with', { form: fitting }, `A preambular paragraph opens with ${fitting}.`));
  }
  if (entry.note) lines.push(escapeMarkdown(entry.note));
  return { span: opener.span, markdown: lines.join('\n\n') };
}

/** A paragraph's number as the hover names it: "5", "5 bis" (its mark left out), for Markdown. */
function shownNumber(paragraph: Paragraph): string {
  return escapeMarkdown(paragraph.number?.text.replace(/[.)]$/, '').trim() ?? '');
}

function targetHeading(draft: Draft, target: ReferenceTarget): string {
  const written = shownNumber(target.paragraph);
  const number = target.subparagraph?.label ? `${written} ${escapeMarkdown(target.subparagraph.label.text)}` : written;
  return localMessage(lexiconFor(draft.language), 'hover/paragraph', { number }, `**Paragraph ${number}**`);
}

function targetQuote(draft: Draft, target: ReferenceTarget): string {
  return `${targetHeading(draft, target)}\n\n${quotedParagraph(draft, target.subparagraph ?? target.paragraph)}`;
}

/** A footnote's text: how often the text calls it (none is what footnote-unused reports). */
function footnoteTextHover(draft: Draft, footnote: FootnoteText, span: Span): HoverContent {
  const lexicon = lexiconFor(draft.language);
  const number = String(footnote.number);
  const calls = draft.footnoteCalls.filter((call) => call.number === footnote.number && inSameFootnoteSeries(draft, footnote.span.start, call.span.start)).length;
  const markdown = calls === 0
    ? localMessage(lexicon, 'hover/footnote-not-called', { number }, `**Footnote ${number}** is called nowhere in the text.`)
    : calls === 1
      ? localMessage(lexicon, 'hover/footnote-called-once', { number }, `**Footnote ${number}** is called once in the text.`)
      : localMessage(lexicon, 'hover/footnote-called', { number, count: String(calls) }, `**Footnote ${number}** is called ${calls} times in the text.`);
  return { span, markdown };
}

/**
 * An operative paragraph's number: which paragraphs refer to it, so that a drafter about to move or
 * delete it knows what would point elsewhere. A reference from the preamble is named as such.
 */
function paragraphNumberHover(draft: Draft, paragraph: Paragraph, span: Span): HoverContent | undefined {
  if (paragraph.kind !== 'operative' || !paragraph.number) return undefined;
  const lexicon = lexiconFor(draft.language);
  const number = shownNumber(paragraph);
  const numbers: string[] = [];
  let fromPreamble = false;
  for (const place of referencesAt(draft, paragraph.number.span.start, false)) {
    const from = paragraphContaining(draft, place.start);
    if (from?.kind !== 'operative' || !from.number) {
      fromPreamble = true;
      continue;
    }
    const name = shownNumber(from);
    if (!numbers.includes(name)) numbers.push(name);
  }
  const places = listed(lexicon, numbers, fromPreamble);
  const markdown = numbers.length === 0 && !fromPreamble
    ? localMessage(lexicon, 'hover/paragraph-not-referred', { number }, `**Paragraph ${number}**: no cross-reference in the text names it.`)
    : localMessage(lexicon, 'hover/paragraph-referred', { number, places }, `**Paragraph ${number}** is referred to in ${places}.`);
  return { span, markdown };
}

/** "paragraphs 3 and 7, and in the preamble", as the draft's language lists them. */
function listed(lexicon: Lexicon | undefined, numbers: readonly string[], fromPreamble: boolean): string {
  const joined = numbers.length <= 1 ? (numbers[0] ?? '') : `${numbers.slice(0, -1).join(', ')}${localMessage(lexicon, 'hover/list-and', {}, ' and ')}${numbers[numbers.length - 1] as string}`;
  const paragraphs = numbers.length === 1
    ? localMessage(lexicon, 'hover/in-paragraph', { number: joined }, `paragraph ${joined}`)
    : localMessage(lexicon, 'hover/in-paragraphs', { numbers: joined }, `paragraphs ${joined}`);
  if (!fromPreamble) return paragraphs;
  return numbers.length === 0
    ? localMessage(lexicon, 'hover/the-preamble', {}, 'the preamble')
    : `${paragraphs}${localMessage(lexicon, 'hover/and-the-preamble', {}, ', and in the preamble')}`;
}

export function hoverAt(draft: Draft, offset: number): HoverContent | undefined {
  const node = nodeAt(draft, offset);
  switch (node?.kind) {
    case 'footnote-call':
      return footnoteHover(draft, node.call);
    case 'footnote-text':
      return footnoteTextHover(draft, node.footnote, node.footnote.span);
    case 'paragraph-number':
      return paragraphNumberHover(draft, node.paragraph, node.span);
    case 'opener':
      return openerHover(draft, node.paragraph, node.opener);
    case 'cross-reference': {
      if (node.number) {
        const target = targetOfNumber(draft, node.reference, node.number);
        // "2 bis" as the reference names it: an insert, not paragraph 2.
        const said = node.number.insertSuffix ? `${node.number.value} ${node.number.insertSuffix.text}` : String(node.number.value);
        return {
          span: node.span,
          markdown: target
            ? targetQuote(draft, target)
            : localMessage(lexiconFor(draft.language), 'hover/no-paragraph', { number: said }, `This resolution has no operative paragraph ${said}.`),
        };
      }
      const targets = targetsOfReference(draft, node.reference);
      const only = node.reference.subparagraphOnly;
      if (targets.length === 0 && only) {
        // Bracketed as the draft's language writes a first-level label: "(e)", « e) ».
        const label = conventionsOf(draft.language).subparagraphBrackets?.[0] === 'close' ? `${only.name})` : `(${only.name})`;
        return { span: node.span, markdown: localMessage(lexiconFor(draft.language), 'hover/no-subparagraph', { label }, `This paragraph has no sub-paragraph ${label}.`) };
      }
      if (targets.length === 0) return undefined;
      return { span: node.span, markdown: targets.map((target) => targetQuote(draft, target)).join('\n\n---\n\n') };
    }
    default:
      return undefined;
  }
}
