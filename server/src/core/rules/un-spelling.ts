import { styleFor, type StyleData } from '../lexicon/lexicon';
import { escapeForPattern, hasStyleParts, type SpellingEntry, type StyleWith } from '../lexicon/style';
import { localMessage } from '../messages';
import { bodyProse, draftSpan, inOneSegment, isQuoted, type ProseRun } from '../prose';
import { wordEndingAt } from '../text-ends';
import { isDigitCode, unitAt } from '../text-scan';
import type { Rule } from '../rule';
import { capitalize } from '../structure';

interface Spelling {
  readonly right: string;
  /** Words before or after that make the written form right: "computer program". */
  readonly notAfter: ReadonlySet<string>;
  readonly notBefore: ReadonlySet<string>;
  /** Why, when the data says: "Oxford spelling: -ize, not -ise". */
  readonly why?: string;
}

interface PhraseSpelling extends Spelling {
  /** Whether the data writes the wrong term in lower case ("member states"): capitalised, it is a name's. */
  readonly wrongStartsLower: boolean;
}

interface SpellingIndex {
  /** Wrong single words, lower case. */
  readonly words: ReadonlyMap<string, Spelling>;
  /** The last three letters of every wrong word, lower case, as `endingKey` packs them. */
  readonly endings: ReadonlySet<number>;
  /** Every wrong fixed term in one sticky pattern, tried where one may start, and each by its key (`phraseKey`). */
  readonly phrasePattern: RegExp;
  /** The first words of the wrong fixed terms, lower case: where the pattern is worth trying. */
  readonly phraseStarts: ReadonlySet<string>;
  /** Their first letters' codes, lower case (ASCII by bit): a test before any copy is made. */
  readonly phraseInitials: ReadonlySet<number>;
  readonly phrases: ReadonlyMap<string, PhraseSpelling>;
  /** The same by their lower case (`lowerCaseKey`): a term matched in another case than the data writes. */
  readonly phrasesByLowerCase: ReadonlyMap<string, PhraseSpelling>;
  /** `wordHash` of every wrong word and of every first word of a fixed term: a test of an ASCII word before any copy is made. */
  readonly wordHashes: HashBits;
  readonly phraseStartHashes: HashBits;
}

/** A set of hashes as bits (2^20 of them): a lookup is a shift and a mask, where a Set was this rule's cost. */
class HashBits {
  private readonly bits = new Uint32Array(1 << 15);

  constructor(hashes: Iterable<number>) {
    for (const hash of hashes) this.bits[(hash >>> 5) & 0x7fff] = (this.bits[(hash >>> 5) & 0x7fff] as number) | (1 << (hash & 31));
  }

  /** Whether `hash` may be one of the set's (it is, when it was added; now and then it is not). */
  has(hash: number): boolean {
    return ((this.bits[(hash >>> 5) & 0x7fff] as number) & (1 << (hash & 31))) !== 0;
  }
}

/** One step of `wordHash`: ASCII folded to lower case by bit (other units as they are). */
function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + (code < 128 ? code | 0x20 : code)) & 0x3fffffff;
}

/**
 * A hash of a word that is the same for the word in any case: an ASCII word whose lower case is a
 * key has the key's hash (ASCII letters lower-case by one bit; a word with other letters is looked up as it was).
 */
function wordHash(word: string): number {
  let hash = 0;
  for (let index = 0; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index));
  return hash;
}

function spellingOf(entry: SpellingEntry, why?: string): Spelling {
  const data = typeof entry === 'string' ? { right: entry } : entry;
  return {
    right: data.right,
    notAfter: new Set((data.notAfter ?? []).map((word) => word.toLowerCase())),
    notBefore: new Set((data.notBefore ?? []).map((word) => word.toLowerCase())),
    ...(why ? { why } : {}),
  };
}

/** A fixed term as written, reduced to the data's spelling of it: first letter lower case, one space, plain hyphens. */
function phraseKey(written: string): string {
  const plain = written.replace(/[\s\u00A0]+/g, ' ').replace(/[\u2010\u2011]/g, '-');
  return plain.charAt(0).toLowerCase() + plain.slice(1);
}

/** A fixed term as written, in lower case, one space, plain hyphens. */
function lowerCaseKey(written: string): string {
  return phraseKey(written).toLowerCase();
}

const indexCache = new WeakMap<StyleData, SpellingIndex>();

