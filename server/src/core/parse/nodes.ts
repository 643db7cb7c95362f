import type { OpenerEntry, FormKind } from '../lexicon/lexicon';
import type {
  Annex, Block, BlockKind, Chapeau, CrossReference, FootnoteCall, FootnoteCallStyle, FootnoteText, FootnoteTextStyle, NumberLabel, NumberStyle, Opener,
  OpenerMatch, Paragraph, ParagraphKind, ReferencedNumber, ResolutionPart, Span, SubLabel, SubParagraph,
} from '../model';

// The model's nodes, made by `new` (records.ts says why), each with every key present and an absent
// part undefined (model.ts): one shape per node type. The few optional keys that the model has always
// left out when absent (a part's chapeau, a cross-reference's direction) are still left out.
import { plain, type Writable } from '../records';

const SpanNode = plain<new (start: number, end: number) => Span>(function SpanNode(this: Writable<Span>, start: number, end: number) {
  this.start = start;
  this.end = end;
});

/** The span [start, end). */
export function spanNode(start: number, end: number): Span {
  return new SpanNode(start, end);
}

const NumberLabelNode = plain<new (span: Span, text: string, value: number, style: NumberStyle, insertSuffix: string | undefined) => NumberLabel>(
  function NumberLabelNode(this: Writable<NumberLabel>, span: Span, text: string, value: number, style: NumberStyle, insertSuffix: string | undefined) {
    this.span = span;
    this.text = text;
    this.value = value;
    this.style = style;
    this.insertSuffix = insertSuffix;
  });

export function numberLabelNode(span: Span, text: string, value: number, style: NumberStyle, insertSuffix: string | undefined): NumberLabel {
  return new NumberLabelNode(span, text, value, style, insertSuffix);
}

const SubLabelNode = plain<new (span: Span, text: string, name: string, kind: SubLabel['kind'], bracket: SubLabel['bracket']) => SubLabel>(
  function SubLabelNode(this: Writable<SubLabel>, span: Span, text: string, name: string, kind: SubLabel['kind'], bracket: SubLabel['bracket']) {
    this.span = span;
    this.text = text;
    this.name = name;
    this.kind = kind;
    this.bracket = bracket;
  });

export function subLabelNode(span: Span, text: string, name: string, kind: SubLabel['kind'], bracket: SubLabel['bracket']): SubLabel {
  return new SubLabelNode(span, text, name, kind, bracket);
}

const OpenerNode = plain<new (span: Span, text: string, emphasis: Opener['emphasis'], match: OpenerMatch | undefined) => Opener>(
  function OpenerNode(this: Writable<Opener>, span: Span, text: string, emphasis: Opener['emphasis'], match: OpenerMatch | undefined) {
    this.span = span;
    this.text = text;
    this.emphasis = emphasis;
    this.match = match;
  });

export function openerNode(span: Span, text: string, emphasis: Opener['emphasis'], match: OpenerMatch | undefined): Opener {
  return new OpenerNode(span, text, emphasis, match);
}

const OpenerMatchNode = plain<new (entry: OpenerEntry, kind: FormKind, formSpan: Span, formText: string, adverbs: readonly Span[],
  additive: OpenerMatch['additive'], modifierSpan: Span | undefined) => OpenerMatch>(
  function OpenerMatchNode(this: Writable<OpenerMatch>, entry: OpenerEntry, kind: FormKind, formSpan: Span, formText: string,
    adverbs: readonly Span[], additive: OpenerMatch['additive'], modifierSpan: Span | undefined) {
    this.entry = entry;
    this.kind = kind;
    this.formSpan = formSpan;
    this.formText = formText;
    this.adverbs = adverbs;
    this.additive = additive;
    this.modifierSpan = modifierSpan;
  });

export function openerMatchNode(entry: OpenerEntry, kind: FormKind, formSpan: Span, formText: string, adverbs: readonly Span[],
  additive: OpenerMatch['additive'], modifierSpan: Span | undefined): OpenerMatch {
  return new OpenerMatchNode(entry, kind, formSpan, formText, adverbs, additive, modifierSpan);
}

