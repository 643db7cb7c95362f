// What rules and features need to know about openers beyond the lexicon lookup done by the parser.
import { lexiconFor, lexiconLanguages, withoutDiacritics, type Lexicon } from './lexicon/lexicon';
import type { Draft, Opener, OpenerMatch, Paragraph, Span } from './model';
import { DraftMemo } from './draft-memo';
import { readOpener } from './parse/openers';
import { capitalize, changesInUpperCase, lowerFirst } from './structure';

/** The form `replacement` written the way the text would write it where `opener`'s verb stands. */
export function formAsWritten(opener: Opener, replacement: string): string {
  const match = opener.match;
  const atStart = !match || match.adverbs.length === 0 || match.formSpan.start === opener.span.start;
  return atStart ? capitalize(replacement) : lowerFirst(replacement);
}

/**
 * The lexicon's form that `match` writes without its accents ("Décide" where the text has "Decide",
 * "Préoccupée" for "Preoccupee"), or undefined where the text writes the form as the lexicon does.
 * Only forms of the match's own kind: another kind is a wrong form, reported as such.
 */
export function formWithItsAccents(match: OpenerMatch): string | undefined {
  const entry = match.entry;
  if (match.kind === 'operative') return formWrittenWithoutAccents(match, entry.operative);
  if (match.kind === 'preambular') return formWrittenWithoutAccents(match, entry.preambular) ?? formWrittenWithoutAccents(match, entry.feminine);
  return undefined;
}

/** Whether `text` has a unit outside ASCII (an accent or a curly apostrophe), read by code. */
function hasUnitOutsideAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 128) return true;
  return false;
}

/** `form` where the match writes it without its accents, else undefined. */
function formWrittenWithoutAccents(match: OpenerMatch, form: string | undefined): string | undefined {
  // Asked of every opener at every keystroke: a form written as the lexicon writes it (most are) or
  // with no accent to leave out (every English form) is out before any string is made. The equality
  // first and a loop, not a pattern's test, for the rest (the two rules' checks of the corpus: 2.93 -> 2.63
  // million instructions).
  if (form === undefined) return undefined;
  const written = match.formText;
  if (form === written || !hasUnitOutsideAscii(form)) return undefined;
  const key = (text: string): string => text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
  const found = key(written);
  const right = key(form);
  return right !== found && withoutDiacritics(right) === found ? form : undefined;
}

/**
 * The adverbs and the modifier of an opener that the text writes without their accents (« Profondement »
 * for « Profondément », «con preocupacion» for «con preocupación»), each with the lexicon's spelling in
 * the text's case of its first letter. The parser reads them as the lexicon's (parse/openers.ts).
 */
export function accentlessWordsOf(draft: Draft, match: OpenerMatch, lexicon: Lexicon): readonly AccentlessWord[] {
  // The additive word's spelling is the lexicon's (parse/openers.ts): an accent in it the text leaves out.
  const additive = match.additive;
  const additiveWord = additive && hasUnitOutsideAscii(additive.word) ? accentlessAdditive(draft, additive) : undefined;
  if (additiveWord) return [...accentlessWordsOf(draft, { ...match, additive: undefined }, lexicon), additiveWord];
  if (match.adverbs.length === 0 && !match.modifierSpan) return noAccentlessWords;
  const spellings = accentedSpellingsOf(lexicon);
  // A lexicon whose adverbs and modifiers have no accent (English) has none to leave out: asked of
  // every opener by two rules, nothing is read or made for it. (No closure here either: its context
  // would be made at every call, before this return.)
  if (!spellings.anyAccent) return noAccentlessWords;
  const found: AccentlessWord[] = [];
  for (const span of match.adverbs) addIfAccentless(draft, span, spellings.adverbs, found);
  if (match.modifierSpan) addIfAccentless(draft, match.modifierSpan, spellings.modifiers, found);
  return found;
}

