// Finding the opener of a paragraph with the lexicon: adverbs, the verb or phrase, "also"/"further",
// and modifiers such as "with appreciation". Pure lookup in the lexicon's tables; no English in code.
import { withoutDiacritics, type Lexicon, type OpenerForm } from '../lexicon/lexicon';
import type { Opener, OpenerMatch, Span } from '../model';
import { detached } from '../text-memo';
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
  private readonly ids: number[] = [];
  private readonly shapes: number[] = [];
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

  /** Its number in the trees' vocabulary (`wordIdOf`), 0 when it is none of their words. */
  idOf(index: number): number {
    return this.ids[index] as number;
  }

  /** How it is written against its number's word (`lowerShape`, `capitalShape`, `otherShape`). */
  shapeOf(index: number): number {
    return this.shapes[index] as number;
  }

  /**
   * Whether the `count` words from `index` on (read already) are written as the phrase of their
   * vocabulary's words with the first word as `shapeOf` says: each word after the first as its word
   * (`lowerShape`), one space before it.
   */
  spellPhraseFrom(index: number, count: number): boolean {
    for (let word = index + 1; word < index + count; word++) {
      const gap = this.ends[word - 1] as number;
      if (this.shapes[word] !== lowerShape || this.starts[word] !== gap + 1 || this.text.charCodeAt(gap) !== 32) return false;
    }
    return true;
  }

  /**
   * Whether the word at `index` may start with a unit of `firstSymbols` (`PhraseNode.firstSymbols`): false
   * when there is no word there or it starts with an ASCII unit not among them. A word not read yet is
   * read no further than its first unit: after "Recalling", "its" or "the" is looked for in the trees of
   * "also" and "with appreciation", and reading it and making its key were most of reading an opener.
   */
  mayStartWith(index: number, firstSymbols: number): boolean {
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
    return folded < 0 || (isFoldedWordCode(folded) && (firstSymbols & (1 << trieSymbol(folded))) !== 0);
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
    // The word walked down the trie of the trees' words as it is read (see `trie`): a word of ASCII
    // units and curly apostrophes is one of theirs or none, and needs no key of its own. A key kept by a
    // hash of the word, checked against the text in a second pass, was most of reading a word.
    let state = 0;
    let foldable = true;
    // How many units folding changed: a word that is its vocabulary word as written changed none, one capitalised one, its first.
    let changed = 0;
    // The trie's cells in a local: the module's binding is reassigned when the trie is built again, so read at every unit otherwise.
    const cells = trie.cells;
    for (; position < stop; position++) {
      const code = text.charCodeAt(position);
      const folded = foldedCode(code);
      if (folded >= 0) {
        if (!isFoldedWordCode(folded)) break;
        if (code !== folded) changed++;
        if (state >= 0) {
          const next = (cells[2 * state] as number) + trieSymbol(folded);
          state = cells[2 * next + 1] === state ? next : -1;
        }
      } else if (isWordCharacter(text, position)) {
        foldable = false;
      } else {
        break;
      }
    }
    this.position = position;
    this.starts[this.count] = start;
    this.ends[this.count] = position;
    this.ids[this.count] = foldable ? (state > 0 ? (trie.wordIds[state] as number) : 0) : (idByWord.get(matchingKey(text, start, position)) ?? 0);
    const first = text.charCodeAt(start);
    this.shapes[this.count] = !foldable || changed > 1 ? otherShape : changed === 0 ? lowerShape : first >= 65 && first <= 90 ? capitalShape : otherShape;
    this.count++;
  }
}

const reader = new Words();

/** A word read as its vocabulary word is written: lower case ASCII, straight apostrophes. */
const lowerShape = 0;
/** As its vocabulary word with the first letter, of A–Z, a capital: "Recalling". */
const capitalShape = 1;
/** Written any other way (other capitals, curly apostrophes, letters outside ASCII), or no word of the vocabulary. */
const otherShape = 2;

/**
 * The words of every phrase tree built so far (`phraseTree`), each numbered once from 1: a word read
 * in a draft is known by its number, and a tree's node finds the next one by it, with no string
 * hashed or compared (a map lookup by the word's string at every word was a fifth of reading openers,
 * by a line profile). The vocabulary grows only with the lexicons' words, never with a draft's.
 */
