// Tokens an editor can style from the document model rather than from a grammar: the opener of
// each paragraph (italic in print), paragraph numbers, sub-paragraph labels, footnote references.
import type { Draft, Span } from '../model';
import { eachSubparagraph } from '../structure';

/** The legend: a token's type is its index here. Fixed, so clients can map the names to styles. */
export const semanticTokenTypes = ['opener', 'paragraphNumber', 'subparagraphLabel', 'footnoteReference'] as const;
export type SemanticTokenType = (typeof semanticTokenTypes)[number];

/** Modifiers, as bits: an opener in a preambular or an operative paragraph. */
export const semanticTokenModifiers = ['preambular', 'operative'] as const;
export type SemanticTokenModifier = (typeof semanticTokenModifiers)[number];

export interface SemanticToken {
  readonly span: Span;
  readonly type: SemanticTokenType;
  readonly modifiers: readonly SemanticTokenModifier[];
}

/**
 * The parts of `span` between emphasis markers: an opener emphasised in part ("*Also* requests",
 * "*Takes note with* appreciation") holds the closing marker, which is not the opener's to colour.
 */
function withoutMarkers(text: string, span: Span): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  for (let index = span.start; index < span.end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 42 /* * */ && code !== 95 /* _ */) continue;
    if (index > start) parts.push({ start, end: index });
    start = index + 1;
  }
  if (span.end > start) parts.push({ start, end: span.end });
  return parts;
}

/** The tokens in text order, none overlapping another; a token may run over a line break (the adapter splits it). */
export function semanticTokens(draft: Draft): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  for (const paragraph of draft.paragraphs) {
    if (paragraph.number) tokens.push({ span: paragraph.number.span, type: 'paragraphNumber', modifiers: [] });
    if (paragraph.opener) {
      for (const span of withoutMarkers(draft.text, paragraph.opener.span)) tokens.push({ span, type: 'opener', modifiers: [paragraph.kind] });
    }
    for (const item of eachSubparagraph(paragraph.subparagraphs)) {
      if (item.label) tokens.push({ span: item.label.span, type: 'subparagraphLabel', modifiers: [] });
    }
  }
  for (const annex of draft.annexes) {
    for (const paragraph of annex.numberedParagraphs) tokens.push({ span: paragraph.number.span, type: 'paragraphNumber', modifiers: [] });
  }
  for (const call of draft.footnoteCalls) tokens.push({ span: call.span, type: 'footnoteReference', modifiers: [] });
  for (const footnote of draft.footnoteTexts) tokens.push({ span: footnote.labelSpan, type: 'footnoteReference', modifiers: [] });
  tokens.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: SemanticToken[] = [];
  let end = 0;
  for (const token of tokens) {
    if (token.span.end <= token.span.start || token.span.start < end) continue;
    kept.push(token);
    end = token.span.end;
  }
  return kept;
}
