// An operative paragraph written in the passive, its subject first: "Member States are urged to …",
// "The Secretary-General is requested to …", "It is decided that …". The organ is the subject of every
// operative paragraph, so the paragraph opens with the organ's verb and the subject becomes its object:
// "Urges Member States to …", "Requests the Secretary-General to …", "Decides that …". Which words
// make the passive (auxiliaries, the participle's ending, the determiners written in lower case once
// they follow a verb) is the lexicon's data (`LexiconData.passive`); a language without it is not read.
import type { Lexicon, OpenerEntry } from './lexicon/lexicon';
import { DraftMemo } from './draft-memo';
import type { Draft, Span } from './model';
import { paragraphsWithUnknownOpeners } from './openers';
import { capitalize } from './structure';

export interface PassiveOpening {
  /** From the subject's first word to the participle's last: "Member States are urged". */
  readonly span: Span;
  /** The words of `span`, single-spaced. */
  readonly found: string;
  /** What opens the paragraph in the active: "Urges Member States". */
  readonly active: string;
  readonly entry: OpenerEntry;
}

/** The most words a subject may have before its auxiliary: "The Special Representative of the Secretary-General for …". */
const mostSubjectWords = 14;
/** How far into the paragraph the passive is looked for, in characters: its first clause. */
const lookAhead = 240;

interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

/** The words (letters, digits, hyphens, apostrophes) and commas from `start`, up to a clause's end (";", ":", "."). */
function wordsOfClause(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  const pattern = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*|[,()]|[;:.]/gu;
  pattern.lastIndex = start;
  for (let match = pattern.exec(text); match && match.index < end; match = pattern.exec(text)) {
    const word = match[0];
    if (word === ';' || word === ':' || word === '.') break;
    words.push({ text: word, lower: word.toLowerCase(), start: match.index, end: match.index + word.length });
  }
  return words;
}

/** The number of words of `words` from `at` that read `phrase` (lower case, single-spaced), or 0. */
function phraseAt(words: readonly Word[], at: number, phrase: string): number {
  const parts = phrase.split(' ');
  for (let index = 0; index < parts.length; index++) if (words[at + index]?.lower !== parts[index]) return 0;
  return parts.length;
}

function longestPhraseAt(words: readonly Word[], at: number, phrases: readonly string[]): number {
  let longest = 0;
  for (const phrase of phrases) longest = Math.max(longest, phraseAt(words, at, phrase.toLowerCase()));
  return longest;
}

/**
 * The passive openings of a draft's operative paragraphs whose openers the lexicon does not know, by
 * the paragraph's index: read once a draft, for operative-verb to report and unknown-opener to pass.
 */
export function passiveOpenings(draft: Draft, lexicon: Lexicon): ReadonlyMap<number, PassiveOpening> {
  const kept = openingsMemo.get(draft);
  if (kept?.lexicon === lexicon) return kept.openings;
  const openings = new Map<number, PassiveOpening>();
  if (lexicon.passive) {
    for (const index of paragraphsWithUnknownOpeners(draft, lexicon)) {
      const opening = passiveOpening(draft, index, lexicon);
      if (opening) openings.set(index, opening);
    }
  }
  openingsMemo.set(draft, { lexicon, openings });
  return openings;
}

const openingsMemo = new DraftMemo<{ readonly lexicon: Lexicon; readonly openings: ReadonlyMap<number, PassiveOpening> }>('passive openings');

/**
 * The passive opening of an operative paragraph whose opener the lexicon does not know, or undefined:
 * a subject opening with a capital, an auxiliary ("are", "is", "shall be"), any adverbs of the lexicon
 * ("also", "strongly"), and the participle of a known operative opener ("urged", "called upon").
 */