const vocabulary: string[] = [''];
/** Each word of the vocabulary by its string: the words of a draft with letters outside ASCII are looked up here by their key (`matchingKey`). */
const idByWord = new Map<string, number>();

/** The number of a tree's word, given it if it has none yet. */
function wordIdOf(word: string): number {
  let id = idByWord.get(word);
  if (id === undefined) {
    id = vocabulary.length;
    vocabulary.push(word);
    idByWord.set(word, id);
    if (isSpelledInTrieUnits(word)) trieStale = true;
  }
  return id;
}

/**
 * The vocabulary's words spelled in ASCII letters, straight apostrophes and hyphens, as a trie of their
 * units in a double array: `cells` holds each state's base and check, the unit `symbol` (`trieSymbol`)
 * leading from state `s` to `base(s) + symbol` when that state's check is `s`, and nowhere otherwise;
 * `wordIds` the number of the word that ends at a state (0 for none). A word of the text read down it
 * is known as a word of the trees, and by its number, or as none of theirs, with no key made or looked
 * up. (The trees' words of other units, and the text's words of letters outside ASCII, are found by
 * their keys in `idByWord`.) A table of 28 cells a state for the three lexicons' words was 400 KB, and
 * each unit read a likely cache miss; these are 48 KB (4,096 states, 3,705 of them used; English's alone
 * 24 KB), and a word's states mostly follow one another (`buildTrie`). Built again, whole, when a
 * lexicon's trees add words (`tablesOf`).
 */
interface Trie {
  readonly cells: Int32Array;
  readonly wordIds: Int32Array;
}
const trieSymbolCount = 28;
let trie: Trie = { cells: freeCells(trieSymbolCount + 1), wordIds: new Int32Array(trieSymbolCount + 1) };
let trieStale = false;

/** A unit as `foldedCode` gives it (a–z, ', -) as a symbol of the trie, 1 to 28. */
function trieSymbol(folded: number): number {
  return folded === 39 ? 27 : folded === 45 ? 28 : folded - 96;
}

function isSpelledInTrieUnits(word: string): boolean {
  for (let index = 0; index < word.length; index++) if (!isFoldedWordCode(word.charCodeAt(index))) return false;
  return word.length > 0;
}

/** The cells of `states` states, none used: each base 0, each check -1. The root, state 0, is never reached from another. */
function freeCells(states: number): Int32Array {
  const cells = new Int32Array(2 * states).fill(-1);
  for (let state = 0; state < states; state++) cells[2 * state] = 0;
  return cells;
}

/**
 * The trie of the vocabulary's words spelled in its units. Depth first, each state's children placed
 * at the first base where they all fit: the states of a word's units after the prefix it shares come
 * one after another, a cache line for several units of the word read.
 */
