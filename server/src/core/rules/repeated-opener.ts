import type { Fix } from '../findings';
import type { Lexicon } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { Draft, OpenerMatch, Paragraph } from '../model';
import type { Rule, RuleContext } from '../rule';
import { capitalize, firstWhere, lowerFirst } from '../structure';

type Position = 'before' | 'after';

/**
 * What the rule reads of a lexicon at every paragraph, worked out once a lexicon and fetched once a
 * check (a lookup by the lexicon at every paragraph, then one by the entry, was a fifth of the rule's time).
 */
interface LexiconReading {
  /** The additive words ("also", "further"). */
  readonly additives: ReadonlySet<string>;
  /** The same, each with a space on either side, as `marksItself` looks for them. */
  readonly spacedAdditives: readonly string[];
  /** An entry's part of a key, made at its first use (an entry's words do not change; its additive words depend on the lexicon). */
  readonly entryKeys: Map<OpenerMatch['entry'], string>;
}

const readings = new WeakMap<Lexicon, LexiconReading>();

function readingOf(lexicon: Lexicon): LexiconReading {
  let reading = readings.get(lexicon);
  if (!reading) {
    const additiveWords = [lexicon.additive.second, ...lexicon.additive.later];
    reading = { additives: new Set(additiveWords), spacedAdditives: additiveWords.map((phrase) => ` ${phrase} `), entryKeys: new Map() };
    readings.set(lexicon, reading);
  }
  return reading;
}

function entryKey(entry: OpenerMatch['entry'], reading: LexiconReading): string {
  let key = reading.entryKeys.get(entry);
  if (key === undefined) {
    const additives = reading.additives;
    // The lexicon has entries of their own for some forms with "also" ("Concerned also"): the same opener
    // as "Concerned" here, or "also" inserted by the fix would start a new run below it, one per round.
    const withoutAdditive = (form: string | undefined): string => (form ?? '').toLowerCase().split(' ').filter((word) => !additives.has(word)).join(' ');
    key = `${withoutAdditive(entry.operative)}|${withoutAdditive(entry.preambular)}`;
    reading.entryKeys.set(entry, key);
  }
  return key;
}

/**
 * Paragraphs repeat each other when they open with the same verb, the same adverbs and the same
 * modifier: "Noting with concern" does not repeat "Noting", nor "Gravely concerned" "Deeply concerned".
 */
function openerKey(draft: Draft, paragraph: Paragraph, reading: LexiconReading): string | undefined {
  const match = paragraph.opener?.match;
  if (!match) return undefined;
  let adverbs = '';
  if (match.adverbs.length > 0) {
    const additives = reading.additives;
    adverbs = match.adverbs
      .map((span) => draft.text.slice(span.start, span.end).toLowerCase())
      .filter((word) => !additives.has(word))
      .join(' ');
  }
  const modifier = match.modifierSpan ? draft.text.slice(match.modifierSpan.start, match.modifierSpan.end).toLowerCase() : '';
  const entry = entryKey(match.entry, reading);
  // Most openers have neither adverbs nor a modifier: the entry's key stands for them (no string built per paragraph).
  return adverbs === '' && modifier === '' ? entry : `${entry}|${adverbs}|${modifier}`;
}

/** Whether `text` starts with `phrase` and then a space or a comma (no string made for the test). */
function startsWithPhrase(text: string, phrase: string): boolean {
  if (text.length <= phrase.length || !text.startsWith(phrase)) return false;
  const next = text.charCodeAt(phrase.length);
  return next === 32 || next === 44;
}

