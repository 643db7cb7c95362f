// Running text of the rendering model: stretches of the draft's text turned into text, footnote
// calls and marked ranges (openers, references, masthead fields), with the line breaks and
// page-break hyphens of the source undone.
import type { FootnoteCall, Span } from '../model';

export type Inline = TextInline | FootnoteInline | MarkInline;

export interface TextInline {
  readonly kind: 'text';
  readonly text: string;
}

/** A footnote call, printed as a superscript number. */
export interface FootnoteInline {
  readonly kind: 'footnote';
  /** The number the text gives the call. */
  readonly number: number;
  /** Index into `RenderModel.footnotes`; undefined when no footnote text has this number. */
  readonly footnote: number | undefined;
  /** The first call of its footnote: a later call repeats the number (as adopted texts do) without a second note. */
  readonly first: boolean;
  readonly span: Span;
}

export type Mark =
  | { readonly type: 'opener' }
  /** A resolution whose number and date the text gives: "resolution 46/152 of 18 December 1991". */
  | { readonly type: 'resolution'; readonly actor: string; readonly number: string; readonly date: string }
  | { readonly type: 'link'; readonly url: string }
  | { readonly type: 'organ' }
  | { readonly type: 'docNumber' }
  | { readonly type: 'docTitle' }
  | { readonly type: 'docDate'; readonly date: string }
  | { readonly type: 'session'; readonly value: number | undefined }
  | { readonly type: 'agendaItem' }
  | { readonly type: 'meeting'; readonly number: number }
  /** Markdown emphasis in the draft's running text: "*inter alia*" (italics), "**not**" (bold). */
  | { readonly type: 'emphasis'; readonly strong: boolean };

/** A marked stretch of text; marks do not nest, so `children` hold text and footnote calls only. */
export interface MarkInline {
  readonly kind: 'mark';
  readonly mark: Mark;
  readonly children: readonly Inline[];
}

export interface MarkedSpan {
  readonly span: Span;
  readonly mark: Mark;
}

/** What the builder needs to know of the whole draft, sorted by offset. */
export interface InlineContext {
  readonly text: string;
  readonly calls: readonly FootnoteCall[];
  /** Characters that are markup, not text: Markdown emphasis markers (around an opener, a chapeau, words of a paragraph). */
  readonly hidden: readonly Span[];
  /** Marks found over the whole text (references, links, emphasis), sorted by start; where two overlap, the first holds the words. */
  readonly marks: readonly MarkedSpan[];
  /** Turns a call into its footnote node (and records that it was placed). */
  readonly footnoteOf: (call: FootnoteCall) => FootnoteInline;
}

type RawInline = { kind: 'text'; text: string } | FootnoteInline | { kind: 'mark'; mark: Mark; children: RawInline[] };