function buildTrie(): Trie {
  const words = vocabulary.filter((word, id) => id > 0 && isSpelledInTrieUnits(word)).sort();
  let cells = freeCells(64);
  let wordIds = new Int32Array(64);
  /** Makes room for `states` states. */
  const roomFor = (states: number): void => {
    if (2 * states <= cells.length) return;
    const capacity = Math.max(states, cells.length);
    const larger = freeCells(capacity);
    larger.set(cells);
    cells = larger;
    const largerIds = new Int32Array(capacity);
    largerIds.set(wordIds);
    wordIds = largerIds;
  };
  // The states to place children for, last first: the state, how many units lead to it, and its words'
  // range in `words` (sorted, so the words sharing its prefix are together).
  const stack: number[] = [0, 0, 0, words.length];
  let firstFree = 1;
  const symbols: number[] = [];
  const bounds: number[] = [];
  while (stack.length > 0) {
    const to = stack.pop() as number;
    const from = stack.pop() as number;
    const depth = stack.pop() as number;
    const state = stack.pop() as number;
    symbols.length = 0;
    bounds.length = 0;
    let index = from;
    // A word as long as the prefix ends here (sorted first of its range).
    if (index < to && (words[index] as string).length === depth) wordIds[state] = idByWord.get(words[index++] as string) as number;
    while (index < to) {
      const symbol = trieSymbol((words[index] as string).charCodeAt(depth));
      let end = index + 1;
      while (end < to && trieSymbol((words[end] as string).charCodeAt(depth)) === symbol) end++;
      symbols.push(symbol);
      bounds.push(index, end);
      index = end;
    }
    // No unit leads on from a state with no children: its base stays 0, and no state it points to has it as its check.
    if (symbols.length === 0) continue;
    while (2 * firstFree < cells.length && cells[2 * firstFree + 1] !== -1) firstFree++;
    let base = Math.max(0, firstFree - (symbols[0] as number));
    for (;; base++) {
      roomFor(base + trieSymbolCount + 1);
      if (symbols.every((symbol) => cells[2 * (base + symbol) + 1] === -1)) break;
    }
    cells[2 * state] = base;
    for (let child = 0; child < symbols.length; child++) cells[2 * (base + (symbols[child] as number)) + 1] = state;
    // The first child's words are placed next: pushed last.
    for (let child = symbols.length - 1; child >= 0; child--) stack.push(base + (symbols[child] as number), depth + 1, bounds[2 * child] as number, bounds[2 * child + 1] as number);
  }
  return { cells, wordIds };
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

/**
 * Phrases (lower case, space separated) as a tree of their words, for finding the longest one a text
 * spells. A class with every field set from the start: nodes made as literals and given `phrase`,
 * `form` and `written` later were of several shapes, all read at every word (with `leadsOn`, the
 * openers of a corpus lint replayed: 13.9 -> 13.4 million instructions).
 */
class PhraseNode {
  /** The numbers (`wordIdOf`) of the words that lead on from here, and the node each leads to, in the same order. */
  readonly nextWords: number[] = [];
  readonly nextNodes: PhraseNode[] = [];
  /**
   * For a node that many words lead on from (a tree's root: the forms' first words), each next node
   * by its word's number, up to the highest of them (`listNextByWord`); undefined for the others, whose
   * few words are compared in turn.
   */
  nextByWord: (PhraseNode | undefined)[] | undefined = undefined;
  /**
   * The first units of the words in `nextWords` that are the trie's (`trieSymbol`), a bit each (see
   * Words.mayStartWith): a number on the node, not a typed array of 128 bits, another object to reach
   * at every node the words lead to.
   */
  firstSymbols = 0;
  /** The phrase that ends here, when one does. */
  phrase: string | undefined = undefined;
  /** In the tree of the lexicon's forms, the form that ends here: found with the phrase, not looked up again by it. */
  form: OpenerForm | undefined = undefined;
  /** There too, the form's words as last written in a draft some way other than those below (`formWords`). */
  written: string | undefined = undefined;
  /** The phrase with its first letter a capital, made the first time a draft writes it so: "Recalling". */
  capitalised: string | undefined = undefined;
  /** Whether any word leads on from here: a field, read at every word. */
  leadsOn = false;

  /** `depth`: how many words lead here from the root. */
  constructor(readonly depth: number) {}

  /** The node the word numbered `word` leads to, if any. */
  next(word: number): PhraseNode | undefined {
    const byWord = this.nextByWord;
    if (byWord !== undefined) return word < byWord.length ? byWord[word] : undefined;
    const words = this.nextWords;
    for (let index = 0; index < words.length; index++) if (words[index] === word) return this.nextNodes[index];
    return undefined;
  }
}

/** How many words lead on from a node before its next nodes are listed by word number: a few are compared faster than an array is reached. */
const mostComparedWords = 8;

/** A phrase found: the node where it ends (its phrase and its length in words). */
type FoundPhrase = PhraseNode & { readonly phrase: string };

function phraseTree(phrases: Iterable<string>): PhraseNode {
  const root = new PhraseNode(0);
  for (const phrase of phrases) {
    let node = root;
    for (const word of phrase.split(' ')) {
      const id = wordIdOf(word);
      let child = node.next(id);
      if (!child) {
        child = new PhraseNode(node.depth + 1);
        node.nextWords.push(id);
        node.nextNodes.push(child);
        node.leadsOn = true;
        const first = word.charCodeAt(0);
        if (isFoldedWordCode(first)) node.firstSymbols |= 1 << trieSymbol(first);
      }
      node = child;
    }
    node.phrase = phrase;
  }
  listNextByWord(root);
  return root;
}

/** Lists the next nodes by word number where many words lead on from a node, in the whole tree. */
function listNextByWord(node: PhraseNode): void {
  const { nextWords, nextNodes } = node;
  if (nextWords.length > mostComparedWords) {
    const byWord: (PhraseNode | undefined)[] = new Array<PhraseNode | undefined>(Math.max(...nextWords) + 1).fill(undefined);
    for (let index = 0; index < nextWords.length; index++) byWord[nextWords[index] as number] = nextNodes[index];
    node.nextByWord = byWord;
  }
  for (const child of nextNodes) listNextByWord(child);
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
    if (!words.mayStartWith(index + length - 1, node.firstSymbols) || !words.has(index + length - 1)) break;
    const word = words.idOf(index + length - 1);
    node = word === 0 ? undefined : node.next(word);
    if (node?.phrase !== undefined) found = node as FoundPhrase;
  }
  return found;
}