/** Whether the words after the opener mark the paragraph as added or distinct: "… grave concern also", "… in particular". */
function marksItself(draft: Draft, paragraph: Paragraph, lexicon: Lexicon, reading: LexiconReading): boolean {
  const opener = paragraph.opener;
  if (!opener) return false;
  const ownEnd = paragraph.pieces[0]?.end ?? opener.span.end;
  const following = draft.text.slice(opener.span.end, Math.min(opener.span.end + 60, ownEnd)).toLowerCase().replace(/\s+/g, ' ').replace(/^[ ,]+/, '');
  if (lexicon.additive.distinguishers.some((phrase) => startsWithPhrase(following, phrase))) return true;
  // The additive word among the next few words, as a whole word or phrase ("also", "en outre").
  const near = ` ${following.split(' ').slice(0, 4).join(' ').replace(/[,;:.]/g, '')} `;
  return reading.spacedAdditives.some((phrase) => near.includes(phrase));
}

/** Whether the opener's own words hold an additive word: entries such as "Concerned also" read it as part of the opener. */
function carriesAdditive(paragraph: Paragraph, reading: LexiconReading): boolean {
  const additives = reading.additives;
  return (paragraph.opener?.text ?? '').toLowerCase().split(/\s+/).some((word) => additives.has(word));
}

/**
 * The additive word of an opener as this rule reads it. After an operative verb only the words the
 * lexicon names count (English: "also"; "Encourages further efforts" is an adjective, not "Further encourages").
 */
function additiveOf(paragraph: Paragraph, lexicon: Lexicon): OpenerMatch['additive'] {
  const additive = paragraph.opener?.match?.additive;
  if (!additive) return undefined;
  const afterOperative = lexicon.additive.afterOperative ?? [lexicon.additive.second];
  if (paragraph.kind === 'operative' && additive.position === 'after' && !afterOperative.includes(additive.word)) return undefined;
  return additive;
}

/** The first position the text shows for a part of the document, where it shows one. */
function documentPosition(draft: Draft, kind: Paragraph['kind'], lexicon: Lexicon): Position | undefined {
  for (const paragraph of draft.paragraphs) {
    const additive = paragraph.kind === kind ? additiveOf(paragraph, lexicon) : undefined;
    if (additive) return additive.position;
  }
  return undefined;
}

function insertAdditive(draft: Draft, paragraph: Paragraph, word: string, position: Position, lexicon: Lexicon): Fix | undefined {
  const opener = paragraph.opener;
  const match = opener?.match;
  if (!opener || !match) return undefined;
  if (position === 'after') {
    return { title: localMessage(lexicon, 'fix/insert', { text: word }, `Insert '${word}'`), edits: [{ span: { start: match.formSpan.end, end: match.formSpan.end }, newText: ` ${word}` }] };
  }
  const firstWordEnd = opener.span.start + (/^\S+/.exec(draft.text.slice(opener.span.start, opener.span.end))?.[0].length ?? 0);
  const firstWord = draft.text.slice(opener.span.start, firstWordEnd);
  return {
    title: localMessage(lexicon, 'fix/insert', { text: capitalize(word) }, `Insert '${capitalize(word)}'`),
    edits: [{ span: { start: opener.span.start, end: firstWordEnd }, newText: `${capitalize(word)} ${lowerFirst(firstWord)}` }],
  };
}

/** Who holds the additive word to one side: the language, the language's preamble, or the "alsoPosition" setting. */
type PlaceReason = 'language' | 'preamble' | 'setting';

