// The outline of a draft: chapeau, preamble (each paragraph by its opener), operative part
// ("1. Takes note …", with sub-paragraphs), annexes, footnotes.
import { lexiconFor } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import { wordsInsideDecoration } from '../parse/lines';
import type { Chapeau, Draft, FootnoteText, Paragraph, Span, SubParagraph } from '../model';

/** What an outline entry stands for; adapters map it to their own symbol kinds. */
export enum OutlineKind {
  Chapeau = 'chapeau',
  /** A part of a resolution with its own chapeau ("A", "B"), when there are several. */
  Part = 'part',
  /** "Preamble", "Operative part", "Footnotes": the groups. */
  Section = 'section',
  PreambularParagraph = 'preambular-paragraph',
  OperativeParagraph = 'operative-paragraph',
  SubParagraph = 'subparagraph',
  Annex = 'annex',
  AnnexParagraph = 'annex-paragraph',
  Footnote = 'footnote',
}

export interface OutlineSymbol {
  readonly name: string;
  /** A short quotation of the text, shown beside the name. */
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** All of the text the entry stands for. */
  readonly span: Span;
  /** The words that name it (the number and opener): inside `span`. */
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

/** The first words of a text, on one line, with "…" when cut. */
export function firstWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  const shown = words.slice(0, count).join(' ');
  return words.length > count ? `${shown} …` : shown;
}

