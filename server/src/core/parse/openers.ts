// Finding the opener of a paragraph with the lexicon: adverbs, the verb or phrase, "also"/"further",
// and modifiers such as "with appreciation". Pure lookup in the lexicon's tables; no English in code.
import { withoutDiacritics, type Lexicon, type OpenerForm } from '../lexicon/lexicon';
import type { Opener, OpenerMatch, Span } from '../model';
import { detached } from '../text-memo';
import { grown } from './lines';
import { AdditiveNode, OpenerMatchNode, OpenerNode, SpanNode } from './nodes';
import { emptyList } from '../records';

const wordCharacter = /[\p{L}\p{M}'’-]/u;

/** A letter, mark, apostrophe or hyphen: ASCII answered by code, the rest by the Unicode pattern. */
function isWordCharacter(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  if (code < 128) return isFoldedWordCode(foldedCode(code));
  return wordCharacter.test(text[position] ?? '');
}

/** Whether a unit as `foldedCode` gives it (ASCII lower case, ’ as ') is a word's: a letter, apostrophe or hyphen. */
function isFoldedWordCode(folded: number): boolean {
  return (folded >= 97 && folded <= 122) || folded === 39 || folded === 45;
}

/** White space and emphasis markers, which words are read across. */
function isSkippedCode(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xa0 || code === 42 /* * */ || code === 95 /* _ */;
}

/**
 * The words from `offset` on, up to `limit` of them, stopping at punctuation other than emphasis
 * markers (a comma ends an opener: "Recalling, in this regard, …"). Read only as far as asked: most
 * paragraphs are known by their first word or two. One reader serves every paragraph, its lists
 * reused (`begin`): an opener is read at every paragraph of every version, and a reader, a list and a
 * word object each time were a tenth of what a keystroke on a long draft allocated.
 */
class Words {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly lowers: (string | undefined)[] = [];
  private count = 0;
  private text = '';
  private position = 0;
  private stop = 0;
  private limit = 0;
  private done = false;

  begin(text: string, offset: number, limit: number): this {
    this.text = text;
    this.position = offset;
    this.stop = Math.min(text.length, offset + 400);
    this.limit = limit;
    this.count = 0;
    this.done = false;
    return this;
  }

  /** Lets the text go: the reader is a module's, and must not keep an old version of a draft alive. */
  end(): void {
    this.text = '';
  }

  /** Whether there is a word at `index` (read up to it if need be). */
  has(index: number): boolean {
    while (this.count <= index && !this.done) this.readNext();
    return index < this.count;
  }

  /** The word at `index`, which `has` said is there: where it starts and ends, and its matching key. */
  startOf(index: number): number {
    return this.starts[index] as number;
  }

  endOf(index: number): number {
    return this.ends[index] as number;
  }

  /** Its matching key (`matchingKey`) when it may be a word of the trees; undefined when it is none of theirs. */
  lowerOf(index: number): string | undefined {
    return this.lowers[index];
  }

  /**
   * Whether the word at `index` may start with a unit of `firstUnits` (`PhraseNode.firstUnits`): false
   * when there is no word there or it starts with an ASCII unit not among them. A word not read yet is
   * read no further than its first unit: after "Recalling", "its" or "the" is looked for in the trees of
   * "also" and "with appreciation", and reading it and making its key were most of reading an opener.
   */
  mayStartWith(index: number, firstUnits: Int32Array): boolean {
    if (index > this.count && !this.has(index - 1)) return false;
    let position: number;
    if (index < this.count) position = this.starts[index] as number;
    else {
      if (this.done || this.count >= this.limit) return false;
      const { text, stop } = this;
      position = this.position;
      while (position < stop && isSkippedCode(text.charCodeAt(position))) position++;
      // Where readNext would start reading anyway: it skips the same white space.
      this.position = position;
      if (position >= stop) return false;
    }
    const folded = foldedCode(this.text.charCodeAt(position));
    // Another unit's lower case is the slow key's to say (and whether it is a word's): the word is read.
    return folded < 0 || hasUnit(firstUnits, folded);
  }

  private readNext(): void {
    const { text, stop } = this;
    if (this.count >= this.limit) {
      this.done = true;
      return;
    }
    let position = this.position;
    while (position < stop && isSkippedCode(text.charCodeAt(position))) position++;
    if (position >= stop || !isWordCharacter(text, position)) {
      this.done = true;
      return;
    }
    const start = position;
    // The word walked down the trie of the trees' words as it is read (see `trieNext`): a word of ASCII
    // units and curly apostrophes is one of theirs or none, and needs no key of its own. A key kept by a
    // hash of the word, checked against the text in a second pass, was most of reading a word.
    let state = 0;
    let foldable = true;
    // The trie in a local: the module's binding is reassigned when the trie grows, so read at every unit otherwise.
    const next = trieNext;
    for (; position < stop; position++) {
      const folded = foldedCode(text.charCodeAt(position));
      if (folded >= 0) {
        if (!isFoldedWordCode(folded)) break;
        if (state >= 0) state = next[state * trieSymbols + trieSymbol(folded)] || -1;
      } else if (isWordCharacter(text, position)) {
        foldable = false;
      } else {
        break;
      }
    }
    this.position = position;
    this.starts[this.count] = start;
    this.ends[this.count] = position;
    this.lowers[this.count] = foldable ? (state > 0 ? trieWords[state] : undefined) : matchingKey(text, start, position);
    this.count++;
  }
}

const reader = new Words();

/**
 * The words of every phrase tree built so far (`phraseTree`) spelled in ASCII letters, straight
 * apostrophes and hyphens, as a trie of their units: state 0 is the root, `trieNext` gives the state
 * after a unit (`trieSymbol`) or 0 for none, and `trieWords` the tree's own string of the word that
 * ends at a state. A word of the text read down it is known as a word of the trees, and as their very
 * string (which their maps find by identity), or as none of theirs, with no key made or looked up: a
 * word that is none of theirs is found in no tree anyway. (The trees' words of other units, and the
 * text's words of letters outside ASCII, are matched by their keys, `matchingKey`.) It grows only with
 * the lexicons' words, never with a draft's.
 */
const trieSymbols = 28;
let trieNext: Int32Array = new Int32Array(64 * trieSymbols);
const trieWords: (string | undefined)[] = [undefined];

/** A word unit as `foldedCode` gives it (a–z, ', -) as a symbol of the trie, 0 to 27. */
function trieSymbol(folded: number): number {
  return folded === 39 ? 26 : folded === 45 ? 27 : folded - 97;
}

/** Puts a tree's word in the trie, when it is spelled in its units; the first string of a word stays. */
function addTreeWord(word: string): void {
  for (let index = 0; index < word.length; index++) if (!isFoldedWordCode(word.charCodeAt(index))) return;
  let state = 0;
  for (let index = 0; index < word.length; index++) {
    const slot = state * trieSymbols + trieSymbol(word.charCodeAt(index));
    let next = trieNext[slot] as number;
    if (next === 0) {
      next = trieWords.length;
      trieWords.push(undefined);
      if ((next + 1) * trieSymbols > trieNext.length) trieNext = grown(trieNext, trieNext.length * 2);
      trieNext[slot] = next;
    }
    state = next;
  }
  trieWords[state] ??= word;
}

/** An ASCII unit or a curly apostrophe as its key's unit: lower case, straight apostrophe; -1 for any other unit. */
function foldedCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code | 0x20 : code;
  return code === 0x2019 ? 39 : -1;
}