/** The additive word where the text writes it without its accents (« Rappelant egalement »), or undefined. */
function accentlessAdditive(draft: Draft, additive: NonNullable<OpenerMatch['additive']>): AccentlessWord | undefined {
  const written = draft.text.slice(additive.span.start, additive.span.end).replace(/\s+/g, ' ');
  const lower = written.toLowerCase();
  if (lower === additive.word || withoutDiacritics(additive.word) !== lower) return undefined;
  const first = written.charAt(0);
  const right = (first === first.toLowerCase() ? additive.word.charAt(0) : additive.word.charAt(0).toUpperCase()) + additive.word.slice(1);
  return { span: additive.span, found: written, right };
}

/** A word of an opener written without its accents, and the lexicon's spelling in the text's case. */
interface AccentlessWord {
  readonly span: Span;
  readonly found: string;
  readonly right: string;
}

/** The word at `span`, into `found`, where the text writes one of `known` without its accents. */
function addIfAccentless(draft: Draft, span: Span, known: AccentedSpellings, found: AccentlessWord[]): void {
  const written = draft.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const lower = written.toLowerCase();
  if (known.lowerCase.has(lower)) return;
  const right = known.byAccentless.get(lower);
  if (right === undefined) return;
  const first = written.charAt(0);
  found.push({ span, found: written, right: (first === first.toLowerCase() ? right.charAt(0).toLowerCase() : right.charAt(0).toUpperCase()) + right.slice(1) });
}
const noAccentlessWords: readonly AccentlessWord[] = [];

/** Words of a lexicon list in lower case, and each word by its lower case without accents (the first listed wins). */
interface AccentedSpellings {
  readonly lowerCase: ReadonlySet<string>;
  readonly byAccentless: ReadonlyMap<string, string>;
  /** Whether any of the words has an accent to leave out. */
  readonly anyAccent: boolean;
}

/** The lexicon's adverbs and modifiers as `accentlessWordsOf` looks them up: made once a lexicon, not at each opener. */
function accentedSpellingsOf(lexicon: Lexicon): { readonly adverbs: AccentedSpellings; readonly modifiers: AccentedSpellings; readonly anyAccent: boolean } {
  let spellings = accentedSpellings.get(lexicon);
  if (!spellings) {
    const of = (words: readonly string[]): AccentedSpellings => {
      const byAccentless = new Map<string, string>();
      let anyAccent = false;
      for (const word of words) {
        const key = withoutDiacritics(word.toLowerCase());
        anyAccent ||= key !== word.toLowerCase();
        if (!byAccentless.has(key)) byAccentless.set(key, word);
      }
      return { lowerCase: new Set(words.map((word) => word.toLowerCase())), byAccentless, anyAccent };
    };
    const adverbs = of([...lexicon.operativeAdverbs, ...lexicon.preambularAdverbs]);
    const modifiers = of(lexicon.modifiers);
    spellings = { adverbs, modifiers, anyAccent: adverbs.anyAccent || modifiers.anyAccent };
    accentedSpellings.set(lexicon, spellings);
  }
  return spellings;
}
const accentedSpellings = new WeakMap<Lexicon, { readonly adverbs: AccentedSpellings; readonly modifiers: AccentedSpellings; readonly anyAccent: boolean }>();

/** Whether the opener's first letter is a capital, as an opener's must be (unless the organ is named before it). */
export function startsWithCapital(paragraph: Paragraph, opener: Opener | undefined = paragraph.opener): boolean {
  if (!opener || paragraph.subject) return true;
  // The opener's text begins with its span's first unit (`readOpener` keeps its first word's first
  // unit, and most openers share their form's string): read there, not in the draft's text, where each
  // opener's first unit was a trip to memory, a third of operative-verb's and preambular-phrase's time.
  return !changesInUpperCase(opener.text.charAt(0));
}

/** An opener written with capitals where the lexicon has none, and the way the lexicon writes it. */
export interface OpenerCapitals {
  /** The opener's words as the text writes them: "Calls Upon", "Further Requests", "DECIDES". */
  readonly found: string;
  /** The same words with a capital only on the first letter and where the lexicon has one: "Calls upon". */
  readonly right: string;
}

/**
 * Where an opener has capitals past its first letter that the lexicon does not write ("Calls Upon",
 * "Further Requests", "Deeply Concerned", "DECIDES": Model UN drafts write openers in title case or
 * capitals), the opener as written and as it should be; undefined where it has none (nearly every
 * opener, answered from its text's units alone). Words the lexicon writes with a capital keep it
 * ("Acting under Chapter VII of the Charter of the United Nations"). Not asked where the organ is
 * named before the opener (its first letter is then lower case) nor of a scanned record (OCR).
 */
