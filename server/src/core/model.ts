import type { FormKind, OpenerEntry } from './lexicon/lexicon';

// The document model: what `parse` returns and what every rule and feature reads.
// Every node carries the exact offsets of the text it stands for, so adapters can
// turn any finding into a range without looking at the text again. The parser builds the
// nodes with every key present, an absent optional part undefined: one shape per node type
// keeps the rules' and features' code monomorphic (read optional parts as possibly undefined).

/** A half-open range of UTF-16 offsets into the draft's text: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How the text reached us: typed in the draft format, or copied out of a published PDF. */
export type DraftForm = 'canonical' | 'pdf';

/** A paragraph or sub-paragraph number as written: "12.", "12)", "(12)", "OP 12", "5 bis.". */
export interface NumberLabel {
  readonly span: Span;
  readonly text: string;
  readonly value: number;
  /** The way the number is written; only `dot` is the final-text convention. */
  readonly style: NumberStyle;
  /** "bis", "ter", "quater" … of a negotiation insert, or "alt" of an alternative, lower case. */
  readonly insertSuffix?: string;
}

export type NumberStyle =
  | 'dot' // "12."
  | 'paren-close' // "12)"
  | 'parens' // "(12)"
  | 'dash' // "12 -"
  | 'spaced-dot' // "12 ."
  | 'comma' // "12," (an OCR slip for "12." in scanned texts)
  | 'colon' // "12:"
  | 'ordinal' // "12°", "12º": the ordinal sign French and Spanish legal texts number with
  | 'label' // "OP12", "OP 12"
  | 'letter' // "a.", "b)", "(c)": an operative paragraph lettered as an item is (its value is the letter's place: a → 1)
  | 'bare'; // "12" followed by the text with no mark at all

/** A sub-paragraph label: "(a)", "(ii)", "a)", "b.", and the level it stands at. */
export interface SubLabel {
  readonly span: Span;
  readonly text: string;
  /** The letters or numerals without brackets or dots: "a", "ii". */
  readonly name: string;
  /** "number" is a digit in brackets where a scan misread a roman numeral: "(1)" for "(i)". */
  readonly kind: 'letter' | 'roman' | 'number';
  readonly bracket: 'parens' | 'close' | 'dot';
  /** "bis", "ter" … of a negotiation insert, "(a bis)": it stands outside the (a), (b), (c) sequence. */
  readonly insertSuffix?: string;
}

/** The words a paragraph opens with, as a drafter would name them: "Takes note with appreciation". */
export interface Opener {
  /** From the first adverb to the last word that belongs to the opener ("Also requests", "Recalling further"). */
  readonly span: Span;
  readonly text: string;
  /** Markdown emphasis markers around the opener (`*Recalling*`), when present. */
  readonly emphasis?: { readonly open: Span; readonly close?: Span };
  /** What the lexicon knows of it; undefined when the words are not in the lexicon. */
  readonly match?: OpenerMatch;
}

export interface OpenerMatch {
  readonly entry: OpenerEntry;
  /** Which form of the entry the text uses: the operative one, the preambular one, or another. */
  readonly kind: FormKind;
  /** The verb or phrase itself, without adverbs and additive words: "requests" in "Also requests". */
  readonly formSpan: Span;
  readonly formText: string;
  /** Adverbs before the verb ("Also", "Strongly"), in order. */
  readonly adverbs: readonly Span[];
  /** The "also"/"further" that marks a repeated opener, and whether it stands before or after the verb. */
  readonly additive?: { readonly word: string; readonly span: Span; readonly position: 'before' | 'after' };
  /** Words such as "with appreciation" after the verb. */
  readonly modifierSpan?: Span;
}

export type FootnoteCallStyle = 'bracket' | 'superscript' | 'bare';

/** A footnote reference in the text: `[^3]`, `³`, or a bare "3" glued to a word in PDF text. */
export interface FootnoteCall {
  readonly span: Span;
  /** For a named call (`[^agenda]`), the number print gives it: by the order of first calls, after the numbered ones. */
  readonly number: number;
  readonly style: FootnoteCallStyle;
  /** The name of a Markdown named footnote's call, `agenda` of `[^agenda]`, as written; undefined for a number. */
  readonly name?: string;
}

/** `[^3]: …`, a PDF block's `3 …`, or a word processor's `³ …` (superscript digits, as its calls). */
export type FootnoteTextStyle = 'bracket' | 'bare' | 'superscript';

