// Finding the opener of a paragraph with the lexicon: adverbs, the verb or phrase, "also"/"further",
// and modifiers such as "with appreciation". Pure lookup in the lexicon's tables; no English in code.
import type { Lexicon } from '../lexicon/lexicon';
import type { Opener, OpenerMatch, Span } from '../model';

interface Word {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

const wordCharacter = /[\p{L}\p{M}'’-]/u;
const emphasisCharacter = /[*_]/;

/** A letter, mark, apostrophe or hyphen: ASCII answered by code, the rest by the Unicode pattern. */
function isWordCharacter(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 45;
  return wordCharacter.test(text[position] ?? '');
}

/**
 * The words from `offset` on, up to `limit` of them, stopping at punctuation other than emphasis
 * markers (a comma ends an opener: "Recalling, in this regard, …").
 */
function readWords(text: string, offset: number, limit: number): Word[] {
  const words: Word[] = [];
  let position = offset;
  const stop = Math.min(text.length, offset + 400);
  while (words.length < limit && position < stop) {
    const character = text[position] ?? '';
    if (character === ' ' || character === '\n' || character === '\r' || character === '\t' || character === '\u00A0' || emphasisCharacter.test(character)) {
      position++;
      continue;
    }
    if (!isWordCharacter(text, position)) break;
    const start = position;
    while (position < stop && isWordCharacter(text, position)) position++;
    // Curly and straight apostrophes are one for matching ("S’engage", "S'engage"); spans keep the text's own.
    words.push({ start, end: position, lower: text.slice(start, position).toLowerCase().replace(/’/g, "'") });
  }
  return words;
}

function phraseAt(words: readonly Word[], index: number, length: number): string | undefined {
  if (index + length > words.length) return undefined;
  return words.slice(index, index + length).map((word) => word.lower).join(' ');
}

/** The longest of `phrases` (lower case, space separated) that the words at `index` spell; its length in words. */
function longestPhrase(words: readonly Word[], index: number, phrases: ReadonlySet<string>, maxWords: number): number {
  let longest = 0;
  let phrase = '';
  for (let length = 1; length <= Math.min(maxWords, words.length - index); length++) {
    const word = words[index + length - 1] as Word;
    phrase = length === 1 ? word.lower : `${phrase} ${word.lower}`;
    if (phrases.has(phrase)) longest = length;
  }
  return longest;
}

interface PhraseTable {
  readonly phrases: ReadonlySet<string>;
  readonly maxWords: number;
}

const tables = new WeakMap<Lexicon, { adverbs: PhraseTable; modifiers: PhraseTable; additive: PhraseTable }>();

function tablesOf(lexicon: Lexicon): { adverbs: PhraseTable; modifiers: PhraseTable; additive: PhraseTable } {
  let found = tables.get(lexicon);
  if (!found) {
    const table = (list: readonly string[]): PhraseTable => {
      const phrases = new Set(list.map((item) => item.toLowerCase()));
      return { phrases, maxWords: Math.max(1, ...list.map((item) => item.split(' ').length)) };
    };
    found = {
      adverbs: table([...lexicon.operativeAdverbs, ...lexicon.preambularAdverbs]),
      modifiers: table(lexicon.modifiers),
      additive: table([lexicon.additive.second, ...lexicon.additive.later]),
    };
    tables.set(lexicon, found);
  }
  return found;
}

/** The opener of the paragraph whose own words begin at `offset`; undefined when no word starts there. */
export function readOpener(text: string, offset: number, lexicon: Lexicon | undefined): Opener | undefined {
  let position = offset;
  let emphasisOpen: Span | undefined;
  // A stray quote before the first word is scanning residue ("‘Having regard"), not part of the opener.
  while (position < offset + 2 && /['‘’`]/.test(text[position] ?? '')) position++;
  // Negotiation drafts bracket alternative openers: "[Urges][Calls upon] States …" opens with "Urges",
  // still checked; the span stays on the words (the brackets are bracket-balance's). A bracketed
  // note in lower case ("[deleted]", "[agreed ad ref]") is no opener.
  if (text[position] === '[' && /^[*_]{0,2}\p{Lu}/u.test(text.slice(position + 1, position + 4))) position++;
  const marker = /^(\*\*|\*|__|_)/.exec(text.slice(position, position + 2));
  if (marker) {
    emphasisOpen = { start: position, end: position + marker[0].length };
    position += marker[0].length;
  }
  const maxWords = (lexicon?.longestForm ?? 1) + 6;
  const words = readWords(text, position, maxWords);
  const first = words[0];
  if (!first) return undefined;

  const match = lexicon ? matchWords(text, words, lexicon) : undefined;
  const lastWord = match ? match.lastWord : first;
  const span: Span = { start: first.start, end: lastWord.end };
  let emphasis: Opener['emphasis'];
  if (emphasisOpen) {
    const closing = text.slice(span.end, span.end + 120).indexOf(text.slice(emphasisOpen.start, emphasisOpen.end));
    const close = closing >= 0 && !text.slice(span.end, span.end + closing).includes('\n\n')
      ? { start: span.end + closing, end: span.end + closing + (emphasisOpen.end - emphasisOpen.start) }
      : undefined;
    emphasis = close ? { open: emphasisOpen, close } : { open: emphasisOpen };
  }
  return {
    span,
    text: text.slice(span.start, span.end).replace(/[*_]/g, '').replace(/\s+/g, ' '),
    ...(emphasis ? { emphasis } : {}),
    ...(match ? { match: match.openerMatch } : {}),
  };
}

function matchWords(text: string, words: readonly Word[], lexicon: Lexicon): { openerMatch: OpenerMatch; lastWord: Word } | undefined {
  const { adverbs, modifiers, additive } = tablesOf(lexicon);
  // Try with as many leading adverbs as the text has, then with fewer: "Further" is an adverb in
  // "Further requests" but part of nothing in "Further to its resolution".
  const adverbRuns: number[][] = [[]];
  let index = 0;
  const run: number[] = [];
  for (let count = 0; count < 3; count++) {
    const length = longestPhrase(words, index, adverbs.phrases, adverbs.maxWords);
    if (length === 0) break;
    for (let word = index; word < index + length; word++) run.push(word);
    index += length;
    adverbRuns.unshift([...run]);
  }
  for (const adverbWords of adverbRuns) {
    const formStart = adverbWords.length;
    const length = longestPhrase(words, formStart, lexicon.formKeys, lexicon.longestForm);
    if (length > 0) {
      const form = lexicon.byForm.get(phraseAt(words, formStart, length) ?? '');
      if (!form) continue;
      const formFirst = words[formStart] as Word;
      const formLast = words[formStart + length - 1] as Word;
      let last = formLast;
      let next = formStart + length;
      let additiveWord: OpenerMatch['additive'];
      // "Recalling also", "Requests further", "Takes note also with appreciation", "Prie en outre"
      const additiveLength = longestPhrase(words, next, additive.phrases, additive.maxWords);
      if (additiveLength > 0) {
        const additiveFirst = words[next] as Word;
        last = words[next + additiveLength - 1] as Word;
        additiveWord = { word: phraseAt(words, next, additiveLength) ?? '', span: { start: additiveFirst.start, end: last.end }, position: 'after' };
        next += additiveLength;
      }
      let modifierSpan: Span | undefined;
      const modifierLength = longestPhrase(words, next, modifiers.phrases, modifiers.maxWords);
      if (modifierLength > 0) {
        const modifierFirst = words[next] as Word;
        const modifierLast = words[next + modifierLength - 1] as Word;
        modifierSpan = { start: modifierFirst.start, end: modifierLast.end };
        last = modifierLast;
        next += modifierLength;
        // "Noting with satisfaction also", "Taking note with appreciation also"
        const lengthAfterModifier = additiveWord ? 0 : longestPhrase(words, next, additive.phrases, additive.maxWords);
        if (lengthAfterModifier > 0) {
          const additiveFirst = words[next] as Word;
          last = words[next + lengthAfterModifier - 1] as Word;
          additiveWord = { word: phraseAt(words, next, lengthAfterModifier) ?? '', span: { start: additiveFirst.start, end: last.end }, position: 'after' };
        }
      }
      const adverbSpans = adverbWords.map((wordIndex) => {
        const word = words[wordIndex] as Word;
        return { start: word.start, end: word.end };
      });
      if (!additiveWord) {
        const before = adverbWords.map((wordIndex) => words[wordIndex] as Word).find((word) => additive.phrases.has(word.lower));
        if (before) additiveWord = { word: before.lower, span: { start: before.start, end: before.end }, position: 'before' };
      }
      return {
        openerMatch: {
          entry: form.entry,
          kind: form.kind,
          formSpan: { start: formFirst.start, end: formLast.end },
          formText: text.slice(formFirst.start, formLast.end).replace(/[*_]/g, '').replace(/\s+/g, ' '),
          adverbs: adverbSpans,
          ...(additiveWord ? { additive: additiveWord } : {}),
          ...(modifierSpan ? { modifierSpan } : {}),
        },
        lastWord: last,
      };
    }
  }
  return undefined;
}