export function openerCapitals(paragraph: Paragraph, opener: Opener, lexicon: Lexicon, text: string): OpenerCapitals | undefined {
  // The opener's text has its words' letters (its spaces may differ): the draft is sliced for the few with capitals.
  if (paragraph.subject || !hasCapitalAfterFirst(opener.text)) return undefined;
  const found = text.slice(opener.span.start, opener.span.end);
  const keptCapitals = capitalizedWordsOf(lexicon);
  let first = true;
  const right = found.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const atStart = first;
    first = false;
    if (keptCapitals.has(word)) return word;
    const lower = word.toLocaleLowerCase();
    // A change of case that changes a word's length (rare letters) would move the rest: left as written.
    if (lower.length !== word.length) return word;
    if (!atStart) return lower;
    const capital = word.charAt(0).toLocaleUpperCase();
    return (capital.length === 1 ? capital : word.charAt(0)) + lower.slice(1);
  });
  return right === found ? undefined : { found, right };
}

/** Whether `text` has a capital letter after its first unit; asked of every opener by two rules, read by code. */
function hasCapitalAfterFirst(text: string): boolean {
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 65 && code <= 90) return true;
    if (code >= 0xc0) {
      const character = text.charAt(index);
      if (character !== character.toLowerCase()) return true;
    }
  }
  return false;
}

/** The words a lexicon's openers, adverbs and modifiers write with a capital anywhere but first: "Chapter", "VII", "Nations". */
function capitalizedWordsOf(lexicon: Lexicon): ReadonlySet<string> {
  let words = capitalizedWords.get(lexicon);
  if (!words) {
    const found = new Set<string>();
    const phrases = [...[...lexicon.byForm.values()].map((form) => form.text), ...lexicon.operativeAdverbs, ...lexicon.preambularAdverbs, ...lexicon.modifiers];
    for (const phrase of phrases) {
      const phraseWords = phrase.match(/[\p{L}\p{M}]+/gu) ?? [];
      for (const word of phraseWords.slice(1)) if (word !== word.toLowerCase()) found.add(word);
    }
    words = found;
    capitalizedWords.set(lexicon, words);
  }
  return words;
}
const capitalizedWords = new WeakMap<Lexicon, ReadonlySet<string>>();

/**
 * The other alternatives of a negotiation draft's bracketed opener: "Calls upon" in "[Urges][Calls
 * upon] States …" (the paragraph's opener is the first, "Urges"). Each is an opener to check too.
 */
