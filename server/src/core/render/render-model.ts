// The rendering model: what the preview (HTML), Word and Akoma Ntoso outputs print, built from the
// Draft (never from the text again, except to copy out the words the Draft's spans point at).
// Every block keeps the span it comes from, so a preview can follow the editor and mark findings.
import type { Annex, Block, Draft, FootnoteCall, Paragraph, Span, SubParagraph } from '../model';
import { buildInline, plainText, withoutForbiddenCharacters, type FootnoteInline, type Inline, type InlineContext, type MarkedSpan } from './inline';
import { meetingOf, readMasthead, type DocumentIdentity, type HeaderRole, type Meeting } from './masthead';
import { emphasesIn } from './emphasis';
import { referenceMarks } from './references';
import { findDate, renderLanguage, type RenderLanguage } from './render-language';
import { eachSubparagraph, firstWhere, footnoteTextPieces, overlapsAnyOf } from '../structure';
import { isOpeningQuoteCode, wordsInsideDecoration } from '../parse/lines';

export interface RenderOptions {
  /** A symbol known from outside the text (a file name), used when the masthead gives none. */
  readonly symbolHint?: string;
}

/** A line of text with the span it comes from. */
export interface RenderLine {
  readonly span: Span;
  readonly content: readonly Inline[];
}

export interface RenderHeaderLine extends RenderLine {
  readonly role: HeaderRole;
}

export interface RenderSubparagraph {
  readonly span: Span;
  /** "(a)", "(ii)"; undefined when the text lost the label. */
  readonly label: string | undefined;
  /** 1 for (a), 2 for (i) … */
  readonly level: number;
  readonly content: readonly Inline[];
  readonly children: readonly RenderSubparagraph[];
}

export interface RenderParagraph {
  readonly kind: 'preambular' | 'operative';
  readonly span: Span;
  /** The number as written, "1." or "5 bis."; undefined for an unnumbered paragraph. */
  readonly number: string | undefined;
  /** The paragraph's own text (before its sub-paragraphs); the opener is a mark of type `opener`. */
  readonly content: readonly Inline[];
  readonly subparagraphs: readonly RenderSubparagraph[];
}

export type BodyItem =
  | { readonly kind: 'paragraph'; readonly paragraph: RenderParagraph }
  /** A heading inside the body: "A", "II. Implementation", "Peacebuilding Commission". */
  | { readonly kind: 'heading'; readonly line: RenderLine }
  /** Text the parser could not place; printed as it stands. */
  | { readonly kind: 'text'; readonly line: RenderLine };

export interface RenderPart {
  readonly chapeau: RenderLine | undefined;
  /** Paragraphs, headings and unplaced text, in text order. */
  readonly items: readonly BodyItem[];
}

export interface RenderFootnote {
  readonly number: number;
  readonly span: Span;
  readonly content: readonly Inline[];
  /** Whether any call refers to it (a text nothing calls is still shown, after the others). */
  readonly called: boolean;
  /** Where its first call stands (undefined when nothing calls it): the text it is printed under. */
  readonly firstCallStart: number | undefined;
}

export type AnnexItem =
  | { readonly kind: 'paragraph'; readonly number: string; readonly line: RenderLine }
  | { readonly kind: 'text'; readonly line: RenderLine };

export interface RenderAnnex {
  readonly span: Span;
  /** "Annex", "Annex I". */
  readonly heading: RenderLine;
  /** A short line before the first paragraph, with no closing mark: "Declaration on …". */
  readonly title: RenderLine | undefined;
  /** The annex's text after its title. */
  readonly items: readonly AnnexItem[];
}