/** A footnote's text: `[^3]: Resolution 60/1.` or, in PDF text, `3 Resolution 60/1.` after a rule line. */
export interface FootnoteText {
  readonly span: Span;
  /** The number with its marker: `[^3]:`, `3` or `³`. */
  readonly labelSpan: Span;
  /** For a named text (`[^agenda]:`), the number of its calls (see FootnoteCall). */
  readonly number: number;
  /** The name of a Markdown named footnote, `agenda` of `[^agenda]:`, as written; undefined for a number. */
  readonly name?: string;
  /** The text itself, without the label; for a text wrapped over lines, first to last character. */
  readonly bodySpan: Span;
  readonly body: string;
  readonly style: FootnoteTextStyle;
  /**
   * Where the text stands: with the others at the end (`[^3]:`), in a block at a page's foot (PDF
   * text), or after the adoption line of a Security Council yearbook, whose footnotes serve the page.
   */
  readonly placement: 'end' | 'page-foot' | 'yearbook';
  /**
   * The rest of a page-foot text that its page could not hold: the first lines of the next page's
   * block, before any number ("Nations publication, Sales No. …" after "… 1995 (United"). The text
   * reads `bodySpan` then this; `body` holds both. Undefined for nearly every text.
   */
  readonly continuation: Span | undefined;
}

/** One paragraph number inside a cross-reference: "5", or "7 (c)" with its sub-paragraph. */
/** A sub-paragraph label a reference names: "c" of "paragraph 7 (c) above", and where its letters stand. */
export interface ReferencedLabel {
  readonly name: string;
  readonly span: Span;
}

export interface ReferencedNumber {
  readonly value: number;
  /** The digits in the text, which renumbering rewrites. */
  readonly span: Span;
  /** "c" of "7 (c)", when the reference names a sub-paragraph. */
  readonly subparagraph?: ReferencedLabel;
  /**
   * The labels after the first, of its level: "e" of "7 (c) and (e)", "d" and "e" of "7 (c), (d) and
   * (e)", "e" of "7 (c) to (e)". Absent when the reference names one label.
   */
  readonly moreSubparagraphs?: readonly ReferencedLabel[];
  /** A numeral inside the first label's item: "iv" of "7 (b) (iv)". */
  readonly innerSubparagraph?: ReferencedLabel;
  /** "bis" of "2 bis", when the reference names a negotiation insert (lower case), and where the word stands. */
  readonly insertSuffix?: { readonly text: string; readonly span: Span };
}

/**
 * A reference to operative paragraphs of this resolution: "paragraph 5 above", "paragraphs 3 and 4",
 * "paragraphs 2 to 6", "paragraph 7 (c) of the present resolution", "subparagraph (b) above".
 * References to other texts ("paragraph 8 of resolution 60/251") are not collected.
 */
export interface CrossReference {
  /** From "paragraph" to the last word of the reference ("above", "resolution"). */
  readonly span: Span;
  readonly numbers: readonly ReferencedNumber[];
  /** "2 to 6": the numbers are the ends of a range. */
  readonly range: boolean;
  /** Where the text says the paragraphs are, when it says so. */
  readonly direction?: 'above' | 'below';
  /** "subparagraph (b) above", without a paragraph number: the sub-paragraph of the paragraph it stands in. */
  readonly subparagraphOnly?: ReferencedLabel;
  /** "subparagraph (b) (iv) above": the numeral of the list inside that sub-paragraph. */
  readonly subparagraphOnlyInner?: ReferencedLabel;
  /** "subparagraphs (a) and (e) above": the labels after the first, of the same paragraph. */
  readonly subparagraphOnlyMore?: readonly ReferencedLabel[];
}

export type ParagraphKind = 'preambular' | 'operative';

/**
 * A paragraph of the resolution. Its text may be broken by page artifacts (page headers,
 * footnote blocks) when copied out of a PDF: `pieces` are the stretches that belong to it.
 */
export interface Paragraph {
  readonly kind: ParagraphKind;
  readonly span: Span;
  readonly pieces: readonly Span[];
  readonly number?: NumberLabel;
  readonly opener?: Opener;
  /** The organ named as the subject inside the paragraph, in texts without a chapeau: "The Security Council requests …". */
  readonly subject?: Span;
  /** Where the paragraph's own words begin (after any number and emphasis marker). */
  readonly textStart: number;
  /** The paragraph's own text, up to its first sub-paragraph; pieces joined by a space. */
  readonly text: string;
  /** The last non-space character of the paragraph's own text (before its sub-paragraphs). */
  readonly lastCharacter?: Span;
  readonly subparagraphs: readonly SubParagraph[];
  /** The part of the resolution the paragraph belongs to (parts A, B … each have their own chapeau). */
  readonly partIndex: number;
  /** The section of its part ("A", "B", "II" markers start sections; each may have a preamble of its own). */
  readonly sectionIndex: number;
}