export function bracketedAlternatives(draft: Draft, paragraph: Paragraph, lexicon: Lexicon | undefined): readonly Opener[] {
  const opener = paragraph.opener;
  if (!opener) return noAlternatives;
  const text = draft.text;
  // The opener follows "[", perhaps with emphasis markers: most paragraphs are out at once.
  const previous = opener.span.start > paragraph.textStart ? text.charCodeAt(opener.span.start - 1) : -1;
  if (previous !== 91 /* [ */ && previous !== 42 /* * */ && previous !== 95 /* _ */) return noAlternatives;
  const before = text.slice(Math.max(paragraph.textStart, opener.span.start - 3), opener.span.start);
  if (!/\[[*_]*$/.test(before)) return noAlternatives;
  const alternatives: Opener[] = [];
  let position = opener.span.start;
  for (let count = 0; count < 10; count++) {
    // The bracket closes within the paragraph's first line, and the next alternative follows at once.
    const close = /^[^[\]\n]*\][ \t]*\[/.exec(text.slice(position, position + 200));
    if (!close) break;
    const alternative = readOpener(text, position + close[0].length - 1, lexicon);
    if (!alternative) break;
    alternatives.push(alternative);
    position = alternative.span.start;
  }
  return alternatives;
}
/** What most paragraphs have (never changed): one empty list for all of them, not one each. */
const noAlternatives: readonly Opener[] = [];

/** Paragraphs of a draft whose openers belong to another language than the draft's (its chapeau's). */
export interface OpenersInOtherLanguage {
  readonly language: string;
  /** Each such paragraph's opener, as the other language's lexicon reads it. */
  readonly openers: readonly Opener[];
  /** How many paragraphs open with an opener of the draft's own lexicon. */
  readonly ownCount: number;
}

/**
 * The other language whose lexicon knows the most of the openers that the draft's lexicon does not
 * ("Recalling", "Requests" under « L'Assemblée générale, »; « Rappelant » under "The General Assembly,"),
 * or undefined where there is none. Only the right forms of the other language count: a wrong form
 * there is no sign of it. Only paragraphs with no known opener are read again, most drafts none.
 */
export function openersInOtherLanguage(draft: Draft, lexicon: Lexicon | undefined): OpenersInOtherLanguage | undefined {
  // A draft in a language with no lexicon has no known opener to weigh against: not read again.
  if (!lexicon) return undefined;
  return unknownOpenersOf(draft, lexicon).inOtherLanguage;
}

/** What one walk over a draft's openers finds: the paragraphs whose openers its lexicon does not know, and the other language that knows most of them. */
interface UnknownOpeners {
  /** The indexes in `draft.paragraphs` of the paragraphs with an opener the lexicon does not know and no organ named before it. */
  readonly paragraphs: readonly number[];
  readonly inOtherLanguage: OpenersInOtherLanguage | undefined;
}

/**
 * The indexes in `draft.paragraphs` of the paragraphs that open with words the lexicon does not know
 * (an opener with no match, no organ named as the subject), in text order. Read in the one walk over
 * the paragraphs that `openersInOtherLanguage` makes, which the chapeau rule asks for before
 * unknown-opener runs: unknown-opener then reads those paragraphs alone, not every paragraph's
 * opener again (each a cache miss in a draft of megabytes).
 */
export function paragraphsWithUnknownOpeners(draft: Draft, lexicon: Lexicon): readonly number[] {
  return unknownOpenersOf(draft, lexicon).paragraphs;
}

function unknownOpenersOf(draft: Draft, lexicon: Lexicon): UnknownOpeners {
  // Asked by the chapeau rule and unknown-opener of the same draft, with its language's lexicon.
  let kept = otherLanguageMemo.get(draft);
  if (!kept) {
    kept = findUnknownOpeners(draft, lexicon);
    otherLanguageMemo.set(draft, kept);
  }
  return kept;
}

const otherLanguageMemo = new DraftMemo<UnknownOpeners>('openers in another language');
/** What most drafts have (never changed): no paragraph with an unknown opener. */
const noParagraphs: readonly number[] = [];

function findUnknownOpeners(draft: Draft, lexicon: Lexicon): UnknownOpeners {
  let ownCount = 0;
  let unknown: Opener[] | undefined;
  let unknownParagraphs: number[] | undefined;
  const paragraphs = draft.paragraphs;
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index] as Paragraph;
    const opener = paragraph.opener;
    if (paragraph.subject || !opener) continue;
    if (opener.match) {
      ownCount++;
      continue;
    }
    (unknown ??= []).push(opener);
    (unknownParagraphs ??= []).push(index);
  }
  if (!unknown || !unknownParagraphs) return { paragraphs: noParagraphs, inOtherLanguage: undefined };
  return { paragraphs: unknownParagraphs, inOtherLanguage: findOpenersInOtherLanguage(draft, lexicon, unknown, ownCount) };
}

function findOpenersInOtherLanguage(draft: Draft, lexicon: Lexicon, unknown: readonly Opener[], ownCount: number): OpenersInOtherLanguage | undefined {
  let best: OpenersInOtherLanguage | undefined;
  for (const language of lexiconLanguages) {
    if (language === draft.language) continue;
    const other = lexiconFor(language);
    const openers: Opener[] = [];
    for (const opener of unknown) {
      const read = readOpener(draft.text, opener.span.start, other);
      const match = read?.match;
      if (read && match && match.kind !== 'other' && !lexicon.byForm.has(match.formText.toLowerCase())) openers.push(read);
    }
    if (openers.length > 0 && openers.length > (best?.openers.length ?? 0)) best = { language, openers, ownCount };
  }
  return best;
}

