// The model's nodes, made by `new` (records.ts says why), each with every key present and an absent
// part undefined (model.ts): one shape per node type. The few optional keys that the model has always
// left out when absent (a part's chapeau, a cross-reference's direction) are still left out.
import type { OpenerEntry, FormKind } from '../lexicon/lexicon';
import type {
  Annex, Block, BlockKind, Chapeau, CrossReference, FootnoteCall, FootnoteCallStyle, FootnoteText, FootnoteTextStyle, NumberLabel, NumberStyle, Opener,
  OpenerMatch, Paragraph, ParagraphKind, ReferencedLabel, ReferencedNumber, ResolutionPart, Span, SubLabel, SubParagraph,
} from '../model';
import { plain, type Writable } from '../records';

/** The span [start, end). */
export const SpanNode = plain(function SpanNode(this: Writable<Span>, start: number, end: number) {
  this.start = start;
  this.end = end;
});

export const NumberLabelNode = plain(function NumberLabelNode(this: Writable<NumberLabel>, span: Span, text: string, value: number, style: NumberStyle, insertSuffix: string | undefined) {
  this.span = span;
  this.text = text;
  this.value = value;
  this.style = style;
  this.insertSuffix = insertSuffix;
});

export const SubLabelNode = plain(function SubLabelNode(this: Writable<SubLabel>, span: Span, text: string, name: string, kind: SubLabel['kind'], bracket: SubLabel['bracket'],
  insertSuffix?: string) {
  this.span = span;
  this.text = text;
  this.name = name;
  this.kind = kind;
  this.bracket = bracket;
  this.insertSuffix = insertSuffix;
});

export const OpenerNode = plain(function OpenerNode(this: Writable<Opener>, span: Span, text: string, emphasis: Opener['emphasis'], match: OpenerMatch | undefined) {
  this.span = span;
  this.text = text;
  this.emphasis = emphasis;
  this.match = match;
});

export const OpenerMatchNode = plain(function OpenerMatchNode(this: Writable<OpenerMatch>, entry: OpenerEntry, kind: FormKind, formSpan: Span, formText: string,
  adverbs: readonly Span[], additive: OpenerMatch['additive'], modifierSpan: Span | undefined) {
  this.entry = entry;
  this.kind = kind;
  this.formSpan = formSpan;
  this.formText = formText;
  this.adverbs = adverbs;
  this.additive = additive;
  this.modifierSpan = modifierSpan;
});

export const ParagraphNode = plain(function ParagraphNode(this: Writable<Paragraph>, kind: ParagraphKind, span: Span, pieces: readonly Span[], number: NumberLabel | undefined,
  opener: Opener | undefined, subject: Span | undefined, textStart: number, text: string, lastCharacter: Span | undefined,
  subparagraphs: readonly SubParagraph[], partIndex: number, sectionIndex: number) {
  this.kind = kind;
  this.span = span;
  this.pieces = pieces;
  this.number = number;
  this.opener = opener;
  this.subject = subject;
  this.textStart = textStart;
  this.text = text;
  this.lastCharacter = lastCharacter;
  this.subparagraphs = subparagraphs;
  this.partIndex = partIndex;
  this.sectionIndex = sectionIndex;
});

export const SubParagraphNode = plain(function SubParagraphNode(this: Writable<SubParagraph>, span: Span, pieces: readonly Span[], label: SubLabel | undefined, level: number,
  textStart: number, text: string, lastCharacter: Span | undefined, children: readonly SubParagraph[]) {
  this.span = span;
  this.pieces = pieces;
  this.label = label;
  this.level = level;
  this.textStart = textStart;
  this.text = text;
  this.lastCharacter = lastCharacter;
  this.children = children;
});

export const FootnoteCallNode = plain(function FootnoteCallNode(this: Writable<FootnoteCall>, span: Span, number: number, style: FootnoteCallStyle, name?: string) {
  this.span = span;
  this.number = number;
  this.style = style;
  this.name = name;
});

export const FootnoteTextNode = plain(function FootnoteTextNode(this: Writable<FootnoteText>, span: Span, labelSpan: Span, number: number, bodySpan: Span, body: string,
  style: FootnoteTextStyle, placement: FootnoteText['placement'], continuation: Span | undefined, name?: string) {
  this.span = span;
  this.labelSpan = labelSpan;
  this.number = number;
  this.name = name;
  this.bodySpan = bodySpan;
  this.body = body;
  this.style = style;
  this.placement = placement;
  this.continuation = continuation;
});