export interface RenderModel {
  readonly language: string;
  /** The tag a word processor proofs the text with: "en-GB", "fr-FR" (English for a language it cannot tell). */
  readonly languageTag: string;
  /** "United Nations" in the document's language, for the masthead. */
  readonly unitedNations: string;
  readonly identity: DocumentIdentity;
  /** The document's title, plain, for a page title: "Participation by the State of Palestine …". */
  readonly title: string | undefined;
  /** The header block, read into masthead fields. */
  readonly header: readonly RenderHeaderLine[];
  readonly parts: readonly RenderPart[];
  /** "84th plenary meeting", "20 December 2006"; "Adopted unanimously at the 1382nd meeting." */
  readonly closing: readonly RenderLine[];
  readonly footnotes: readonly RenderFootnote[];
  readonly annexes: readonly RenderAnnex[];
  /** How many of the draft's footnote calls the model prints (all of them, unless one stands in page furniture). */
  readonly placedFootnoteCalls: number;
}

const within = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function clip(pieces: readonly Span[], from: number, to: number): Span[] {
  return pieces
    .map((piece) => ({ start: Math.max(piece.start, from), end: Math.min(piece.end, to) }))
    .filter((piece) => piece.end > piece.start);
}

function spanEnd(pieces: readonly Span[], fallback: number): number {
  return pieces.reduce((end, piece) => Math.max(end, piece.end), fallback);
}

/** For each call (in text order): the footnote text it refers to, and whether it is that footnote's first call. */
function assignFootnotes(draft: Draft): Map<FootnoteCall, { footnote: number | undefined; first: boolean }> {
  const texts = draft.footnoteTexts;
  const seen = new Set<number>();
  const assigned = new Map<FootnoteCall, { footnote: number | undefined; first: boolean }>();
  const calls = [...draft.footnoteCalls].sort((a, b) => a.span.start - b.span.start);
  // The texts of each number, in order: a call reads those of its own number, not every text (25,000
  // footnotes were 25,000² steps, a second of the preview).
  const textsOfNumber = new Map<number, number[]>();
  texts.forEach((text, index) => {
    const same = textsOfNumber.get(text.number);
    if (same) same.push(index);
    else textsOfNumber.set(text.number, [index]);
  });
  for (const call of calls) {
    // The text with the call's number that follows it (a page's foot), else the last one before it.
    let footnote: number | undefined;
    for (const index of textsOfNumber.get(call.number) ?? []) {
      const text = texts[index] as (typeof texts)[number];
      if (text.span.start > call.span.start) {
        if (footnote === undefined || (texts[footnote] as { span: Span }).span.start < call.span.start) footnote = index;
      } else if (footnote === undefined || (texts[footnote] as { span: Span }).span.start < text.span.start) {
        footnote = index;
      }
    }
    const first = footnote === undefined || !seen.has(footnote);
    if (footnote !== undefined) seen.add(footnote);
    assigned.set(call, { footnote, first });
  }
  return assigned;
}