/** "also" on the wrong side of the verb: after the participle in the preamble; the document's way in the operative part. */
function checkPosition(draft: Draft, paragraph: Paragraph, wanted: Position, reason: PlaceReason, context: RuleContext, lexicon: Lexicon): void {
  const opener = paragraph.opener;
  const match = opener?.match;
  const additive = additiveOf(paragraph, lexicon);
  if (!opener || !match || !additive || additive.position === wanted) return;
  const verb = draft.text.slice(match.formSpan.start, match.formSpan.end);
  const rightOrder = wanted === 'after' ? `${capitalize(verb)} ${additive.word}` : `${capitalize(additive.word)} ${lowerFirst(verb)}`;
  const why = reason === 'language'
    ? `'${additive.word}' stands ${wanted} the verb in this language`
    : reason === 'preamble'
      ? `In the preamble, '${additive.word}' stands ${wanted} the participle`
      : `This draft places '${additive.word}' ${wanted} the verb (setting "alsoPosition")`;
  // Only the plain case is rewritten; with other adverbs in between, the drafter chooses the order.
  const plain = match.adverbs.length === (additive.position === 'before' ? 1 : 0) && !match.modifierSpan;
  const start = Math.min(additive.span.start, match.formSpan.start);
  const end = Math.max(additive.span.end, match.formSpan.end);
  // With other adverbs the message quotes them too, in the order asked: "Strongly urges also", not "Urges also".
  const otherAdverbs = plain ? '' : match.adverbs.filter((span) => span.start !== additive.span.start).map((span) => draft.text.slice(span.start, span.end).toLowerCase()).join(' ');
  const quotedStart = plain ? start : Math.min(start, opener.span.start);
  const found = draft.text.slice(quotedStart, end).replace(/\s+/g, ' ');
  const quotedRight = plain || !otherAdverbs ? rightOrder
    : wanted === 'after' ? capitalize(`${otherAdverbs} ${verb.toLowerCase()} ${additive.word}`) : capitalize(`${additive.word} ${otherAdverbs} ${verb.toLowerCase()}`);
  context.report({
    span: opener.span,
    message: localMessage(lexicon, wanted === 'after' ? 'repeated-opener/position-after' : 'repeated-opener/position-before', { word: additive.word, right: quotedRight, found }, `${why}: '${quotedRight}', not '${found}'.`),
    ...(plain ? { fix: { title: localMessage(context.lexicon, 'fix/write', { right: rightOrder }, `Write '${rightOrder}'`), edits: [{ span: { start, end }, newText: rightOrder }] } } : {}),
  });
}

/**
 * @param place where "also" must stand, when the document is held to one position (and who holds it
 *   there); undefined accepts both.
 * @param insertAt where a fix inserts a missing "also".
 */
function checkList(draft: Draft, paragraphs: readonly Paragraph[], others: readonly Paragraph[], context: RuleContext, place: { readonly position: Position; readonly reason: PlaceReason } | undefined, insertAt: Position): void {
  const lexicon = context.lexicon;
  if (!lexicon) return;
  const reading = readingOf(lexicon);
  let previous: Paragraph | undefined;
  let previousKey: string | undefined;
  let runIndex = 0;
  for (const paragraph of paragraphs) {
    const key = openerKey(draft, paragraph, reading);
    // A run is of paragraphs that follow each other: a new section, or paragraphs of the other kind
    // between them, end it (Council texts in sections A and B each open with "Acting under Chapter VII …").
    const follows = previous !== undefined && previous.sectionIndex === paragraph.sectionIndex && !standsBetween(others, previous, paragraph);
    runIndex = follows && key !== undefined && key === previousKey ? runIndex + 1 : 0;
    const above = previous;
    previous = paragraph;
    previousKey = key;
    const match = paragraph.opener?.match;
    if (!match) continue;
    if (place) checkPosition(draft, paragraph, place.position, place.reason, context, lexicon);
    // Adopted texts mark the second of a run in the preamble ("Recalling also") and the third
    // ("Recalling further") far more often than not, but repeat operative verbs freely ("Encourages …
    // Encourages …"), and start the round again at the fourth ("Recalling …, Recalling also …,
    // Recalling further …, Recalling …"): the preamble's second and third paragraphs are held to it.
    const third = runIndex === 2;
    if (paragraph.kind !== 'preambular' || (runIndex !== 1 && !third) || match.additive || carriesAdditive(paragraph, reading) || marksItself(draft, paragraph, lexicon, reading)) continue;
    // "Recalling, in its resolution 78/47, its decision …" (A/RES/80/43, the third of its run): a phrase
    // set off by commas between the participle and its object makes the paragraph a new statement.
    if (third && draft.text.charCodeAt(paragraph.opener?.span.end ?? match.formSpan.end) === 44 /* , */) continue;
    // Openers that adopted texts repeat either way ("Reaffirming …, Reaffirming …"): the lexicon says which.
    if (match.entry.additiveOptional) continue;
    // "Recalls" in the preamble is in the wrong form, which preambular-phrase mends first: "also" is
    // asked of "Recalling", not of "Recalls" ("Recalls also" would still be wrong).
    if (match.kind !== 'preambular') continue;
    const word = third ? (lexicon.additive.later[0] ?? lexicon.additive.second) : lexicon.additive.second;
    const fix = insertAdditive(draft, paragraph, word, insertAt, lexicon);
    // Quoted with the adverbs before the verb, as the paragraph reads: "Deeply concerned also".
    const written = draft.text.slice(paragraph.opener?.span.start ?? match.formSpan.start, match.formSpan.end).replace(/[*_]/g, '').replace(/\s+/g, ' ');
    const right = insertAt === 'before' ? `${capitalize(word)} ${lowerFirst(written)}` : `${capitalize(written)} ${word}`;
    context.report({
      span: match.formSpan,
      message: localMessage(lexicon, 'repeated-opener/missing', { found: written, right }, `'${written}' repeats the opener of the ${third ? 'two paragraphs' : 'paragraph'} above: write '${right}'.`),
      ...(fix ? { fix } : {}),
      ...(above?.opener
        ? { related: [{ span: above.opener.span, message: localMessage(lexicon, 'repeated-opener/above', { found: above.opener.text }, `The paragraph above opens with '${above.opener.text}'.`) }] }
        : {}),
    });
  }
}