export interface SubParagraph {
  readonly span: Span;
  readonly pieces: readonly Span[];
  /** Missing when a PDF extraction lost the label; the item still takes its place in the sequence. */
  readonly label?: SubLabel;
  /** 1 for (a), 2 for (i) inside (a), 3 and 4 below. */
  readonly level: number;
  readonly textStart: number;
  readonly text: string;
  readonly lastCharacter?: Span;
  readonly children: readonly SubParagraph[];
}

export interface Chapeau {
  readonly span: Span;
  /** "General Assembly", "Security Council" … as written. */
  readonly organ: string;
  readonly organSpan: Span;
  /** The comma that closes the chapeau; missing is a `chapeau` finding. */
  readonly comma?: Span;
  /** A full stop written where the comma belongs: "The General Assembly." */
  readonly fullStop?: Span;
  readonly language: string;
  /** The article the chapeau leaves out ("The" where the line reads "General Assembly,"); a `chapeau` finding. */
  readonly missingArticle?: string;
  /**
   * Markdown emphasis around the chapeau (`*The General Assembly,*`, `**The General Assembly**,`), as
   * print sets it in italics: markup, not text. Undefined for a chapeau written plain.
   */
  readonly emphasis?: { readonly open: Span; readonly close: Span };
  /**
   * The quotation mark that opens the line of a draft quoted in another text: the draft resolution an
   * Economic and Social Council resolution recommends to the General Assembly, each of whose
   * paragraphs opens with one ("“The General Assembly,", "“Recalling …", "“1. Decides …"). Its part's
   * paragraphs are read past that mark. Undefined for a chapeau not quoted.
   */
  readonly openingQuote?: Span;
}

/** One resolution part: a chapeau and the paragraphs after it (parts A and B restart numbering). */
export interface ResolutionPart {
  readonly chapeau?: Chapeau;
  readonly preambularParagraphs: readonly Paragraph[];
  readonly operativeParagraphs: readonly Paragraph[];
}

export type BlockKind =
  | 'header' // symbol, session, agenda item, title before the chapeau
  | 'heading' // a section heading inside the body: "I", "A.", a short title line
  | 'closing' // "84th plenary meeting", "Adopted at the 868th meeting …"
  | 'artifact' // page header or footer, job number, barcode, page number, footnote separator
  | 'annex-heading'
  /** A numbered operative paragraph standing above the chapeau, where no paragraph belongs. */
  | 'misplaced-paragraph'
  | 'unclassified';

/** Text that is not a paragraph of the resolution, kept with its kind so nothing is lost. */
export interface Block {
  readonly kind: BlockKind;
  readonly span: Span;
}

export interface Annex {
  readonly heading: Span;
  readonly span: Span;
  /** The annex's own numbered paragraphs, never checked as operative paragraphs. */
  readonly numberedParagraphs: readonly { readonly span: Span; readonly number: NumberLabel }[];
}

export interface Draft {
  readonly text: string;
  readonly form: DraftForm;
  /**
   * The text was read by OCR from a scan of a printed record (a Security Council text adopted before
   * the Council's records were born digital: an adoption line naming a meeting below the 4000th, 1999).
   * OCR confuses ";", "," and "." and drops marks, and misreads labels: rules about punctuation and
   * labels do not trust such text; and such records predate some of today's editorial conventions.
   */
  readonly fromScan: boolean;
  /** Language tag from the chapeau ("en", "fr" …) or "unknown". */
  readonly language: string;
  readonly parts: readonly ResolutionPart[];
  /** Every paragraph of every part, in text order. */
  readonly paragraphs: readonly Paragraph[];
  readonly footnoteCalls: readonly FootnoteCall[];
  readonly footnoteTexts: readonly FootnoteText[];
  /** References to this resolution's own operative paragraphs, in text order. */
  readonly crossReferences: readonly CrossReference[];
  readonly blocks: readonly Block[];
  readonly annexes: readonly Annex[];
  /**
   * Text that continues some earlier paragraph but stands after a finished one: a copy out of a PDF
   * that reordered a page break. Its presence means some paragraph may end cut short.
   */
  readonly displacedText: readonly Span[];
  /** The document's title from a header line such as "80/7. Report of the …", when present. */
  readonly title?: string;
}