/** Builds the rendering model of a draft. Pure; never throws on a Draft that `parse` returned. */
export function renderModel(draft: Draft, options: RenderOptions = {}): RenderModel {
  const text = draft.text;
  const language: RenderLanguage = renderLanguage(draft.language);
  const calls = [...draft.footnoteCalls].sort((a, b) => a.span.start - b.span.start);
  const assigned = assignFootnotes(draft);
  const placed = new Set<FootnoteCall>();

  const hidden: Span[] = [];
  for (const paragraph of draft.paragraphs) {
    const emphasis = paragraph.opener?.emphasis;
    if (emphasis) {
      hidden.push(emphasis.open);
      if (emphasis.close) hidden.push(emphasis.close);
    }
  }
  // The chapeau's emphasis too ("*The General Assembly,*"): print sets the chapeau in italics of its own.
  for (const part of draft.parts) {
    const emphasis = part.chapeau?.emphasis;
    if (emphasis) hidden.push(emphasis.open, emphasis.close);
  }
  // And the Markdown around an annex's heading ("**Annex**", "# Annex I"): print sets headings its own way.
  for (const annex of draft.annexes) {
    const words = wordsInsideDecoration(text.slice(annex.heading.start, annex.heading.end));
    if (words.start > 0) hidden.push({ start: annex.heading.start, end: annex.heading.start + words.start });
    if (annex.heading.start + words.end < annex.heading.end) hidden.push({ start: annex.heading.start + words.end, end: annex.heading.end });
  }
  // Markdown emphasis in running text ("*inter alia*", "_Official Records …_"): the markers hidden, the
  // words marked, to print in italics or bold.
  const emphasisMarks: MarkedSpan[] = [];
  const addEmphases = (pieces: readonly Span[], openerMarker?: Span): void => {
    for (const piece of pieces) {
      for (const emphasis of emphasesIn(text, piece.start, piece.end)) {
        // The opener's own emphasis ("*Recalling*") is hidden already, and marked as the opener.
        if (openerMarker && emphasis.open.start === openerMarker.start) continue;
        hidden.push(emphasis.open, emphasis.close);
        emphasisMarks.push({ span: { start: emphasis.open.end, end: emphasis.close.start }, mark: { type: 'emphasis', strong: emphasis.strong } });
      }
    }
  };
  for (const paragraph of draft.paragraphs) {
    addEmphases(paragraph.pieces, paragraph.opener?.emphasis?.open);
    for (const subparagraph of eachSubparagraph(paragraph.subparagraphs)) addEmphases(subparagraph.pieces);
  }
  for (const footnote of draft.footnoteTexts) addEmphases(footnoteTextPieces(footnote));
  hidden.sort((a, b) => a.start - b.start);

  const footnoteOf = (call: FootnoteCall): FootnoteInline => {
    placed.add(call);
    const info = assigned.get(call) ?? { footnote: undefined, first: true };
    return { kind: 'footnote', number: call.number, footnote: info.footnote, first: info.first, span: call.span };
  };

  // The blocks that print: not page furniture, not the footnote texts (printed as footnotes).
  const inFootnoteRegion = overlapsAnyOf(draft.footnoteTexts.map((footnote) => footnote.span));
  const printable = draft.blocks.filter((block) => block.kind !== 'artifact' && !inFootnoteRegion(block.span));
  const annexRegions = draft.annexes.map((annex, index) => ({ start: annex.span.start, end: draft.annexes[index + 1]?.span.start ?? text.length }));
  // The parser meets annexes line by line, so their regions stand in order, apart: the one a span may
  // lie within is the last to start at or before it.
  const inAnnex = (span: Span): boolean => {
    const region = annexRegions[firstWhere(annexRegions.length, (at) => (annexRegions[at] as Span).start > span.start) - 1];
    return region !== undefined && within(span, region);
  };

  // Closing lines first: their dates and meeting help name the document.
  const closingBlocks = printable.filter((block) => block.kind === 'closing' && !inAnnex(block.span));
  const closingLines = closingLinesOf(text, closingBlocks.flatMap((block) => splitLines(text, block.span)), language, calls);
  let closingDate: string | undefined;
  let closingMeeting: Meeting | undefined;
  for (const line of closingLines) {
    const lineText = text.slice(line.start, line.end);
    closingDate ??= findDate(lineText, language)?.iso;
    const meeting = language.meeting.exec(lineText);
    if (meeting && !closingMeeting) closingMeeting = meetingOf(meeting);
  }

  const firstPart = draft.parts[0];
  const bodyStart = Math.min(
    firstPart?.chapeau?.span.start ?? Number.POSITIVE_INFINITY,
    draft.paragraphs[0]?.span.start ?? Number.POSITIVE_INFINITY,
    draft.annexes[0]?.span.start ?? Number.POSITIVE_INFINITY,
  );
  const headerBlocks = printable.filter((block) => block.span.start < bodyStart && block.kind !== 'closing' && !inAnnex(block.span));
  const masthead = readMasthead(
    text,
    headerBlocks.map((block) => block.span),
    language,
    { chapeauOrgan: firstPart?.chapeau?.organ, closingDate, closingMeeting, symbolHint: options.symbolHint },
  );

  const context: InlineContext = {
    text,
    calls,
    hidden,
    // An emphasis first where a reference starts with it: marks do not nest, and the one met first holds the words.
    marks: [...emphasisMarks, ...referenceMarks(draft, language, masthead.identity.actor)].sort((a, b) => a.span.start - b.span.start),
    footnoteOf,
  };
  const line = (span: Span, marks: readonly MarkedSpan[] = []): RenderLine => ({ span, content: buildInline([span], context, marks) });

  const header: RenderHeaderLine[] = masthead.segments
    .filter((segment) => segment.role !== 'job')
    .map((segment) => ({ role: segment.role, ...line(segment.span, segment.marks) }));

  // Parts: each from its chapeau (or first paragraph) to the next part, the first annex or the end.
  const annexStart = draft.annexes[0]?.span.start ?? text.length;
  // Each part's paragraphs, in the draft's order, gathered once (not looked for through all of them per part).
  const paragraphsOfPart = draft.parts.map((): Paragraph[] => []);
  for (const paragraph of draft.paragraphs) paragraphsOfPart[paragraph.partIndex]?.push(paragraph);
  const partStarts = draft.parts.map((part, index) => {
    const firstParagraph = paragraphsOfPart[index]?.[0];
    return Math.min(part.chapeau?.span.start ?? Number.POSITIVE_INFINITY, firstParagraph?.span.start ?? Number.POSITIVE_INFINITY);
  });
  // Where each part's text ends: at the start of the next part that has one (found from the last part back).
  const nextPartStarts: (number | undefined)[] = [];
  for (let index = partStarts.length - 1, next: number | undefined; index >= 0; index--) {
    nextPartStarts[index] = next;
    if (Number.isFinite(partStarts[index])) next = partStarts[index];
  }
  // In text order (a stable sort keeps blocks of one start as they were): each part takes its stretch by halving.
  const bodyBlocks = printable
    .filter((block) => block.span.start >= bodyStart && block.kind !== 'closing' && block.kind !== 'annex-heading' && !inAnnex(block.span))
    .sort((a, b) => a.span.start - b.span.start);
  const overlapsParagraph = overlapsAnyOf(draft.paragraphs.flatMap((paragraph) => paragraph.pieces));
  const overlapsPrintable = overlapsAnyOf(printable.map((block) => block.span));
  const parts: RenderPart[] = draft.parts.map((part, index) => {
    const from = index === 0 ? bodyStart : (partStarts[index] as number);
    const to = Math.min(nextPartStarts[index] ?? annexStart, annexStart);
    const items: { start: number; item: BodyItem }[] = [];
    for (const paragraph of paragraphsOfPart[index] ?? []) {
      items.push({ start: paragraph.span.start, item: { kind: 'paragraph', paragraph: renderParagraph(paragraph, context) } });
    }
    const chapeauSpan = part.chapeau?.span;
    for (let at = firstWhere(bodyBlocks.length, (position) => (bodyBlocks[position] as Block).span.start >= from); at < bodyBlocks.length; at++) {
      const block = bodyBlocks[at] as Block;
      if (block.span.start >= to) break;
      if (chapeauSpan && overlaps(block.span, chapeauSpan)) continue;
      if (overlapsParagraph(block.span)) continue;
      const kind = block.kind === 'heading' || block.kind === 'header' ? 'heading' : 'text';
      items.push({ start: block.span.start, item: { kind, line: line(block.span) } });
    }
    for (const displaced of draft.displacedText) {
      if (displaced.start >= from && displaced.start < to && !overlapsPrintable(displaced)) {
        items.push({ start: displaced.start, item: { kind: 'text', line: line(displaced) } });
      }
    }
    items.sort((a, b) => a.start - b.start);
    const chapeau = part.chapeau
      ? line(part.chapeau.span, [{ span: { start: part.chapeau.span.start, end: part.chapeau.organSpan.end }, mark: { type: 'organ' } }])
      : undefined;
    return { chapeau, items: items.map((entry) => entry.item) };
  });

  const closing = closingLines.map((span) => {
    const lineText = text.slice(span.start, span.end);
    const marks: MarkedSpan[] = [];
    const meeting = language.meeting.exec(lineText);
    if (meeting) marks.push({ span: { start: span.start + meeting.index, end: span.start + meeting.index + meeting[0].length }, mark: { type: 'meeting', number: Number(meeting[1]) } });
    const date = findDate(lineText, language);
    if (date && !marks.some((marked) => overlaps(marked.span, { start: span.start + date.start, end: span.start + date.end }))) {
      marks.push({ span: { start: span.start + date.start, end: span.start + date.end }, mark: { type: 'docDate', date: date.iso } });
    }
    return line(span, marks);
  });

  const annexes: RenderAnnex[] = draft.annexes.map((annex, index) => {
    // An annex runs to the next annex or the end: the parser's span may hold the heading only.
    const region = { start: annex.span.start, end: draft.annexes[index + 1]?.span.start ?? text.length };
    const blocks = printable.filter(
      (block) => within(block.span, region) && block.kind !== 'annex-heading' && !overlaps(block.span, annex.heading) && !/^\s*_{5,}\s*$/u.test(text.slice(block.span.start, block.span.end)),
    );
    const items = annexItems(text, blocks, annex.numberedParagraphs, context);
    const first = items[0];
    const title = first?.kind === 'text' && isAnnexTitle(first.line) ? first.line : undefined;
    return {
      span: { start: region.start, end: Math.max(annex.span.end, blocks[blocks.length - 1]?.span.end ?? 0) },
      heading: line(annex.heading),
      title,
      items: title ? items.slice(1) : items,
    };
  });

  // Footnote texts: their own words only (a call inside one is not a call of the resolution).
  const footnoteContext: InlineContext = { ...context, calls: [] };
  // Each footnote's first call (the calls in text order, so the first met is the first).
  const firstCallStarts = new Map<number, number>();
  for (const call of calls) {
    const footnote = assigned.get(call)?.footnote;
    if (footnote !== undefined && !firstCallStarts.has(footnote)) firstCallStarts.set(footnote, call.span.start);
  }
  const footnotes: RenderFootnote[] = draft.footnoteTexts.map((footnote, index) => ({
    number: footnote.number,
    span: footnote.span,
    content: buildInline(footnoteTextPieces(footnote), footnoteContext),
    called: firstCallStarts.has(index),
    firstCallStart: firstCallStarts.get(index),
  }));

  const titleLine = header.find((headerLine) => headerLine.role === 'title');
  const titleMark = titleLine?.content.find((node) => node.kind === 'mark' && node.mark.type === 'docTitle');
  const title = titleMark && titleMark.kind === 'mark' ? plainText(titleMark.children) : (draft.title !== undefined ? withoutForbiddenCharacters(draft.title) : titleLine ? plainText(titleLine.content) : undefined);

  return {
    language: draft.language,
    languageTag: language.languageTag,
    unitedNations: language.unitedNations,
    identity: masthead.identity,
    title,
    header,
    parts,
    closing,
    footnotes,
    annexes,
    placedFootnoteCalls: placed.size,
  };
}