function passiveOpening(draft: Draft, index: number, lexicon: Lexicon): PassiveOpening | undefined {
  const passive = lexicon.passive;
  const paragraph = draft.paragraphs[index];
  if (!passive || !paragraph || paragraph.kind !== 'operative' || paragraph.opener?.match || paragraph.subject) return undefined;
  // An item of a list its paragraph introduced with a colon, whose labels a copy lost, is a clause of
  // that paragraph (a paragraph whose list was read has its items: what follows them is a paragraph).
  const before = draft.paragraphs[index - 1];
  if (before && before.subparagraphs.length === 0 && before.text.trimEnd().endsWith(':')) return undefined;
  const text = draft.text;
  const end = Math.min(paragraph.span.end, paragraph.textStart + lookAhead);
  const words = wordsOfClause(text, paragraph.textStart, end);
  const first = words[0];
  // "1. That applications … shall be considered" (S/RES/6 (1946)) is an item of "Decides:", not a subject.
  if (!first || first.text.charAt(0) === first.lower.charAt(0) || passive.relativePronouns.includes(first.lower)) return undefined;
  for (let auxiliaryAt = 1; auxiliaryAt <= mostSubjectWords && auxiliaryAt < words.length; auxiliaryAt++) {
    const auxiliary = longestPhraseAt(words, auxiliaryAt, passive.auxiliaries);
    if (auxiliary === 0) continue;
    let at = auxiliaryAt + auxiliary;
    const adverbs: Word[][] = [];
    const adverbWords = adverbsOf(lexicon);
    for (let adverb = longestPhraseAt(words, at, adverbWords); adverb > 0; adverb = longestPhraseAt(words, at, adverbWords)) {
      adverbs.push(words.slice(at, at + adverb));
      at += adverb;
    }
    const participle = participleAt(words, at, lexicon, passive.participleEndings);
    const subjectWords = words.slice(0, auxiliaryAt);
    // An auxiliary with no participle after it ends the search, unless a relative clause holds it:
    // "States that are parties to the Convention are urged …" is read on to its second "are".
    if (!participle) {
      if (subjectWords.some((word) => passive.relativePronouns.includes(word.lower))) continue;
      return undefined;
    }
    if (subjectWords.some((word) => word.text === '(' || word.text === ')') && !balanced(subjectWords)) return undefined;
    const subject = text.slice(first.start, (subjectWords[subjectWords.length - 1] as Word).end).replace(/\s+/g, ' ');
    const last = words[at + participle.wordCount - 1] as Word;
    const span: Span = { start: first.start, end: last.end };
    const object = passive.emptySubjects.includes(subject.toLowerCase()) ? ''
      : passive.determiners.includes(first.lower) ? ` ${first.lower}${subject.slice(first.text.length)}`
        : ` ${subject}`;
    const adverbText = adverbs.map((phrase) => phrase.map((word) => word.lower).join(' ')).join(' ');
    const verb = participle.entry.operative as string;
    const active = !adverbText ? `${verb}${object}`
      : passive.adverbsFollowVerb ? `${verb} ${adverbText}${object}`
        : `${capitalize(adverbText)} ${verb.charAt(0).toLowerCase()}${verb.slice(1)}${object}`;
    return { span, found: text.slice(span.start, span.end).replace(/\s+/g, ' '), active, entry: participle.entry };
  }
  return undefined;
}

/**
 * The adverbs a passive may hold between its auxiliary and participle: the operative adverbs; where
 * they follow the verb in the active, also the words that follow an opener and the additive ones
 * (« sont instamment priés », « sont en outre priés »: « Prie instamment », « Prie en outre »).
 */
function adverbsOf(lexicon: Lexicon): readonly string[] {
  let adverbs = adverbsCache.get(lexicon);
  if (!adverbs) {
    adverbs = lexicon.passive?.adverbsFollowVerb ? [...lexicon.operativeAdverbs, ...lexicon.modifiers, ...lexicon.additive.later] : lexicon.operativeAdverbs;
    adverbsCache.set(lexicon, adverbs);
  }
  return adverbs;
}
const adverbsCache = new WeakMap<Lexicon, readonly string[]>();

function balanced(words: readonly Word[]): boolean {
  let depth = 0;
  for (const word of words) {
    if (word.text === '(') depth++;
    else if (word.text === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Each lexicon's participles of operative openers, lower case and single-spaced, with their entries and most words. */
const participlesCache = new WeakMap<Lexicon, { readonly byWords: ReadonlyMap<string, OpenerEntry>; readonly longest: number }>();

function participlesOf(lexicon: Lexicon, endings: readonly string[]): { readonly byWords: ReadonlyMap<string, OpenerEntry>; readonly longest: number } {
  let cached = participlesCache.get(lexicon);
  if (!cached) {
    // From the entries' own forms, not `byForm`: "Encouraged" is there the preambular adjective's
    // entry ("Encouraged by …"), and here the participle of "Encourages".
    const byWords = new Map<string, OpenerEntry>();
    let longest = 0;
    const add = (words: readonly string[], entry: OpenerEntry): void => {
      if (byWords.has(words.join(' '))) return;
      byWords.set(words.join(' '), entry);
      longest = Math.max(longest, words.length);
    };
    const fromInfinitive = lexicon.passive?.participlesOfInfinitive ?? [];
    for (const entry of lexicon.openers) {
      if (!entry.operative) continue;
      for (const form of entry.forms) {
        const words = form.toLowerCase().replace(/’/g, "'").split(/\s+/);
        const first = words[0] as string;
        if (endings.some((ending) => first.endsWith(ending))) add(words, entry);
        // « Prier » → « prié », « priés » …, where the forms hold the infinitive only.
        for (const { infinitive, participles } of fromInfinitive) {
          if (!first.endsWith(infinitive)) continue;
          const stem = first.slice(0, first.length - infinitive.length);
          for (const participle of participles) add([stem + participle, ...words.slice(1)], entry);
        }
      }
    }
    cached = { byWords, longest };
    participlesCache.set(lexicon, cached);
  }
  return cached;
}

/** The participle of a known operative opener at `at` ("urged", "called upon"), longest first. */
function participleAt(words: readonly Word[], at: number, lexicon: Lexicon, endings: readonly string[]): { entry: OpenerEntry; wordCount: number } | undefined {
  const participles = participlesOf(lexicon, endings);
  for (let count = Math.min(participles.longest, words.length - at); count >= 1; count--) {
    const key = words.slice(at, at + count).map((word) => word.lower.replace(/’/g, "'")).join(' ');
    const entry = participles.byWords.get(key);
    if (entry) return { entry, wordCount: count };
  }
  return undefined;
}