/** Whether a paragraph of `others` (in text order) stands between `above` and `below`. */
function standsBetween(others: readonly Paragraph[], above: Paragraph, below: Paragraph): boolean {
  const next = others[firstWhere(others.length, (at) => (others[at] as Paragraph).span.start > above.span.start)];
  return next !== undefined && next.span.start < below.span.start;
}

export const repeatedOpenerRule: Rule = {
  id: 'repeated-opener',
  description: 'The second of consecutive preambular paragraphs with the same opener carries "also" and the third "further", after the participle; with "alsoPosition" set, "also" stands on that side of operative verbs.',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: true,
  check(draft, context) {
    const lexicon = context.lexicon;
    // Records printed before 1999 predate the convention: they repeat participles without "also".
    if (!lexicon || draft.fromScan) return;
    // Adopted texts place "also" on both sides of an operative verb, even within one text ("Also
    // requests" and "Decides also"): the operative position is checked only when the "alsoPosition"
    // setting asks for one. A language that allows one side only ("Prie également", never "Également
    // prie") holds every paragraph to it, whatever the setting says; English holds its preamble to
    // one ("Recalling also"), which every adopted text the rule reads keeps ("Further concerned" and
    // "Also recalling" are in scanned records of 1992–1993, which it does not read).
    const setting = context.settings.alsoPosition;
    const languagePlace = lexicon.additive.positions?.length === 1 ? lexicon.additive.positions[0] : undefined;
    const preambleOnlyPlace = lexicon.additive.preambularPositions?.length === 1 ? lexicon.additive.preambularPositions[0] : undefined;
    const settingPlace = setting === 'auto' ? undefined : setting;
    const operativeCheck = languagePlace ? { position: languagePlace, reason: 'language' as const } : settingPlace ? { position: settingPlace, reason: 'setting' as const } : undefined;
    const preambularCheck = languagePlace ? { position: languagePlace, reason: 'language' as const } : preambleOnlyPlace ? { position: preambleOnlyPlace, reason: 'preamble' as const } : undefined;
    // One reading for the whole text, not one per part: a file of thousands of drafts made this quadratic.
    const preambularPlace = preambularCheck?.position ?? documentPosition(draft, 'preambular', lexicon) ?? 'after';
    for (const part of draft.parts) {
      checkList(draft, part.preambularParagraphs, part.operativeParagraphs, context, preambularCheck, preambularPlace);
      checkList(draft, part.operativeParagraphs, part.preambularParagraphs, context, operativeCheck, operativeCheck?.position ?? 'before');
    }
  },
};