export const BlockNode = plain(function BlockNode(this: Writable<Block>, kind: BlockKind, span: Span) {
  this.kind = kind;
  this.span = span;
});

export const ChapeauNode = plain(function ChapeauNode(
  this: Writable<Chapeau>,
  span: Span,
  organ: string,
  organSpan: Span,
  comma: Span | undefined,
  fullStop: Span | undefined,
  language: string,
  missingArticle: string | undefined,
  emphasis: Chapeau['emphasis'],
  openingQuote: Span | undefined,
) {
  this.span = span;
  this.organ = organ;
  this.organSpan = organSpan;
  this.comma = comma;
  this.fullStop = fullStop;
  this.language = language;
  this.missingArticle = missingArticle;
  this.emphasis = emphasis;
  this.openingQuote = openingQuote;
});

type Additive = NonNullable<OpenerMatch['additive']>;

/** An opener's "also" or "further": the word, where it stands, before the form or after it. */
export const AdditiveNode = plain(function AdditiveNode(this: Writable<Additive>, word: string, span: Span, position: Additive['position']) {
  this.word = word;
  this.span = span;
  this.position = position;
});

/** A resolution part; with no chapeau it has no `chapeau` key, as parts have always had. */
export const ResolutionPartNode = plain(function ResolutionPartNode(this: Writable<ResolutionPart>, chapeau: Chapeau | undefined, preambularParagraphs: readonly Paragraph[], operativeParagraphs: readonly Paragraph[]) {
  if (chapeau) this.chapeau = chapeau;
  this.preambularParagraphs = preambularParagraphs;
  this.operativeParagraphs = operativeParagraphs;
});

type AnnexParagraph = Annex['numberedParagraphs'][number];

/** A numbered paragraph of an annex. */
export const AnnexParagraphNode = plain(function AnnexParagraphNode(this: Writable<AnnexParagraph>, span: Span, number: NumberLabel) {
  this.span = span;
  this.number = number;
});

/** A sub-paragraph named in a cross-reference: "(c)" of "paragraph 7 (c) above". */

export const ReferencedLabelNode = plain(function ReferencedLabelNode(this: Writable<ReferencedLabel>, name: string, span: Span) {
  this.name = name;
  this.span = span;
});

// The optional keys of the next two are left out when absent, as the model has always had them.
export const ReferencedNumberNode = plain(function ReferencedNumberNode(this: Writable<ReferencedNumber>, value: number, span: Span, subparagraph: ReferencedLabels | undefined, insertSuffix?: ReferencedNumber['insertSuffix']) {
  this.value = value;
  this.span = span;
  if (subparagraph) {
    this.subparagraph = subparagraph.first;
    if (subparagraph.more) this.moreSubparagraphs = subparagraph.more;
    if (subparagraph.inner) this.innerSubparagraph = subparagraph.inner;
  }
  if (insertSuffix) this.insertSuffix = insertSuffix;
});

/** The labels a reference names after a number: the first, those after it at its level, a numeral inside the first. */
export interface ReferencedLabels {
  readonly first: ReferencedLabel;
  readonly more: readonly ReferencedLabel[] | undefined;
  readonly inner: ReferencedLabel | undefined;
}

export const CrossReferenceNode = plain(function CrossReferenceNode(this: Writable<CrossReference>, span: Span, numbers: readonly ReferencedNumber[], range: boolean,
  direction: CrossReference['direction'], subparagraphOnly: ReferencedLabel | undefined, subparagraphOnlyInner?: ReferencedLabel, subparagraphOnlyMore?: readonly ReferencedLabel[]) {
  this.span = span;
  this.numbers = numbers;
  this.range = range;
  if (direction) this.direction = direction;
  if (subparagraphOnly) this.subparagraphOnly = subparagraphOnly;
  if (subparagraphOnlyInner) this.subparagraphOnlyInner = subparagraphOnlyInner;
  if (subparagraphOnlyMore) this.subparagraphOnlyMore = subparagraphOnlyMore;
});