/** The tree of the lexicon's forms, each phrase's node carrying its form. */
function formTree(lexicon: Lexicon): PhraseNode {
  const tree = phraseTree(lexicon.formKeys);
  const carryForms = (node: PhraseNode): void => {
    if (node.phrase !== undefined) node.form = lexicon.byForm.get(node.phrase);
    for (const child of node.nextNodes) carryForms(child);
  };
  carryForms(tree);
  return tree;
}

interface PhraseTables {
  readonly adverbs: PhraseNode;
  readonly modifiers: PhraseNode;
  readonly additive: PhraseNode;
  /** The numbers of the additive words ("also", "further"), which may stand before the form too. */
  readonly additiveWords: ReadonlySet<number>;
  /** Each additive word as read (lower case, with or without its accents) to the lexicon's spelling: « egalement » → « également ». */
  readonly additiveSpelling: ReadonlyMap<string, string>;
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
    // An additive word typed without its accents (« egalement », «tambien») is read as it too, its
    // spelling the lexicon's: repeated-opener finds the word there, and the opener rules ask for its accents.
    const spelled = lower([lexicon.additive.second, ...lexicon.additive.later]);
    const additiveSpelling = new Map<string, string>();
    for (const phrase of spelled) additiveSpelling.set(phrase, phrase);
    for (const phrase of spelled) if (!additiveSpelling.has(withoutDiacritics(phrase))) additiveSpelling.set(withoutDiacritics(phrase), phrase);
    const additive = [...additiveSpelling.keys()];
    found = {
      adverbs: phraseTree(lower(withAccentless([...lexicon.operativeAdverbs, ...lexicon.preambularAdverbs]))),
      modifiers: phraseTree(lower(withAccentless(lexicon.modifiers))),
      additive: phraseTree(additive),
      additiveWords: new Set(additive.filter((phrase) => !phrase.includes(' ')).map(wordIdOf)),
      additiveSpelling,
      forms: formTree(lexicon),
    };
    tables.set(lexicon, found);
    if (trieStale) {
      trie = buildTrie();
      trieStale = false;
    }
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
  if (text.charCodeAt(position) === 91 /* [ */ && /^[*_]{0,2}\p{Lu}/u.test(text.slice(position + 1, position + 4))) {
    // A note on the paragraph in brackets before its opener ("[Agreed ad ref] Recalling …", "[Noted]
    // Requests …"): the opener is the one after it. Read as the opener, its "Agreed" was fixed to
    // "Agreeing". A bracketed alternative stays the opener ("[Urges] States …": no opener after it).
    const afterNote = noteEnd(text, position);
    if (afterNote !== undefined) {
      const inside = readOpener(text, position + 1, lexicon);
      const after = inside?.match && inside.match.kind !== 'other' ? undefined : readOpener(text, afterNote, lexicon);
      if (after?.match && after.match.kind !== 'other') return after;
    }
    position++;
  }
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

/**
 * Where the words after a bracketed note at `open` (its "[") begin: past its "]" on the same line,
 * within 80 units, and the spaces after it; undefined where no such note stands there.
 */
function noteEnd(text: string, open: number): number | undefined {
  const close = text.indexOf(']', open);
  if (close < 0 || close - open > 80) return undefined;
  for (let at = open + 1; at < close; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13 || code === 91 /* [ */) return undefined;
  }
  let after = close + 1;
  while (after < text.length && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 0xa0)) after++;
  return after > close + 1 && after < text.length ? after : undefined;
}