function trimmedStart(text: string, span: Span): number {
  let start = span.start;
  while (start < span.end && /\s/u.test(text[start] as string)) start++;
  return start;
}

/** A block's non-empty lines. */
function splitLines(text: string, block: Span): Span[] {
  const lines: Span[] = [];
  let start = block.start;
  for (let i = block.start; i <= block.end; i++) {
    if (i === block.end || text[i] === '\n') {
      const lineSpan = { start: trimmedStart(text, { start, end: i }), end: i };
      while (lineSpan.end > lineSpan.start && /\s/u.test(text[lineSpan.end - 1] as string)) lineSpan.end--;
      if (lineSpan.end > lineSpan.start) lines.push(lineSpan);
      start = i + 1;
    }
  }
  return lines;
}

/**
 * An annex's text as paragraphs. The parser leaves annex text in blocks, one per line in text taken
 * from a PDF: a block joins the paragraph before it unless a numbered paragraph or an "(a)" starts
 * it, or the paragraph before it ended a sentence (and is more than its number).
 */
function annexItems(text: string, blocks: readonly Block[], numbered: Annex['numberedParagraphs'], context: InlineContext): AnnexItem[] {
  const groups: { spans: Span[]; number?: { readonly text: string; readonly span: Span } }[] = [];
  // The parser's numbers by where they start, the first of a place kept (as a search from the start finds it).
  const numberAt = new Map<number, Annex['numberedParagraphs'][number]['number']>();
  for (const paragraph of numbered) if (!numberAt.has(paragraph.number.span.start)) numberAt.set(paragraph.number.span.start, paragraph.number);
  for (const block of blocks) {
    const start = trimmedStart(text, block.span);
    // The parser's numbered paragraphs; in text from a PDF it may have none, so a leading "12." counts.
    const leading = /^\d{1,3}\.(?=\s|$)/u.exec(text.slice(start, block.span.end));
    const number: { readonly text: string; readonly span: Span } | undefined =
      numberAt.get(start) ??
      (leading ? { text: leading[0], span: { start, end: start + leading[0].length } } : undefined);
    const current = groups[groups.length - 1];
    const currentText = current ? text.slice(current.spans[0]?.start ?? 0, current.spans[current.spans.length - 1]?.end ?? 0).trim() : '';
    const bareNumber = current?.number !== undefined && currentText === current.number.text.trim();
    const startsItem =
      !current || number !== undefined || /^(?:\([a-z]{1,5}\)|[a-z]{1,5}\))\s/u.test(text.slice(start, block.span.end)) || (!bareNumber && /[.;:!?][”’"')]*$/u.test(currentText));
    if (startsItem) groups.push(number ? { spans: [block.span], number } : { spans: [block.span] });
    else current.spans.push(block.span);
  }
  return groups.map((group) => {
    const first = group.spans[0] as Span;
    const span = { start: first.start, end: (group.spans[group.spans.length - 1] as Span).end };
    if (group.number) {
      const spans = clip(group.spans, group.number.span.end, span.end);
      return { kind: 'paragraph', number: group.number.text.trim(), line: { span, content: buildInline(spans, context) } };
    }
    return { kind: 'text', line: { span, content: buildInline(group.spans, context) } };
  });
}

/** An annex's first line is its title when it is short and ends on no mark of a sentence. */
function isAnnexTitle(line: RenderLine): boolean {
  const plain = plainText(line.content);
  return plain.length < 200 && !/[.;:,]$/u.test(plain);
}

/**
 * The lines of a closing block: "84th plenary meeting" / "20 December 2006" stay two lines; a
 * sentence broken over lines ("Adopted unanimously at the" / "1382nd meeting.") is one.
 */
function closingLinesOf(text: string, blockLines: readonly Span[], language: RenderLanguage, calls: readonly FootnoteCall[]): Span[] {
  const lines: Span[] = [];
  for (const lineSpan of blockLines) {
    const previous = lines[lines.length - 1];
    // Read without its footnote calls: "84th plenary meeting[^1]" is a whole line, as "84th plenary meeting" is.
    const previousText = previous ? withoutCalls(text, previous, calls).trimEnd() : '';
    const meeting = language.meeting.exec(previousText);
    const previousComplete =
      /[.;:]$/u.test(previousText) ||
      (meeting !== null && meeting.index === 0 && meeting[0].length === previousText.length) ||
      findDate(previousText, language)?.start === 0;
    if (previous && !previousComplete) lines[lines.length - 1] = { start: previous.start, end: lineSpan.end };
    else lines.push(lineSpan);
  }
  return lines;
}

/** The text of `span` with the footnote calls (sorted by start) inside it left out. */
function withoutCalls(text: string, span: Span, calls: readonly FootnoteCall[]): string {
  let out = '';
  let position = span.start;
  for (let at = firstWhere(calls.length, (index) => (calls[index] as FootnoteCall).span.start >= span.start); at < calls.length; at++) {
    const call = (calls[at] as FootnoteCall).span;
    if (call.end > span.end) break;
    out += text.slice(position, call.start);
    position = call.end;
  }
  return out + text.slice(position, span.end);
}

function renderParagraph(paragraph: Paragraph, context: InlineContext): RenderParagraph {
  const end = spanEnd(paragraph.pieces, paragraph.span.end);
  const ownEnd = paragraph.subparagraphs[0]?.span.start ?? end;
  const opener = paragraph.opener;
  const marks: MarkedSpan[] = opener ? [{ span: opener.span, mark: { type: 'opener' } }] : [];
  const content = buildInline(clip(paragraph.pieces, paragraph.textStart, ownEnd), context, marks);
  return {
    kind: paragraph.kind,
    span: paragraph.span,
    number: paragraph.number?.text.trim(),
    content: withOpeningQuote(context.text, paragraph.span.start, paragraph.number?.span.start ?? paragraph.textStart, content),
    subparagraphs: paragraph.subparagraphs.map((subparagraph) => renderSubparagraph(subparagraph, context)),
  };
}

function renderSubparagraph(subparagraph: SubParagraph, context: InlineContext): RenderSubparagraph {
  const end = spanEnd(subparagraph.pieces, subparagraph.span.end);
  const ownEnd = subparagraph.children[0]?.span.start ?? end;
  const content = buildInline(clip(subparagraph.pieces, subparagraph.textStart, ownEnd), context);
  return {
    span: subparagraph.span,
    label: subparagraph.label?.text.trim(),
    level: subparagraph.level,
    content: withOpeningQuote(context.text, subparagraph.span.start, subparagraph.label?.span.start ?? subparagraph.textStart, content),
    children: subparagraph.children.map((child) => renderSubparagraph(child, context)),
  };
}

/**
 * `content` with the quotation mark that opens its line in a quoted draft ("“1. Urges …", "“Recalling
 * …"): it stands before the number or the words the content starts after, and is text, not markup.
 */
function withOpeningQuote(text: string, lineStart: number, wordsStart: number, content: Inline[]): Inline[] {
  const lead = text.slice(lineStart, wordsStart).trim();
  if (lead.length !== 1 || !isOpeningQuoteCode(lead.charCodeAt(0))) return content;
  const first = content[0];
  if (first?.kind === 'text') return [{ kind: 'text', text: `${lead}${first.text}` }, ...content.slice(1)];
  return [{ kind: 'text', text: lead }, ...content];
}

/**
 * Whether a footnote is printed after the annexes rather than under the resolution's text: where
 * it is first called, or for a text nothing calls, where it stands (the draft format keeps every
 * footnote text at the end, after any annex).
 */
export function footnoteOfAnnexes(model: RenderModel, footnote: RenderFootnote): boolean {
  const annexStart = model.annexes[0]?.span.start;
  return annexStart !== undefined && (footnote.firstCallStart ?? footnote.span.start) >= annexStart;
}

/** Every operative paragraph of the model, in order (parts and sections flattened). */
export function operativeParagraphsOf(model: RenderModel): RenderParagraph[] {
  return model.parts.flatMap((part) =>
    part.items.flatMap((item) => (item.kind === 'paragraph' && item.paragraph.kind === 'operative' ? [item.paragraph] : [])),
  );
}
