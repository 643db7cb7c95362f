import { languageName, type Lexicon } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { Opener, Paragraph, ParagraphKind, Span } from '../model';
import { openersInOtherLanguage, paragraphsWithUnknownOpeners } from '../openers';
import type { Rule } from '../rule';
import { editDistance, nearestOpener, sameStart } from '../nearest-opener';
import { passiveOpenings } from '../passive-opening';

/**
 * Up to `count` words from `start` (letters with their combining marks, soft hyphens, hyphens and
 * apostrophes; one space between): the text and where it ends.
 */
function wordsFrom(text: string, start: number, count: number): { text: string; end: number } {
  const pattern = /[\p{L}\p{M}\u00AD'’-]+/uy;
  let position = start;
  let end = start;
  for (let index = 0; index < count; index++) {
    if (index > 0) {
      let next = position;
      while (text[next] === ' ' || text[next] === '\u00A0') next++;
      if (next === position) break;
      position = next;
    }
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) break;
    position += match[0].length;
    end = position;
  }
  return { text: text.slice(start, end).replace(/[ \u00A0]+/g, ' '), end };
}

/**
 * Where the opener's word begins known openers of several words: the one nearest the same number of
 * words of the text ("Having consider" → "Having considered"), two edits at most, with the words found.
 */
function nearestPhrase(lexicon: Lexicon, text: string, span: Span, kind: ParagraphKind): { found: string; span: Span; nearest: { form: string; distance: number } } | undefined {
  const head = text.slice(span.start, span.end).toLowerCase();
  let best: { found: string; span: Span; nearest: { form: string; distance: number } } | undefined;
  for (const entry of lexicon.openers) {
    const form = kind === 'operative' ? entry.operative : entry.preambular;
    if (!form || !form.toLowerCase().startsWith(`${head} `)) continue;
    const formWords = form.split(' ');
    const words = wordsFrom(text, span.start, formWords.length);
    // Edits allowed by the length of the form's last word, where a misspelling is: "Having consider"
    // is "Having considered", but "Calls o" is not "Calls on".
    const lastLength = (formWords[formWords.length - 1] ?? '').length;
    const allowed = lastLength >= 6 ? 2 : lastLength >= 4 ? 1 : 0;
    const limit = Math.min(allowed, best ? best.nearest.distance - 1 : 2);
    // The words must end where a word does: a digit or a unit the words are not read with may be inside one.
    if (limit < 1 || /[\p{L}\p{M}\p{N}]/u.test(text[words.end] ?? '')) continue;
    const distance = editDistance(words.text.toLowerCase(), form.toLowerCase(), limit);
    if (distance >= 1 && distance <= limit) best = { found: words.text, span: { start: span.start, end: words.end }, nearest: { form, distance } };
  }
  return best;
}

/** The adverbs an opener may begin with, in lower case, longest first, and their first words, per lexicon. */
const adverbsCache = new WeakMap<Lexicon, { readonly adverbs: readonly string[]; readonly firstWords: ReadonlySet<string> }>();

function adverbsOf(lexicon: Lexicon): { readonly adverbs: readonly string[]; readonly firstWords: ReadonlySet<string> } {
  let cached = adverbsCache.get(lexicon);
  if (!cached) {
    // Both parts' adverbs, as the parser reads them before any opener.
    const adverbs = [...new Set([...lexicon.operativeAdverbs, ...lexicon.preambularAdverbs].map((adverb) => adverb.toLowerCase()))].sort((a, b) => b.length - a.length);
    cached = { adverbs, firstWords: new Set(adverbs.map((adverb) => adverb.split(' ')[0] ?? adverb)) };
    adverbsCache.set(lexicon, cached);
  }
  return cached;
}

/** At most as many adverbs as the parser reads before a form ("Once again strongly"). */
const mostAdverbs = 3;

/**
 * Where the word after the adverbs at `start` begins ("Deeply concerns": at "concerns"), when the
 * text opens with adverbs of the lexicon and then a word; undefined when it does not.
 */