/** Where the opener's last word ends: its form's, or the "also" or modifier after it (an "also" before it ends sooner). */
function lastWordEnd(match: OpenerMatch): number {
  return Math.max(match.formSpan.end, match.additive?.span.end ?? 0, match.modifierSpan?.end ?? 0);
}

/** Where each run of adverbs ends, in words: one list for every call (a list each call was an eighth of what reading openers allocated). */
const adverbEnds = new Int32Array(4);

function matchWords(text: string, words: Words, phraseTables: PhraseTables): OpenerMatch | undefined {
  const { adverbs, modifiers, additive, additiveWords, additiveSpelling, forms } = phraseTables;
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
        additiveWord = new AdditiveNode(additiveSpelling.get(additiveAfter.phrase) ?? additiveAfter.phrase, new SpanNode(words.startOf(next), lastEnd), 'after');
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
          additiveWord = new AdditiveNode(additiveSpelling.get(additiveAfterModifier.phrase) ?? additiveAfterModifier.phrase, new SpanNode(words.startOf(next), lastEnd), 'after');
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
            const word = words.idOf(wordIndex);
            if (word === 0 || !additiveWords.has(word)) continue;
            const written = vocabulary[word] as string;
            additiveWord = new AdditiveNode(additiveSpelling.get(written) ?? written, new SpanNode(words.startOf(wordIndex), words.endOf(wordIndex)), 'before');
            break;
          }
        }
      }
      return new OpenerMatchNode(found.entry, found.kind, new SpanNode(formStartOffset, formEndOffset), formWords(text, words, formStart, form),
        adverbSpans, additiveWord, modifierSpan);
    }
  }
  return undefined;
}

const noAdverbs: readonly Span[] = [];

/**
 * The form's words as written (`plainWords`). Most forms are written as the lexicon writes them, in
 * lower case or with a capital first, one space between words, and the reader has seen so (`shapeOf`):
 * the phrase itself, or its capitalised string made once. Otherwise the string of the last time it was
 * written the same way, when it is; a slice at each opener was a tenth of what reading openers allocated.
 */
function formWords(text: string, words: Words, formStart: number, node: FoundPhrase): string {
  // Written as the phrase is, or with a capital first: no unit of the text to read again (a
  // comparison with the string last written was most of this).
  const shape = words.shapeOf(formStart);
  if (shape !== otherShape && words.spellPhraseFrom(formStart, node.depth)) {
    if (shape === lowerShape) return node.phrase;
    node.capitalised ??= capitalisedPhrase(node);
    return node.capitalised;
  }
  const start = words.startOf(formStart);
  const end = words.endOf(formStart + node.depth - 1);
  const last = node.written;
  if (last !== undefined && last.length === end - start && text.startsWith(last, start)) return last;
  // A copy of its own, as the words' keys: a slice would keep the whole draft alive.
  const written = detached(plainWords(text, start, end));
  node.written = written;
  return written;
}

/**
 * A form's phrase with a capital first (a–z made A–Z): the lexicon's own string of the form where it is
 * that ("Recalling"), so the opener rules find the form written as the lexicon writes it by identity,
 * without comparing the strings' units (`formWithItsAccents`).
 */
function capitalisedPhrase(node: FoundPhrase): string {
  const capitalised = String.fromCharCode(node.phrase.charCodeAt(0) - 32) + node.phrase.slice(1);
  const lexiconText = node.form?.text;
  return lexiconText === capitalised ? lexiconText : capitalised;
}

/** A quote left before the first word by a scan: ' ‘ ’ ` */
function isStrayQuote(code: number): boolean {
  return code === 39 || code === 0x2018 || code === 0x2019 || code === 96;
}