const ParagraphNode = plain<new (kind: ParagraphKind, span: Span, pieces: readonly Span[], number: NumberLabel | undefined,
  opener: Opener | undefined, subject: Span | undefined, textStart: number, text: string, lastCharacter: Span | undefined,
  subparagraphs: readonly SubParagraph[], partIndex: number, sectionIndex: number) => Paragraph>(
  function ParagraphNode(this: Writable<Paragraph>, kind: ParagraphKind, span: Span, pieces: readonly Span[], number: NumberLabel | undefined,
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

export function paragraphNode(kind: ParagraphKind, span: Span, pieces: readonly Span[], number: NumberLabel | undefined,
  opener: Opener | undefined, subject: Span | undefined, textStart: number, text: string, lastCharacter: Span | undefined,
  subparagraphs: readonly SubParagraph[], partIndex: number, sectionIndex: number): Paragraph {
  return new ParagraphNode(kind, span, pieces, number, opener, subject, textStart, text, lastCharacter, subparagraphs, partIndex, sectionIndex);
}

const SubParagraphNode = plain<new (span: Span, pieces: readonly Span[], label: SubLabel | undefined, level: number, textStart: number,
  text: string, lastCharacter: Span | undefined, children: readonly SubParagraph[]) => SubParagraph>(
  function SubParagraphNode(this: Writable<SubParagraph>, span: Span, pieces: readonly Span[], label: SubLabel | undefined, level: number,
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

export function subParagraphNode(span: Span, pieces: readonly Span[], label: SubLabel | undefined, level: number, textStart: number,
  text: string, lastCharacter: Span | undefined, children: readonly SubParagraph[]): SubParagraph {
  return new SubParagraphNode(span, pieces, label, level, textStart, text, lastCharacter, children);
}

const FootnoteCallNode = plain<new (span: Span, number: number, style: FootnoteCallStyle) => FootnoteCall>(
  function FootnoteCallNode(this: Writable<FootnoteCall>, span: Span, number: number, style: FootnoteCallStyle) {
    this.span = span;
    this.number = number;
    this.style = style;
  });

export function footnoteCallNode(span: Span, number: number, style: FootnoteCallStyle): FootnoteCall {
  return new FootnoteCallNode(span, number, style);
}

const FootnoteTextNode = plain<new (span: Span, labelSpan: Span, number: number, bodySpan: Span, body: string, style: FootnoteTextStyle,
  placement: FootnoteText['placement']) => FootnoteText>(
  function FootnoteTextNode(this: Writable<FootnoteText>, span: Span, labelSpan: Span, number: number, bodySpan: Span, body: string,
    style: FootnoteTextStyle, placement: FootnoteText['placement']) {
    this.span = span;
    this.labelSpan = labelSpan;
    this.number = number;
    this.bodySpan = bodySpan;
    this.body = body;
    this.style = style;
    this.placement = placement;
  });

export function footnoteTextNode(span: Span, labelSpan: Span, number: number, bodySpan: Span, body: string, style: FootnoteTextStyle,
  placement: FootnoteText['placement']): FootnoteText {
  return new FootnoteTextNode(span, labelSpan, number, bodySpan, body, style, placement);
}

const BlockNode = plain<new (kind: BlockKind, span: Span) => Block>(function BlockNode(this: Writable<Block>, kind: BlockKind, span: Span) {
  this.kind = kind;
  this.span = span;
});

export function blockNode(kind: BlockKind, span: Span): Block {
  return new BlockNode(kind, span);
}

const ChapeauNode = plain<new (span: Span, organ: string, organSpan: Span, comma: Span | undefined, fullStop: Span | undefined, language: string) => Chapeau>(
  function ChapeauNode(this: Writable<Chapeau>, span: Span, organ: string, organSpan: Span, comma: Span | undefined, fullStop: Span | undefined, language: string) {
    this.span = span;
    this.organ = organ;
    this.organSpan = organSpan;
    this.comma = comma;
    this.fullStop = fullStop;
    this.language = language;
  });

export function chapeauNode(span: Span, organ: string, organSpan: Span, comma: Span | undefined, fullStop: Span | undefined, language: string): Chapeau {
  return new ChapeauNode(span, organ, organSpan, comma, fullStop, language);
}

type Additive = NonNullable<OpenerMatch['additive']>;

const AdditiveNode = plain<new (word: string, span: Span, position: Additive['position']) => Additive>(
  function AdditiveNode(this: Writable<Additive>, word: string, span: Span, position: Additive['position']) {
    this.word = word;
    this.span = span;
    this.position = position;
  });

/** An opener's "also" or "further": the word, where it stands, before the form or after it. */
export function additiveNode(word: string, span: Span, position: Additive['position']): Additive {
  return new AdditiveNode(word, span, position);
}

const PartNode = plain<new (preambularParagraphs: readonly Paragraph[], operativeParagraphs: readonly Paragraph[]) => ResolutionPart>(
  function PartNode(this: Writable<ResolutionPart>, preambularParagraphs: readonly Paragraph[], operativeParagraphs: readonly Paragraph[]) {
    this.preambularParagraphs = preambularParagraphs;
    this.operativeParagraphs = operativeParagraphs;
  });

const PartWithChapeauNode = plain<new (chapeau: Chapeau, preambularParagraphs: readonly Paragraph[], operativeParagraphs: readonly Paragraph[]) => ResolutionPart>(
  function PartWithChapeauNode(this: Writable<ResolutionPart>, chapeau: Chapeau, preambularParagraphs: readonly Paragraph[], operativeParagraphs: readonly Paragraph[]) {
    this.chapeau = chapeau;
    this.preambularParagraphs = preambularParagraphs;
    this.operativeParagraphs = operativeParagraphs;
  });

/** A resolution part; with no chapeau, the part has no `chapeau` key (as it had before parts were made by `new`). */
export function resolutionPartNode(chapeau: Chapeau | undefined, preambularParagraphs: readonly Paragraph[], operativeParagraphs: readonly Paragraph[]): ResolutionPart {
  return chapeau ? new PartWithChapeauNode(chapeau, preambularParagraphs, operativeParagraphs) : new PartNode(preambularParagraphs, operativeParagraphs);
}

type AnnexParagraph = Annex['numberedParagraphs'][number];

const AnnexParagraphNode = plain<new (span: Span, number: NumberLabel) => AnnexParagraph>(
  function AnnexParagraphNode(this: Writable<AnnexParagraph>, span: Span, number: NumberLabel) {
    this.span = span;
    this.number = number;
  });

/** A numbered paragraph of an annex. */
export function annexParagraphNode(span: Span, number: NumberLabel): AnnexParagraph {
  return new AnnexParagraphNode(span, number);
}

/** A sub-paragraph named in a cross-reference: "(c)" of "paragraph 7 (c) above". */
type ReferencedLabel = NonNullable<ReferencedNumber['subparagraph']>;

const ReferencedLabelNode = plain<new (name: string, span: Span) => ReferencedLabel>(
  function ReferencedLabelNode(this: Writable<ReferencedLabel>, name: string, span: Span) {
    this.name = name;
    this.span = span;
  });

export function referencedLabelNode(name: string, span: Span): ReferencedLabel {
  return new ReferencedLabelNode(name, span);
}

// The optional keys of the next two are left out when absent, as the model has always had them.
const ReferencedNumberNode = plain<new (value: number, span: Span, subparagraph: ReferencedLabel | undefined) => ReferencedNumber>(
  function ReferencedNumberNode(this: Writable<ReferencedNumber>, value: number, span: Span, subparagraph: ReferencedLabel | undefined) {
    this.value = value;
    this.span = span;
    if (subparagraph) this.subparagraph = subparagraph;
  });

export function referencedNumberNode(value: number, span: Span, subparagraph: ReferencedLabel | undefined): ReferencedNumber {
  return new ReferencedNumberNode(value, span, subparagraph);
}

const CrossReferenceNode = plain<new (span: Span, numbers: readonly ReferencedNumber[], range: boolean, direction: CrossReference['direction'],
  subparagraphOnly: ReferencedLabel | undefined) => CrossReference>(
  function CrossReferenceNode(this: Writable<CrossReference>, span: Span, numbers: readonly ReferencedNumber[], range: boolean,
    direction: CrossReference['direction'], subparagraphOnly: ReferencedLabel | undefined) {
    this.span = span;
    this.numbers = numbers;
    this.range = range;
    if (direction) this.direction = direction;
    if (subparagraphOnly) this.subparagraphOnly = subparagraphOnly;
  });

export function crossReferenceNode(span: Span, numbers: readonly ReferencedNumber[], range: boolean, direction: CrossReference['direction'],
  subparagraphOnly: ReferencedLabel | undefined): CrossReference {
  return new CrossReferenceNode(span, numbers, range, direction, subparagraphOnly);
}