function indexOf(style: StyleWith<'spelling'>): SpellingIndex {
  let index = indexCache.get(style);
  if (index) return index;
  const words = new Map<string, Spelling>();
  for (const family of style.spelling.families) {
    for (const stem of family.stems) {
      family.wrong.forEach((ending, position) => {
        const right = family.right[position];
        if (right !== undefined) words.set(stem + ending, spellingOf(stem + right, family.why));
      });
    }
  }
  for (const [wrong, entry] of Object.entries(style.spelling.words)) words.set(wrong.toLowerCase(), spellingOf(entry));
  const phrases = new Map<string, PhraseSpelling>();
  const alternatives: string[] = [];
  const phrasesByLowerCase = new Map<string, PhraseSpelling>();
  for (const [wrong, entry] of Object.entries(style.spelling.phrases)) {
    const first = wrong.charAt(0);
    const spelling: PhraseSpelling = { ...spellingOf(entry), wrongStartsLower: first === first.toLowerCase() };
    phrases.set(phraseKey(wrong), spelling);
    if (!phrasesByLowerCase.has(lowerCaseKey(wrong))) phrasesByLowerCase.set(lowerCaseKey(wrong), spelling);
    // The first letter in either case (a sentence may start with the term); spaces and hyphens as typed.
    const firstPattern = `[${escapeForPattern(first.toLowerCase())}${escapeForPattern(first.toUpperCase())}]`;
    alternatives.push(firstPattern + escapeForPattern(wrong.slice(1)).replace(/ /g, '[\\s\\u00A0]+').replace(/-/g, '[-\\u2010\\u2011]'));
  }
  // Tried only where a word that starts a fixed term stands (see `phraseStarts`), sticky there: a
  // pattern of alternatives run over every position of a draft was this rule's whole cost.
  // In any case: a term written in another case than the data's ("Economic and Social council") is
  // looked up by its lower case (see `withPhraseAt`).
  const phrasePattern = new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}\\-\\u2010\\u2011])`, 'uiy');
  const phraseStarts = new Set(Object.keys(style.spelling.phrases).map((wrong) => (/^[\p{L}]+/u.exec(wrong)?.[0] ?? wrong).toLowerCase()));
  const endings = new Set<number>();
  for (const wrong of words.keys()) endings.add(endingKey(wrong, wrong.length));
  const phraseInitials = new Set([...phraseStarts].map((word) => word.charCodeAt(0) | 0x20));
  const wordHashes = new HashBits([...words.keys()].map(wordHash));
  const phraseStartHashes = new HashBits([...phraseStarts].map(wordHash));
  index = { words, endings, phrasePattern, phraseStarts, phraseInitials, phrases, phrasesByLowerCase, wordHashes, phraseStartHashes };
  indexCache.set(style, index);
  return index;
}

/**
 * Words of the scripts that have a style file (Latin letters with their accents): a plain class,
 * several times faster than \p{L} over a whole draft.
 */
/** The last three UTF-16 units before `end`, lower-cased (ASCII by bit, others as they are), packed in one number. */
function endingKey(word: string, end: number): number {
  const lower = (code: number): number => (code >= 65 && code <= 90 ? code | 0x20 : code);
  // Three letters (a shorter word counts its missing ones as 0): 48 bits, exact in a double.
  const third = end >= 3 ? lower(word.charCodeAt(end - 3)) : 0;
  return (third * 0x10000 + lower(word.charCodeAt(end - 2))) * 0x10000 + lower(word.charCodeAt(end - 1));
}

/** A letter of the scripts that have a style file: Latin, with its accented letters. */
function isLatinLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

/** Whether the character before run offset `start` leaves a fixed term free to start there: none, or no letter, digit or hyphen. */
function freeBefore(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  return !(isLatinLetter(before) || isDigitCode(before) || before === 45 || before === 0x2010 || before === 0x2011);
}

/**
 * Whether the word at run offset `start` is capitalised only because it opens a sentence: it does,
 * and no capitalised word follows within two words, as in a name ("(a) Organisation for Economic
 * Co-operation and Development;" is a name, "Recognising the role" a sentence).
 */
function opensSentence(run: Pick<ProseRun, 'text'>, start: number, end: number): boolean {
  const opens = /^[\s*_[“"‘']*$/.test(run.text.slice(0, start)) || /[.!?][”’")]?[\s\u00A0]+[*_“"‘']*$/.test(run.text.slice(Math.max(0, start - 6), start));
  if (!opens) return false;
  const next = /^[\s\u00A0*_]+(\p{L}+)(?:[\s\u00A0]+(\p{L}+))?/u.exec(run.text.slice(end, end + 60));
  return ![next?.[1], next?.[2]].some((word) => word !== undefined && word.charAt(0) !== word.charAt(0).toLowerCase());
}

/** Whether the word is part of an address: a web link or an e-mail, whose spelling is not ours. */
function inAddress(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1] ?? ' ')) from--;
  let to = end;
  while (to < text.length && !/\s/.test(text[to] ?? ' ')) to++;
  return /:\/\/|www\.|@/.test(text.slice(from, to));
}

function neighbourWord(text: string, start: number, end: number, direction: 'before' | 'after'): string {
  if (direction === 'before') return start > 0 && /[\s\u00A0]/.test(text[start - 1] ?? '') ? (wordEndingAt(text, start)?.word.toLowerCase() ?? '') : '';
  return /^[\s\u00A0]+(\p{L}+)/u.exec(text.slice(end, end + 40))?.[1]?.toLowerCase() ?? '';
}

/** A wrong spelling in a run's text, in run offsets. */
interface Misspelling {
  readonly start: number;
  readonly end: number;
  readonly spelling: Spelling;
}

const noMisspellings: readonly Misspelling[] = [];

/** A wrong spelling as the word loop meets it, before the checks of its surroundings. */
class Found implements Misspelling {
  constructor(readonly start: number, readonly end: number, readonly spelling: Spelling) {}
}

/**
 * The wrong spellings of a run of prose, in run offsets: a pure function of its text (`quotations`
 * come from it), so a session keeps it from one version of the draft to the next.
 *
 * The word loop is all this function does; what a candidate word asks (a fixed term's pattern, the
 * word's spelling, its surroundings) is in functions of their own, called rarely, so that their
 * deoptimizations, as they first meet their cases, do not send the loop back to be compiled again.
 */
function misspellings(run: Pick<ProseRun, 'text' | 'quotations'>, index: SpellingIndex): readonly Misspelling[] {
  let found: Found[] | undefined;
  const text = run.text;
  // Read by `unitAt`, its length kept: see there.
  const length = text.length;
  // Every word of Latin letters, in a character loop with no copies made: this runs over every
  // word of a draft. An ASCII word is hashed as it is read, and looked up only if its hash is a key's.
  for (let position = 0; position < length; ) {
    let code = unitAt(text, position);
    if (!isLatinLetter(code)) {
      position++;
      continue;
    }
    const start = position;
    let hash = 0;
    let ascii = true;
    // Never a read past the text's end: charCodeAt there gives NaN, and a loop that has met a NaN once
    // (a run that ends with a letter) is compiled again for doubles.
    do {
      if (code >= 128) ascii = false;
      hash = hashStep(hash, code);
      if (++position === length) break;
      code = unitAt(text, position);
    } while (isLatinLetter(code));
    const end = position;
    const mayStartPhrase = ascii ? index.phraseStartHashes.has(hash) : index.phraseInitials.has(text.charCodeAt(start) | 0x20);
    // A fixed term ("Secretary General", "co-operation") starts here only after no letter, digit or
    // hyphen: looked at only for a word that may start one (the character before every word was a tenth of the rule).
    if (mayStartPhrase && freeBefore(text, start)) found = withPhraseAt(run, start, end, index, found);
    // Most words are no wrong spelling: an ASCII word by its hash, another by its last three letters.
    if (end - start < 2 || !(ascii ? index.wordHashes.has(hash) : index.endings.has(endingKey(text, end)))) continue;
    found = withWordAt(run, start, end, index, found);
  }
  // Most runs have none: one empty list for them all (never changed), and no list made while none is found.
  return found ? outsideQuotesAndAddresses(run, found) : noMisspellings;
}

/** `found` with the wrong fixed term that starts with the word at [start, end), if one does. */
function withPhraseAt(run: Pick<ProseRun, 'text'>, start: number, end: number, index: SpellingIndex, found: Found[] | undefined): Found[] | undefined {
  const text = run.text;
  if (!index.phraseStarts.has(text.slice(start, end).toLowerCase())) return found;
  index.phrasePattern.lastIndex = start;
  const match = index.phrasePattern.exec(text);
  if (!match) return found;
  const spelling = index.phrases.get(phraseKey(match[0]));
  if (!spelling) {
    // In another case than the data writes: wrong where a word is in lower case that the right form
    // capitalises ("Economic and Social council"), right as a heading's capitals or a name's words are.
    const other = index.phrasesByLowerCase.get(lowerCaseKey(match[0]));
    return other && lowerWhereCapitalised(match[0], other.right) ? appended(found, new Found(start, start + match[0].length, other)) : found;
  }
  // A term the data writes in lower case, capitalised where no sentence starts, is a name's:
  // "Organisation for Economic Co-operation and Development". Not where a later word is left in lower
  // case that the right form capitalises: "Member states", "General assembly", "Secretary-general".
  const capitalised = match[0].charAt(0) !== match[0].charAt(0).toLowerCase() && spelling.wrongStartsLower;
  if (capitalised && !opensSentence(run, start, start + match[0].length) && !capitalisedOnlyFirst(match[0], spelling.right)) return found;
  return appended(found, new Found(start, start + match[0].length, spelling));
}

/**
 * Whether `written` capitalises its first word only where `right` capitalises a later one too
 * ("General assembly" for "General Assembly", "Member states" for "member States"): a term miscapitalised,
 * not a name (a name capitalises each of its words).
 */
function capitalisedOnlyFirst(written: string, right: string): boolean {
  return lowerWhereCapitalised(written, right, 1);
}

/** Whether a word of `written` from the `from`th on is in lower case where `right` capitalises it. */
function lowerWhereCapitalised(written: string, right: string, from = 0): boolean {
  const writtenWords = written.split(/[\s\u00A0\-\u2010\u2011]+/);
  const rightWords = right.split(/[\s\u00A0\-\u2010\u2011]+/);
  if (writtenWords.length !== rightWords.length) return false;
  return rightWords.some((word, index) => {
    const other = writtenWords[index] ?? '';
    return index >= from && word.charAt(0) !== word.charAt(0).toLowerCase() && other.charAt(0) !== other.charAt(0).toUpperCase();
  });
}

/** `found` with the word at [start, end), if it is a wrong spelling. */
function withWordAt(run: Pick<ProseRun, 'text'>, start: number, end: number, index: SpellingIndex, found: Found[] | undefined): Found[] | undefined {
  const written = run.text.slice(start, end);
  const lower = written.toLowerCase();
  const spelling = index.words.get(lower);
  if (!spelling) return found;
  // Capitalised words are names ("World Health Organisation" is not ours to respell, nor the
  // "Program of Action" of another body), except a sentence's first word ("Recognising …").
  const capitalised = written !== lower;
  if (capitalised && (written !== capitalize(lower) || !opensSentence(run, start, start + written.length))) return found;
  return appended(found, new Found(start, start + written.length, spelling));
}

function appended(found: Found[] | undefined, one: Found): Found[] {
  if (!found) return [one];
  found.push(one);
  return found;
}

/** The candidates that stand outside quotations and web or e-mail addresses, and not beside a word that excuses them. */
function outsideQuotesAndAddresses(run: Pick<ProseRun, 'text' | 'quotations'>, found: readonly Found[]): readonly Misspelling[] {
  return found.filter(({ start, end, spelling }) => !isQuoted(run, start, end)
    && !inAddress(run.text, start, end)
    && !spelling.notAfter.has(neighbourWord(run.text, start, end, 'before'))
    && !spelling.notBefore.has(neighbourWord(run.text, start, end, 'after')));
}

export const unSpellingRule: Rule = {
  id: 'un-spelling',
  description: 'United Nations spelling, per the UN Editorial Manual: Oxford -ize ("organization", "recognize"), "programme", "centre", "labour", "defence", "Secretary-General", "Member States", "non-governmental".',
  // Spelling advice, as a spell checker gives it: adopted texts themselves write "neighboring"
  // (S/RES/1445 (2002)) and "Secretary General" (A/RES/80/57), so it is no warning.
  defaultSeverity: 'information',
  fixable: true,
  needsLexicon: true,
  check(draft, context) {
    const style = styleFor(draft.language);
    // Scanned records predate today's spelling ("co-operation", "peace-keeping" were the Organization's own).
    // A language with no spelling list in its data (Spanish) is not checked.
    if (!hasStyleParts(style, 'spelling') || draft.fromScan) return;
    const index = indexOf(style);
    // Paragraphs only: footnotes cite other texts by their own titles, in their own spelling.
    const scan = (run: ProseRun): readonly Misspelling[] => misspellings(run, index);
    for (const run of bodyProse(draft)) {
      const found = context.perRun(run, scan);
      if (found.length === 0) continue;
      for (const { start, end, spelling } of found) {
        const written = run.text.slice(start, end);
        const firstIsCapital = written.charAt(0) !== written.charAt(0).toLowerCase();
        const right = firstIsCapital ? capitalize(spelling.right) : spelling.right;
        const shown = written.replace(/\s+/g, ' ');
        const span = draftSpan(run, start, end);
        context.report({
          span,
          // A word family's reason ("Oxford spelling: -ize, not -ise") is English data, said in English.
          message: spelling.why
            ? `United Nations spelling: '${right}', not '${shown}' (${spelling.why}).`
            : localMessage(context.lexicon, 'un-spelling/spelling', { right, found: shown }, `United Nations spelling: '${right}', not '${shown}'.`),
          ...(inOneSegment(run, start, end) ? { fix: { title: localMessage(context.lexicon, 'fix/write', { right }, `Write '${right}'`), edits: [{ span, newText: right }] } } : {}),
        });
      }
    }
  },
};