/**
 * The word from `start` to `end` as the lexicon's tables key it: lower case, and curly apostrophes
 * as straight ones ("S’engage" and "S'engage" are one); spans keep the text's own characters. Made
 * only for a word of letters outside ASCII, which lower-case by the language's rules.
 */
function matchingKey(text: string, start: number, end: number): string {
  const lower = text.slice(start, end).toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Whether bit `unit` (an ASCII unit) is set in `units`, a set of 128 bits. */
function hasUnit(units: Int32Array, unit: number): boolean {
  return ((units[unit >> 5] as number) & (1 << (unit & 31))) !== 0;
}

/**
 * Phrases (lower case, space separated) as a tree of their words, for finding the longest one a text
 * spells. A class with every field set from the start: nodes made as literals and given `phrase`,
 * `form` and `written` later were of several shapes, all read at every word (with `leadsOn`, the
 * openers of a corpus lint replayed: 13.9 -> 13.4 million instructions).
 */
class PhraseNode {
  readonly next = new Map<string, PhraseNode>();
  /** The ASCII first units of the words in `next`, 128 bits (see Words.mayStartWith). */
  readonly firstUnits = new Int32Array(4);
  /** The phrase that ends here, when one does. */
  phrase: string | undefined = undefined;
  /** In the tree of the lexicon's forms, the form that ends here: found with the phrase, not looked up again by it. */
  form: OpenerForm | undefined = undefined;
  /** There too, the form's words as last written in a draft (`formWords`). */
  written: string | undefined = undefined;
  /** Whether `next` has any word: a field, as the map's `size` getter at every word read took half as long as its lookup (a line profile). */
  leadsOn = false;

  /** `depth`: how many words lead here from the root. */
  constructor(readonly depth: number) {}
}

/** A phrase found: the node where it ends (its phrase and its length in words). */
type FoundPhrase = PhraseNode & { readonly phrase: string };

function phraseTree(phrases: Iterable<string>): PhraseNode {
  const root = new PhraseNode(0);
  for (const phrase of phrases) {
    let node = root;
    for (const word of phrase.split(' ')) {
      let child = node.next.get(word);
      if (!child) {
        child = new PhraseNode(node.depth + 1);
        node.next.set(word, child);
        node.leadsOn = true;
        addTreeWord(word);
        const first = word.charCodeAt(0);
        if (first < 128) node.firstUnits[first >> 5] = (node.firstUnits[first >> 5] as number) | (1 << (first & 31));
      }
      node = child;
    }
    node.phrase = phrase;
  }
  return root;
}

/**
 * The longest phrase of `tree` that the words at `index` spell (its node: `phrase`, and `depth`
 * words long); undefined when none does. Nothing is made per call: this runs at every paragraph.
 */
function longestPhrase(words: Words, index: number, tree: PhraseNode): FoundPhrase | undefined {
  let found: FoundPhrase | undefined;
  let node: PhraseNode | undefined = tree;
  // A node with nothing after it ends the search before the next word is read or looked up.
  for (let length = 1; node && node.leadsOn; length++) {
    if (!words.mayStartWith(index + length - 1, node.firstUnits) || !words.has(index + length - 1)) break;
    const key = words.lowerOf(index + length - 1);
    node = key === undefined ? undefined : node.next.get(key);
    if (node?.phrase !== undefined) found = node as FoundPhrase;
  }
  return found;
}

/** The tree of the lexicon's forms, each phrase's node carrying its form. */
function formTree(lexicon: Lexicon): PhraseNode {
  const tree = phraseTree(lexicon.formKeys);
  const carryForms = (node: PhraseNode): void => {
    if (node.phrase !== undefined) node.form = lexicon.byForm.get(node.phrase);
    for (const child of node.next.values()) carryForms(child);
  };
  carryForms(tree);
  return tree;
}

interface PhraseTables {
  readonly adverbs: PhraseNode;
  readonly modifiers: PhraseNode;
  readonly additive: PhraseNode;
  readonly additiveWords: ReadonlySet<string>;
  readonly forms: PhraseNode;
}

const tables = new WeakMap<Lexicon, PhraseTables>();
/** The tables last asked for, and their lexicon: a draft's paragraphs share one, and the weak map's lookup at each was 1.5 % of reading an opener. */
let lastTables: { readonly lexicon: Lexicon; readonly tables: PhraseTables } | undefined;

function tablesOf(lexicon: Lexicon): PhraseTables {
  if (lastTables?.lexicon === lexicon) return lastTables.tables;
  let found = tables.get(lexicon);
  if (!found) {
    const lower = (list: readonly string[]): string[] => list.map((item) => item.toLowerCase());
    // An adverb or modifier typed without its accents (« Profondement », «con preocupacion») is read as
    // it, so the opener is found; the opener rules ask for the accents (`accentlessWordsOf`).
    const withAccentless = (list: readonly string[]): string[] => [...new Set([...list, ...list.map(withoutDiacritics)])];
    const additive = lower([lexicon.additive.second, ...lexicon.additive.later]);
    found = {
      adverbs: phraseTree(lower(withAccentless([...lexicon.operativeAdverbs, ...lexicon.preambularAdverbs]))),
      modifiers: phraseTree(lower(withAccentless(lexicon.modifiers))),
      additive: phraseTree(additive),
      additiveWords: new Set(additive),
      forms: formTree(lexicon),
    };
    tables.set(lexicon, found);
  }
  lastTables = { lexicon, tables: found };
  return found;
}

/** The opener's words as written, without emphasis markers and with white space as single spaces. */
function plainWords(text: string, start: number, end: number): string {
  // Most openers are plain ASCII words with single spaces: the slice is the answer.
  let plain = true;
  for (let position = start; position < end && plain; position++) {
    const code = text.charCodeAt(position);
    plain = code < 128 && code !== 42 && code !== 95 && (code > 32 || (code === 32 && text.charCodeAt(position - 1) !== 32 && position > start));
  }
  const slice = text.slice(start, end);
  return plain ? slice : slice.replace(/[*_]/g, '').replace(/\s+/g, ' ');
}

/** The opener of the paragraph whose own words begin at `offset`; undefined when no word starts there. */
export function readOpener(text: string, offset: number, lexicon: Lexicon | undefined): Opener | undefined {
  let position = offset;
  let emphasisOpen: Span | undefined;
  // A stray quote before the first word is scanning residue ("‘Having regard"), not part of the opener.
  while (position < offset + 2 && isStrayQuote(text.charCodeAt(position))) position++;
  // Negotiation drafts bracket alternative openers: "[Urges][Calls upon] States …" opens with "Urges",
  // still checked; the span stays on the words (the brackets are bracket-balance's). A bracketed
  // note in lower case ("[deleted]", "[agreed ad ref]") is no opener.
  if (text.charCodeAt(position) === 91 /* [ */ && /^[*_]{0,2}\p{Lu}/u.test(text.slice(position + 1, position + 4))) position++;
  const markerCode = text.charCodeAt(position);
  if (markerCode === 42 /* * */ || markerCode === 95 /* _ */) {
    // "**", "*", "__" or "_"
    const length = text.charCodeAt(position + 1) === markerCode ? 2 : 1;
    emphasisOpen = new SpanNode(position, position + length);
    position += length;
  }
  const maxWords = (lexicon?.longestForm ?? 1) + 6;
  // The lexicon's trees before any word is read: building them puts their words in the trie the reader walks.
  const phraseTables = lexicon ? tablesOf(lexicon) : undefined;
  const words = reader.begin(text, position, maxWords);
  if (!words.has(0)) {
    words.end();
    return undefined;
  }
  const firstStart = words.startOf(0);
  const match = phraseTables ? matchWords(text, words, phraseTables) : undefined;
  const lastEnd = match ? lastWordEnd(match) : words.endOf(0);
  words.end();
  // An opener that is its form alone (no adverb, "also" or modifier; most are) shares the form's span and words.
  const formSpan = match?.formSpan;
  const alone = formSpan !== undefined && formSpan.start === firstStart && formSpan.end === lastEnd;
  const span: Span = alone ? formSpan : new SpanNode(firstStart, lastEnd);
  let emphasis: Opener['emphasis'];
  if (emphasisOpen) {
    const closing = text.slice(span.end, span.end + 120).indexOf(text.slice(emphasisOpen.start, emphasisOpen.end));
    const close = closing >= 0 && !text.slice(span.end, span.end + closing).includes('\n\n')
      ? new SpanNode(span.end + closing, span.end + closing + (emphasisOpen.end - emphasisOpen.start))
      : undefined;
    emphasis = close ? { open: emphasisOpen, close } : { open: emphasisOpen };
  }
  // With no match the span is the first word, which holds no emphasis marker or white space: its slice is its plain words.
  const openerText = match ? (alone ? match.formText : plainWords(text, span.start, span.end)) : text.slice(span.start, span.end);
  return new OpenerNode(span, openerText, emphasis, match);
}

/** Where the opener's last word ends: its form's, or the "also" or modifier after it (an "also" before it ends sooner). */
function lastWordEnd(match: OpenerMatch): number {
  return Math.max(match.formSpan.end, match.additive?.span.end ?? 0, match.modifierSpan?.end ?? 0);
}

/** Where each run of adverbs ends, in words: one list for every call (a list each call was an eighth of what reading openers allocated). */
const adverbEnds = new Int32Array(4);

function matchWords(text: string, words: Words, phraseTables: PhraseTables): OpenerMatch | undefined {
  const { adverbs, modifiers, additive, additiveWords, forms } = phraseTables;
  // Try with as many leading adverbs as the text has, then with fewer: "Further" is an adverb in
  // "Further requests" but part of nothing in "Further to its resolution".
  // Where the form may start: after the words of up to three adverbs, most adverbs tried first.
  adverbEnds[0] = 0;
  let runs = 1;
  for (let index = 0; runs < 4; runs++) {
    const length = longestPhrase(words, index, adverbs)?.depth ?? 0;
    if (length === 0) break;
    index += length;
    adverbEnds[runs] = index;
  }
  for (let run = runs - 1; run >= 0; run--) {
    const formStart = adverbEnds[run] as number;
    const form = longestPhrase(words, formStart, forms);
    if (form) {
      const found = form.form;
      if (!found) continue;
      const length = form.depth;
      const formStartOffset = words.startOf(formStart);
      const formEndOffset = words.endOf(formStart + length - 1);
      let lastEnd = formEndOffset;
      let next = formStart + length;
      let additiveWord: OpenerMatch['additive'];
      // "Recalling also", "Requests further", "Takes note also with appreciation", "Prie en outre"
      const additiveAfter = longestPhrase(words, next, additive);
      if (additiveAfter) {
        lastEnd = words.endOf(next + additiveAfter.depth - 1);
        additiveWord = new AdditiveNode(additiveAfter.phrase, new SpanNode(words.startOf(next), lastEnd), 'after');
        next += additiveAfter.depth;
      }
      let modifierSpan: Span | undefined;
      const modifier = longestPhrase(words, next, modifiers);
      if (modifier) {
        lastEnd = words.endOf(next + modifier.depth - 1);
        modifierSpan = new SpanNode(words.startOf(next), lastEnd);
        next += modifier.depth;
        // "Noting with satisfaction also", "Taking note with appreciation also"
        const additiveAfterModifier = additiveWord ? undefined : longestPhrase(words, next, additive);
        if (additiveAfterModifier) {
          lastEnd = words.endOf(next + additiveAfterModifier.depth - 1);
          additiveWord = new AdditiveNode(additiveAfterModifier.phrase, new SpanNode(words.startOf(next), lastEnd), 'after');
        }
      }
      // Most openers have no adverb: one empty list for all of them (it is never changed).
      let adverbSpans: readonly Span[] = noAdverbs;
      if (formStart > 0) {
        const spans = emptyList<Span>();
        for (let wordIndex = 0; wordIndex < formStart; wordIndex++) spans.push(new SpanNode(words.startOf(wordIndex), words.endOf(wordIndex)));
        adverbSpans = spans;
        if (!additiveWord) {
          for (let wordIndex = 0; wordIndex < formStart; wordIndex++) {
            const lower = words.lowerOf(wordIndex);
            if (lower === undefined || !additiveWords.has(lower)) continue;
            additiveWord = new AdditiveNode(lower, new SpanNode(words.startOf(wordIndex), words.endOf(wordIndex)), 'before');
            break;
          }
        }
      }
      return new OpenerMatchNode(found.entry, found.kind, new SpanNode(formStartOffset, formEndOffset), formWords(text, formStartOffset, formEndOffset, form),
        adverbSpans, additiveWord, modifierSpan);
    }
  }
  return undefined;
}

const noAdverbs: readonly Span[] = [];

/**
 * The form's words as written (`plainWords`): the string of the last time it was written the same way,
 * when it is (most forms are written one way, "Recalling"); a slice at each opener was a tenth of what
 * reading openers allocated. The text is compared, not assumed: plain words read the same again.
 */
function formWords(text: string, start: number, end: number, node: PhraseNode): string {
  const last = node.written;
  if (last !== undefined && last.length === end - start && text.startsWith(last, start)) return last;
  // A copy of its own, as the words' keys: a slice would keep the whole draft alive.
  const written = detached(plainWords(text, start, end));
  node.written = written;
  return written;
}

/** A quote left before the first word by a scan: ' ‘ ’ ` */
function isStrayQuote(code: number): boolean {
  return code === 39 || code === 0x2018 || code === 0x2019 || code === 96;
}