function afterAdverbs(lexicon: Lexicon, text: string, start: number): number | undefined {
  const { adverbs } = adverbsOf(lexicon);
  // The adverbs' words and one more, in lower case and with single spaces: enough to read any of them.
  const longest = (adverbs[0] ?? '').split(' ').length;
  const words = wordsFrom(text, start, mostAdverbs * longest + 1);
  const lower = words.text.toLowerCase();
  let read = 0;
  for (let count = 0; count < mostAdverbs; count++) {
    const adverb = adverbs.find((candidate) => lower.startsWith(`${candidate} `, read));
    if (!adverb) break;
    read += adverb.length + 1;
  }
  if (read === 0) return undefined;
  // The written words may be spaced otherwise than their single-spaced reading: find the word by count.
  const adverbWords = lower.slice(0, read).trim().split(' ').length;
  const before = wordsFrom(text, start, adverbWords);
  let verbStart = before.end;
  while (text[verbStart] === ' ' || text[verbStart] === '\u00A0') verbStart++;
  return verbStart < words.end ? verbStart : undefined;
}

/**
 * The items of a list that a paragraph with a known opener introduced with a colon ("… a major
 * contribution to:" over "Eliminating chemical weapons …," whose labels a copy lost) do not open
 * with openers. Asked, for increasing indexes, only when a word is about to be reported (rarely):
 * the last paragraph before `index` with a known opener, each paragraph read once at most over all
 * the questions (a walk back stops where the one before began).
 */
function lastKnownOpener(paragraphs: readonly Paragraph[]): (index: number) => Paragraph | undefined {
  let searchedBelow = 0;
  let lastKnown: Paragraph | undefined;
  return (index) => {
    for (let at = index - 1; at >= searchedBelow; at--) {
      const paragraph = paragraphs[at] as Paragraph;
      if (paragraph.opener?.match) {
        lastKnown = paragraph;
        break;
      }
    }
    searchedBelow = index;
    return lastKnown;
  };
}