/** First index in `items` (sorted by start) whose start is at or after `offset`. */
function firstAtOrAfter(items: readonly { readonly span: Span }[] | readonly Span[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const item = items[middle] as { readonly span?: Span; readonly start?: number };
    const start = item.span ? item.span.start : (item.start as number);
    if (start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Event {
  readonly start: number;
  readonly end: number;
  readonly call?: FootnoteCall;
  readonly mark?: Mark;
}

function eventsIn(range: Span, context: InlineContext, extraMarks: readonly MarkedSpan[], withMarks: boolean): Event[] {
  const events: Event[] = [];
  for (let i = firstAtOrAfter(context.calls, range.start); i < context.calls.length; i++) {
    const call = context.calls[i] as FootnoteCall;
    if (call.span.start >= range.end) break;
    if (call.span.end <= range.end) events.push({ start: call.span.start, end: call.span.end, call });
  }
  for (let i = firstAtOrAfter(context.hidden, range.start); i < context.hidden.length; i++) {
    const hidden = context.hidden[i] as Span;
    if (hidden.start >= range.end) break;
    if (hidden.end <= range.end) events.push({ start: hidden.start, end: hidden.end });
  }
  if (withMarks) {
    const inside = (marked: MarkedSpan): boolean => marked.span.start >= range.start && marked.span.end <= range.end && marked.span.end > marked.span.start;
    for (const marked of extraMarks) if (inside(marked)) events.push({ start: marked.span.start, end: marked.span.end, mark: marked.mark });
    for (let i = firstAtOrAfter(context.marks, range.start); i < context.marks.length; i++) {
      const marked = context.marks[i] as MarkedSpan;
      if (marked.span.start >= range.end) break;
      if (inside(marked)) events.push({ start: marked.span.start, end: marked.span.end, mark: marked.mark });
    }
  }
  // Calls and hidden characters first at one offset; a mark that overlaps an earlier event is dropped.
  return events.sort((a, b) => a.start - b.start || rank(a) - rank(b));
}

function rank(event: Event): number {
  return event.mark ? 1 : 0;
}

function buildRaw(ranges: readonly Span[], context: InlineContext, extraMarks: readonly MarkedSpan[], withMarks: boolean): RawInline[] {
  const out: RawInline[] = [];
  ranges.forEach((range, index) => {
    if (index > 0) out.push({ kind: 'text', text: ' ' });
    let position = range.start;
    for (const event of eventsIn(range, context, extraMarks, withMarks)) {
      if (event.start < position) continue;
      if (event.mark) {
        // A mark must not swallow a call that an earlier event left; it holds its own calls.
        if (event.start > position) out.push({ kind: 'text', text: context.text.slice(position, event.start) });
        out.push({ kind: 'mark', mark: event.mark, children: buildRaw([{ start: event.start, end: event.end }], context, [], false) });
        position = event.end;
        continue;
      }
      if (event.start > position) out.push({ kind: 'text', text: context.text.slice(position, event.start) });
      if (event.call) out.push(context.footnoteOf(event.call));
      position = event.end;
    }
    if (position < range.end) out.push({ kind: 'text', text: context.text.slice(position, range.end) });
  });
  return out;
}

/**
 * The inline content of some stretches of the text (a paragraph's pieces, a masthead line):
 * whitespace collapsed, a hyphen at a line end joined to the next word, the space before a
 * footnote call moved after it, and the ends trimmed.
 */
export function buildInline(ranges: readonly Span[], context: InlineContext, extraMarks: readonly MarkedSpan[] = []): Inline[] {
  const usable = ranges.filter((range) => range.end > range.start);
  return normalize(buildRaw(usable, context, extraMarks, true));
}

/**
 * The characters XML 1.0 forbids, besides the white space that is collapsed anyway: C0 controls,
 * U+FFFE, U+FFFF and (in a `u` pattern) lone surrogates. A draft may hold them (a PDF's copy, a
 * pasted escape); Akoma Ntoso and Word carrying one are not well-formed, so no output prints them.
 */
const forbiddenInXml = /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** A text without the characters no output can carry (see `forbiddenInXml`). */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(forbiddenInXml, '');
}

function normalizeText(text: string): string {
  return withoutForbiddenCharacters(text)
    .replace(/(\p{L})-[ \t]*\r?\n\s*/gu, '$1-')
    .replace(/\s+/gu, ' ');
}

/** Collapses whitespace across node boundaries and trims both ends; drops empty text nodes. */
function normalize(raw: readonly RawInline[]): Inline[] {
  // Flatten to a sequence of leaves, normalise the text, then rebuild marks.
  const result = normalizeLevel(raw);
  trimEdges(result);
  return result;
}

/** Adjacent text (split by hidden markup) joined before normalising, so "Secretary-⏎General" joins. */
function mergeText(raw: readonly RawInline[]): RawInline[] {
  const out: RawInline[] = [];
  for (const node of raw) {
    const previous = out[out.length - 1];
    if (node.kind === 'text' && previous?.kind === 'text') out[out.length - 1] = { kind: 'text', text: previous.text + node.text };
    else out.push(node);
  }
  return out;
}

function normalizeLevel(raw: readonly RawInline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of mergeText(raw)) {
    if (node.kind === 'text') {
      const text = normalizeText(node.text);
      if (text === '') continue;
      const previous = out[out.length - 1];
      if (previous && previous.kind === 'text') {
        const joined = normalizeText(previous.text + text);
        out[out.length - 1] = { kind: 'text', text: joined };
      } else {
        out.push({ kind: 'text', text });
      }
    } else if (node.kind === 'footnote') {
      // "thereto, 1  the": the call goes against the word or mark before it, the space after it.
      const previous = out[out.length - 1];
      if (previous && previous.kind === 'text' && previous.text.endsWith(' ')) {
        out[out.length - 1] = { kind: 'text', text: previous.text.trimEnd() };
        out.push(node, { kind: 'text', text: ' ' });
      } else {
        out.push(node);
      }
    } else {
      const children = normalizeLevel(node.children);
      // Spaces at a mark's edges belong outside it.
      const leading = children[0]?.kind === 'text' && children[0].text.startsWith(' ');
      const trailing = children[children.length - 1]?.kind === 'text' && (children[children.length - 1] as TextInline).text.endsWith(' ');
      trimEdges(children);
      if (leading) pushText(out, ' ');
      if (children.length > 0) out.push({ kind: 'mark', mark: node.mark, children });
      if (trailing) pushText(out, ' ');
    }
  }
  // Spaces doubled across a call or a mark: "a " + call + " " + " b".
  for (let i = 1; i < out.length; i++) {
    const node = out[i] as Inline;
    const previous = out[i - 1] as Inline;
    if (node.kind === 'text' && previous.kind === 'text') {
      out.splice(i - 1, 2, { kind: 'text', text: normalizeText(previous.text + node.text) });
      i--;
    }
  }
  return out;
}

function pushText(out: Inline[], text: string): void {
  const previous = out[out.length - 1];
  if (previous && previous.kind === 'text') out[out.length - 1] = { kind: 'text', text: normalizeText(previous.text + text) };
  else out.push({ kind: 'text', text });
}

function trimEdges(nodes: Inline[]): void {
  const first = nodes[0];
  if (first && first.kind === 'text') {
    const text = first.text.trimStart();
    if (text === '') nodes.shift();
    else nodes[0] = { kind: 'text', text };
  }
  const last = nodes[nodes.length - 1];
  if (last && last.kind === 'text') {
    const text = last.text.trimEnd();
    if (text === '') nodes.pop();
    else nodes[nodes.length - 1] = { kind: 'text', text };
  }
}

/** The plain text of inline content, footnote calls left out. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : node.kind === 'mark' ? plainText(node.children) : '')).join('');
}

/** Every footnote call in inline content, in order. */
export function footnotesIn(nodes: readonly Inline[]): FootnoteInline[] {
  return nodes.flatMap((node) => (node.kind === 'footnote' ? [node] : node.kind === 'mark' ? footnotesIn(node.children) : []));
}