/** The text of a span on one line, white space folded. */
function oneLine(draft: Draft, span: Span): string {
  return draft.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

/** The chapeau's words as the outline names it: "The General Assembly,", without Markdown emphasis around it. */
function chapeauName(draft: Draft, chapeau: Chapeau): string {
  const emphasis = chapeau.emphasis;
  if (!emphasis) return oneLine(draft, chapeau.span);
  const words = `${draft.text.slice(emphasis.open.end, emphasis.close.start)}${draft.text.slice(emphasis.close.end, chapeau.span.end)}`;
  return words.replace(/\s+/g, ' ').trim();
}

/** Keeps the selection inside the range, as LSP requires. */
function symbol(name: string, kind: OutlineKind, span: Span, selectionSpan: Span, children: readonly OutlineSymbol[] = [], detail?: string): OutlineSymbol {
  const start = Math.min(Math.max(selectionSpan.start, span.start), span.end);
  const end = Math.max(start, Math.min(selectionSpan.end, span.end));
  return { name: name === '' ? '…' : name, kind, span, selectionSpan: { start, end }, children, ...(detail ? { detail } : {}) };
}

function enclosing(spans: readonly Span[]): Span | undefined {
  const first = spans[0];
  if (!first) return undefined;
  // A loop, not Math.min(...spans): a section holds every paragraph of its part, and a spread of some
  // 120,000 of them overflows the stack.
  let start = first.start;
  let end = first.end;
  for (const span of spans) {
    if (span.start < start) start = span.start;
    if (span.end > end) end = span.end;
  }
  return { start, end };
}

/** The paragraph's own words after its number: its opener and what follows. */
function ownWords(draft: Draft, paragraph: Paragraph | SubParagraph): string {
  const ownEnd = 'subparagraphs' in paragraph ? (paragraph.subparagraphs[0]?.span.start ?? paragraph.span.end) : (paragraph.children[0]?.span.start ?? paragraph.span.end);
  return draft.text.slice(paragraph.textStart, ownEnd).replace(/[*_]/g, '');
}

function subparagraphSymbol(draft: Draft, item: SubParagraph): OutlineSymbol {
  const label = item.label?.text;
  const words = firstWords(ownWords(draft, item), 4);
  const name = label ? `${label} ${words}` : words;
  const selection = item.label ? item.label.span : { start: item.textStart, end: item.textStart };
  return symbol(name, OutlineKind.SubParagraph, item.span, selection, item.children.map((child) => subparagraphSymbol(draft, child)));
}

function preambularSymbol(draft: Draft, paragraph: Paragraph): OutlineSymbol {
  const opener = paragraph.opener;
  const name = opener ? opener.text : firstWords(ownWords(draft, paragraph), 3);
  const selection = opener ? opener.span : { start: paragraph.textStart, end: paragraph.textStart };
  const detail = opener ? firstWords(draft.text.slice(opener.span.end, paragraph.pieces[0]?.end ?? paragraph.span.end).replace(/^[*_]+/, ''), 5) : undefined;
  return symbol(name, OutlineKind.PreambularParagraph, paragraph.span, selection, paragraph.subparagraphs.map((item) => subparagraphSymbol(draft, item)), detail);
}

function operativeSymbol(draft: Draft, paragraph: Paragraph): OutlineSymbol {
  const number = paragraph.number;
  const opener = paragraph.opener;
  const words = opener ? `${opener.text} …` : firstWords(ownWords(draft, paragraph), 4);
  const name = number ? `${number.text} ${words}` : words;
  const selection = { start: number?.span.start ?? opener?.span.start ?? paragraph.textStart, end: opener?.span.end ?? number?.span.end ?? paragraph.textStart };
  return symbol(name, OutlineKind.OperativeParagraph, paragraph.span, selection, paragraph.subparagraphs.map((item) => subparagraphSymbol(draft, item)));
}

function footnoteSymbol(footnote: FootnoteText): OutlineSymbol {
  return symbol(`[^${footnote.number}] ${firstWords(footnote.body, 8)}`, OutlineKind.Footnote, footnote.span, footnote.labelSpan);
}

function sectionSymbol(name: string, children: readonly OutlineSymbol[]): OutlineSymbol | undefined {
  const span = enclosing(children.map((child) => child.span));
  if (!span) return undefined;
  const first = children[0] as OutlineSymbol;
  return symbol(name, OutlineKind.Section, span, first.selectionSpan, children);
}

export function documentSymbols(draft: Draft): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  const severalParts = draft.parts.length > 1;
  const lexicon = lexiconFor(draft.language);
  draft.parts.forEach((part, partIndex) => {
    const entries: OutlineSymbol[] = [];
    if (part.chapeau) entries.push(symbol(chapeauName(draft, part.chapeau), OutlineKind.Chapeau, part.chapeau.span, part.chapeau.organSpan));
    const preamble = sectionSymbol(localMessage(lexicon, 'outline/preamble', {}, 'Preamble'), part.preambularParagraphs.map((paragraph) => preambularSymbol(draft, paragraph)));
    if (preamble) entries.push(preamble);
    const operative = sectionSymbol(localMessage(lexicon, 'outline/operative-part', {}, 'Operative part'), part.operativeParagraphs.map((paragraph) => operativeSymbol(draft, paragraph)));
    if (operative) entries.push(operative);
    if (!severalParts) {
      symbols.push(...entries);
      return;
    }
    const span = enclosing(entries.map((entry) => entry.span));
    const first = entries[0];
    const letter = String.fromCharCode(65 + (partIndex % 26));
    if (span && first) symbols.push(symbol(localMessage(lexicon, 'outline/part', { letter }, `Part ${letter}`), OutlineKind.Part, span, first.selectionSpan, entries));
  });
  for (const annex of draft.annexes) {
    const children = annex.numberedParagraphs.map((paragraph) =>
      symbol(`${paragraph.number.text} ${firstWords(draft.text.slice(paragraph.number.span.end, paragraph.span.end), 4)}`, OutlineKind.AnnexParagraph, paragraph.span, paragraph.number.span),
    );
    // Named by its words, without the Markdown around them ("**Annex**", "# Annex I").
    const heading = draft.text.slice(annex.heading.start, annex.heading.end);
    const words = wordsInsideDecoration(heading);
    symbols.push(symbol(heading.slice(words.start, words.end).replace(/\s+/g, ' ').trim(), OutlineKind.Annex, annex.span, annex.heading, children));
  }
  const footnotes = sectionSymbol(localMessage(lexicon, 'outline/footnotes', {}, 'Footnotes'), draft.footnoteTexts.map((footnote) => footnoteSymbol(footnote)));
  if (footnotes) symbols.push(footnotes);
  return symbols;
}