export const unknownOpenerRule: Rule = {
  id: 'unknown-opener',
  description: 'The opener is not in the lexicon but looks like a verb form; says which known opener is nearest.',
  defaultSeverity: 'information',
  fixable: true,
  needsLexicon: true,
  check(draft, context) {
    const lexicon = context.lexicon;
    if (!lexicon) return;
    // Openers of another language's lexicon ("Recalling" under « L'Assemblée générale, »): said so,
    // whatever their ending; the chapeau rule speaks of the draft where they are most of its openers.
    const inOther = openersInOtherLanguage(draft, lexicon);
    const paragraphs = draft.paragraphs;
    const knownBefore = lastKnownOpener(paragraphs);
    // Only the paragraphs whose openers the lexicon does not know (no organ named before them), found
    // in the walk the chapeau rule made: a walk here over every paragraph's opener was a cache miss a
    // paragraph in a draft of megabytes (unknown-opener on 10 MB: 7.5 ms, 23 times its 1 MB time).
    // The other language's openers are those of some of these paragraphs, in the same order: each is
    // found by a walk along them, not by a search of them all at every paragraph.
    const otherOpeners = inOther?.openers;
    let otherAt = 0;
    for (const index of paragraphsWithUnknownOpeners(draft, lexicon)) {
      const paragraph = paragraphs[index] as Paragraph;
      const opener = paragraph.opener as Opener;
      while (otherOpeners && otherAt < otherOpeners.length && (otherOpeners[otherAt] as Opener).span.start < opener.span.start) otherAt++;
      const other = otherOpeners?.[otherAt];
      const foreign = other && other.span.start === opener.span.start ? other.match : undefined;
      if (inOther && foreign) {
        const own = languageName(draft.language);
        const found = foreign.formText;
        context.report({
          span: foreign.formSpan,
          message: localMessage(lexicon, 'unknown-opener/other-language', { found },
            `'${found}' is a ${languageName(inOther.language)} opener, but this draft is in ${own} (its chapeau): write the paragraph in ${own}.`),
        });
        continue;
      }
      // "Deeply concerns by …": the parser read the adverb and no opener after it; the word after the
      // adverbs is the one to hold to the known openers, and the adverbs stay as they are written.
      // The opener's one word is read as an adverb's first only where it is one: most unknown openers are not.
      const verbStart = adverbsOf(lexicon).firstWords.has(opener.text.toLowerCase()) ? afterAdverbs(lexicon, draft.text, opener.span.start) : undefined;
      const verbSpan: Span = verbStart === undefined ? opener.span : { start: verbStart, end: wordsFrom(draft.text, verbStart, 1).end };
      const adverbs = verbStart === undefined ? '' : draft.text.slice(opener.span.start, verbStart).replace(/[ \u00A0]+/g, ' ').trim();
      const word = draft.text.slice(verbSpan.start, verbSpan.end);
      if (lexicon.unknownOpenerExceptions.includes(word)) continue;
      // "States are encouraged to …" is no unknown opener but a passive, which operative-verb reports.
      if (passiveOpenings(draft, lexicon).has(index)) continue;
      const lower = word.toLowerCase();
      // After adverbs ("Deeply concern about …") the word stands where an opener does, whatever its
      // ending: it is reported where it is a slip for a known opener (`sameVerb` below).
      const verbLike = lexicon.verbEndings.some((ending) => lower.endsWith(ending));
      if ((!verbLike && verbStart === undefined) || word.length < 4) continue;
      if (knownBefore(index)?.text.trimEnd().endsWith(':')) continue;
      const headNearest = nearestOpener(lexicon, word, paragraph.kind);
      // The word is the first of known openers of several words ("Having" of "Having considered"): the
      // words after it are held to theirs, not the word alone to itself.
      const phrase = headNearest?.distance === 0 ? nearestPhrase(lexicon, draft.text, verbSpan, paragraph.kind) : undefined;
      const foundWords = phrase ? phrase.found : headNearest?.distance === 0 ? wordsFrom(draft.text, verbSpan.start, 2).text : word;
      const foundSpan: Span = phrase ? { start: opener.span.start, end: phrase.span.end } : { start: opener.span.start, end: verbSpan.end };
      const nearest = phrase ? phrase.nearest : headNearest?.distance === 0 ? undefined : headNearest;
      // After adverbs the opener's word is written as it is within the phrase: "Deeply concerned".
      const rightWords = nearest && adverbs && word.charAt(0) === word.charAt(0).toLowerCase() ? nearest.form.charAt(0).toLowerCase() + nearest.form.slice(1) : nearest?.form;
      const sameVerb = rightWords !== undefined && nearest !== undefined && nearest.distance <= 2 && sameStart(nearest.form, lower) && rightWords !== foundWords;
      // Without a verb's ending, only a word cut short of a known opener's is a slip ("concern" of
      // "concerned"): "Strongly supportive" (S/RES/841 (1993)) is an adjective of its own.
      if (!verbLike && !(sameVerb && rightWords.toLowerCase().startsWith(lower))) continue;
      const found = adverbs ? `${adverbs} ${foundWords}` : foundWords;
      const right = adverbs && rightWords ? `${adverbs} ${rightWords}` : rightWords;
      // The fix writes the opener's words only; the adverbs before them stay as they are written.
      const fixSpan: Span = phrase ? { start: verbSpan.start, end: phrase.span.end } : verbSpan;
      const partName = paragraph.kind === 'operative' ? 'operative' : 'preambular';
      context.report({
        span: foundSpan,
        message: nearest && right && nearest.distance <= 3
          ? localMessage(lexicon, `unknown-opener/${partName}-nearest`, { found, right },
            `'${found}' is not a known ${partName} opener; the nearest is '${right}'. If your body uses it, add it to "lexicon.${partName}" in .resolintrc.json.`)
          : localMessage(lexicon, `unknown-opener/${partName}`, { found },
            `'${found}' is not a known ${partName} opener. If your body uses it, add it to "lexicon.${partName}" in .resolintrc.json.`),
        ...(sameVerb && right && rightWords
          ? { fix: { title: localMessage(context.lexicon, 'fix/change', { found, right }, `Change '${found}' to '${right}'`), edits: [{ span: fixSpan, newText: rightWords }] } }
          : {}),
      });
    }
  },
};
