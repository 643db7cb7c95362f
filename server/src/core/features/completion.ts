// Completion where a drafter starts something: at the start of a paragraph, the openers that fit
// there (preambular before the first operative paragraph, operative after), the paired "also"
// form when the paragraph above opened with the same verb, the verbs after an operative adverb
// ("Also re" → "Also requests") and the additive words after a participle ("Recalling al" →
// "Recalling also"), and the next operative number; after "[^", the footnote numbers in use and the
// next free one.
import { chapeausOf, conventionsOf, lexiconFor, lexiconLanguages, type Lexicon, type OpenerEntry } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { Draft, Paragraph, ParagraphKind, Span } from '../model';
import type { AlsoPosition } from '../settings';
import { capitalize, lowerFirst } from '../structure';
import { readNumberLabel, readSubLabel } from '../parse/labels';
import { partIndexAt } from './at-offset';
import { firstWords } from './symbols';

export type CompletionKind = 'opener' | 'paragraph-number' | 'footnote' | 'chapeau';

export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Replaces the text of `replaceSpan`. */
  readonly insertText: string;
  readonly replaceSpan: Span;
  /** What the editor matches the typed text against, when not the label. */
  readonly filterText?: string;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText: string;
  readonly preselect?: boolean;
}

export interface CompletionOptions {
  /** The lexicon of the draft's language (with the settings' extra openers); undefined offers no openers. */
  readonly lexicon: Lexicon | undefined;
  /** Where "also" stands in operative openers ("auto": as the document already does, else before the verb). */
  readonly alsoPosition: AlsoPosition;
}

const lineBreak = /[\r\n\u2028\u2029]/;

function lineStartBefore(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && !lineBreak.test(text[start - 1] ?? '')) start--;
  return start;
}

/** Whether nothing but white space follows `offset` on its line. */
function restOfLineIsBlank(text: string, offset: number): boolean {
  for (let at = offset; at < text.length; at++) {
    const character = text[at] as string;
    if (lineBreak.test(character)) return true;
    if (character !== ' ' && character !== '\t' && character !== '\u00a0') return false;
  }
  return true;
}

/** Whether the line before `lineStart` is blank (or there is none): a new paragraph starts here. */
function followsBlankLine(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  let end = lineStart - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  const previousStart = lineStartBefore(text, end);
  return text.slice(previousStart, end).trim() === '';
}

/** What a paragraph number offered at a line's start says of itself. */
function nextParagraphDetail(draft: Draft): string {
  return localMessage(lexiconFor(draft.language), 'completion/next-paragraph', {}, 'the next operative paragraph');
}

// ---- footnote numbers after "[^" ---------------------------------------------------------------

function footnoteCompletions(draft: Draft, offset: number, typedStart: number): Completion[] {
  const after = /^[\w-]*\]?/.exec(draft.text.slice(offset, offset + 34))?.[0] ?? '';
  const replaceSpan = { start: typedStart, end: offset + after.length };
  const numbers = [...new Set([...draft.footnoteTexts.map((footnote) => footnote.number), ...draft.footnoteCalls.map((call) => call.number)])].sort((a, b) => a - b);
  const next = (numbers[numbers.length - 1] ?? 0) + 1;
  const width = String(next).length;
  const lexicon = lexiconFor(draft.language);
  const existing = numbers.map((number): Completion => {
    const footnote = draft.footnoteTexts.find((text) => text.number === number);
    // A named footnote ("[^csw]") is called by its name: its number is only the one print gives it.
    const name = footnote?.name ?? draft.footnoteCalls.find((call) => call.number === number && call.name !== undefined)?.name;
    const label = name ?? String(number);
    return {
      label,
      kind: 'footnote',
      insertText: `${label}]`,
      replaceSpan,
      detail: footnote ? firstWords(footnote.body, 10) : localMessage(lexicon, 'completion/no-footnote-text', {}, 'no footnote text yet'),
      sortText: String(number).padStart(width, '0'),
    };
  });
  return [...existing, { label: String(next), kind: 'footnote', insertText: `${next}]`, replaceSpan, detail: localMessage(lexicon, 'completion/new-footnote', {}, 'a new footnote'), sortText: String(next).padStart(width, '0'), preselect: true }];
}

// ---- openers and numbers at the start of a paragraph ------------------------------------------

/** Where "also" stands in the document's own repeated openers of one kind, where it shows. */
function documentAlsoPosition(draft: Draft, kind: ParagraphKind): 'before' | 'after' | undefined {
  for (const paragraph of draft.paragraphs) {
    const additive = paragraph.kind === kind ? paragraph.opener?.match?.additive : undefined;
    if (additive) return additive.position;
  }
  return undefined;
}

/** "Recalling also" / "Also requests" (or "further" after a paragraph that already said "also"). */
function additiveForm(draft: Draft, above: Paragraph, kind: ParagraphKind, lexicon: Lexicon, options: CompletionOptions): { text: string; verb: string } | undefined {
  const match = above.opener?.match;
  const form = kind === 'operative' ? match?.entry.operative : match?.entry.preambular;
  if (!match || !form) return undefined;
  const word = match.additive ? (lexicon.additive.later[0] ?? lexicon.additive.second) : lexicon.additive.second;
  // A language that places the word on one side only (French, Spanish: after the verb) decides.
  const allowed = lexicon.additive.positions;
  const onlyOne = allowed && allowed.length === 1 ? allowed[0] : undefined;
  const position = onlyOne ?? (kind === 'preambular'
    ? (documentAlsoPosition(draft, kind) ?? 'after')
    : options.alsoPosition !== 'auto' ? options.alsoPosition : (documentAlsoPosition(draft, kind) ?? 'before'));
  const text = position === 'after' ? `${capitalize(form)} ${word}` : `${capitalize(word)} ${lowerFirst(form)}`;
  return { text, verb: form };
}

function openerDocumentation(entry: OpenerEntry, kind: ParagraphKind, lexicon: Lexicon): string | undefined {
  const paired = kind === 'operative'
    ? entry.preambular && localMessage(lexicon, 'completion/preambular-form', { form: `*${entry.preambular}*` }, `Preambular form: *${entry.preambular}*`)
    : entry.operative && localMessage(lexicon, 'completion/operative-form', { form: `*${entry.operative}*` }, `Operative form: *${entry.operative}*`);
  const parts = [paired, entry.note].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

interface ParagraphStart {
  readonly kind: ParagraphKind;
  /** The number typed on the line, or the one to insert before the opener (operative lines without one). */
  readonly numberToInsert?: number;
  /** From the emphasis marker or the words being typed to the end of the word at the cursor. */
  readonly replaceSpan: Span;
  /** Whether the opener inserted needs a space after it: none when the text goes on with one. */
  readonly spaceAfter: boolean;
  readonly typedMarker: string;
  /** The paragraph right above, when it is of the same kind. */
  readonly above?: Paragraph;
}

/** Whether the cursor stands where no paragraph of the resolution goes: header, annexes, footnote texts, closing. */
function outsideTheBody(draft: Draft, offset: number, lineStart: number): boolean {
  const part = draft.parts[partIndexAt(draft, offset)];
  if (part?.chapeau && offset <= part.chapeau.span.end) return true;
  if (draft.annexes.some((annex) => annex.heading.start <= offset)) return true;
  if (draft.footnoteTexts.some((footnote) => footnote.placement === 'end' && footnote.span.start < lineStart)) return true;
  return draft.blocks.some((block) => block.kind === 'closing' && block.span.start < lineStart);
}

function nextOperativeNumber(draft: Draft, partIndex: number, lineStart: number): number {
  const above = (draft.parts[partIndex]?.operativeParagraphs ?? []).filter((paragraph) => paragraph.span.start < lineStart && paragraph.number && !paragraph.number.insertSuffix);
  return (above[above.length - 1]?.number?.value ?? 0) + 1;
}

function emphasisMarker(draft: Draft, lineStart: number): string {
  const above = draft.paragraphs.filter((paragraph) => paragraph.span.start < lineStart && paragraph.opener);
  const emphasis = above[above.length - 1]?.opener?.emphasis;
  return emphasis ? draft.text.slice(emphasis.open.start, emphasis.open.end) : '';
}

/** `composedOpeners`: openers made of the words typed and a word of the lexicon ("Also requests", "Recalling also"). */
function openerCompletions(draft: Draft, start: ParagraphStart, lexicon: Lexicon, options: CompletionOptions, lineStart: number, composedOpeners: readonly string[] = []): Completion[] {
  const marker = start.typedMarker || emphasisMarker(draft, lineStart);
  const prefix = start.numberToInsert !== undefined ? `${start.numberToInsert}. ` : '';
  const item = (label: string, sortText: string, extra: Partial<Completion>): Completion => ({
    label,
    kind: 'opener',
    insertText: `${prefix}${marker}${label}${marker}${start.spaceAfter ? ' ' : ''}`,
    replaceSpan: start.replaceSpan,
    filterText: `${start.typedMarker}${label}`,
    sortText,
    ...(prefix ? { detail: `${prefix}${label}` } : {}),
    ...extra,
  });
  const completions: Completion[] = [];
  const seen = new Set<string>();
  const additive = start.above ? additiveForm(draft, start.above, start.kind, lexicon, options) : undefined;
  if (additive) {
    seen.add(additive.text);
    completions.push(item(additive.text, `0 ${additive.text.toLowerCase()}`, { preselect: start.numberToInsert === undefined || start.replaceSpan.start < start.replaceSpan.end, detail: localMessage(lexicon, 'completion/above-opens-with', { text: `${prefix}${additive.text}`, verb: additive.verb }, `${prefix}${additive.text} — the paragraph above opens with '${additive.verb}'`) }));
  }
  // In French and Spanish an adjective agrees with the organ: "Profondément préoccupée" for l'Assemblée.
  const feminine = organGender(draft, start) === 'feminine';
  for (const entry of lexicon.openers) {
    const form = start.kind === 'operative' ? entry.operative : feminine && entry.feminine ? entry.feminine : entry.preambular;
    if (!form || seen.has(form)) continue;
    seen.add(form);
    const documentation = openerDocumentation(entry, start.kind, lexicon);
    completions.push(item(form, `1 ${form.toLowerCase()}`, documentation ? { documentation } : {}));
  }
  for (const label of composedOpeners) {
    if (seen.has(label)) continue;
    seen.add(label);
    completions.push(item(label, `1 ${label.toLowerCase()}`, {}));
  }
  return completions;
}

/**
 * "Also re" → "Also requests", "Also recognizes" …: where an operative adverb of the lexicon is typed
 * ("Also", "Further", "Strongly", "Once again"), the operative forms after it, in lower case. Only
 * those the typed words begin are kept (by the caller). Not in the preamble: its additive words go
 * after the participle ("Recalling also"), and its adverbs are the lexicon's own phrases ("Deeply
 * concerned").
 */
function operativeFormsAfterAdverb(lexicon: Lexicon, wanted: string): string[] {
  const adverb = lexicon.operativeAdverbs.filter((candidate) => wanted.startsWith(`${candidate.toLowerCase()} `)).sort((a, b) => b.length - a.length)[0];
  if (adverb === undefined) return [];
  const labels: string[] = [];
  // Not a form that holds the adverb already ("Calls once again" after "Once again").
  for (const entry of lexicon.openers) if (entry.operative && !entry.operative.toLowerCase().includes(adverb.toLowerCase())) labels.push(`${adverb} ${lowerFirst(entry.operative)}`);
  return labels;
}

/**
 * "Recalling al" → "Recalling also", "Recalling further": where a preambular opener of the lexicon is
 * typed whole, the opener with each of its language's additive words after it, where the preamble
 * puts them ("Recalling also", never "Also recalling"; « Rappelant également »). Only those the typed
 * words begin are kept (by the caller).
 */
function preambularFormsWithAdditive(lexicon: Lexicon, wanted: string): string[] {
  const positions = lexicon.additive.preambularPositions ?? lexicon.additive.positions;
  if (positions && !positions.includes('after')) return [];
  const words = [...new Set([lexicon.additive.second, ...lexicon.additive.later])];
  const labels: string[] = [];
  for (const entry of lexicon.openers) {
    for (const form of new Set([entry.preambular, entry.feminine])) {
      if (form && wanted.startsWith(`${form.toLowerCase()} `)) for (const word of words) labels.push(`${form} ${word}`);
    }
  }
  return labels;
}

/**
 * « Profondément p » → « Profondément préoccupée », « Profondément convaincue » …: where a preambular
 * adverb of the lexicon is typed, the adjectives after it (the openers that agree with the organ, as
 * an adverb qualifies them; « Profondément rappelant » is no opener), in the organ's gender. English
 * lists such pairs as openers of their own ("Deeply concerned"). Only those the typed words begin are
 * kept (by the caller).
 */
function preambularFormsAfterAdverb(lexicon: Lexicon, wanted: string, feminine: boolean): string[] {
  const adverb = lexicon.preambularAdverbs.filter((candidate) => wanted.startsWith(`${candidate.toLowerCase()} `)).sort((a, b) => b.length - a.length)[0];
  if (adverb === undefined) return [];
  const labels: string[] = [];
  for (const entry of lexicon.openers) {
    const form = feminine ? entry.feminine : entry.feminine && entry.preambular;
    if (form) labels.push(`${adverb} ${lowerFirst(form)}`);
  }
  return labels;
}

/** Whether the organ of the chapeau above `offset` (or the draft's first) is feminine: « l'Assemblée », «la Asamblea». */
function chapeauIsFeminine(draft: Draft, offset: number): boolean {
  const chapeau = [...draft.parts].reverse().find((part) => part.chapeau && part.chapeau.span.start <= offset)?.chapeau ?? draft.parts[0]?.chapeau;
  return chapeau !== undefined && conventionsOf(draft.language).organGenders?.[chapeau.organ] === 'feminine';
}

/** The grammatical gender of the organ whose chapeau governs the paragraph being written, where openers agree with it. */
function organGender(draft: Draft, start: ParagraphStart): 'masculine' | 'feminine' | undefined {
  const chapeau = draft.parts.find((part) => part.chapeau && part.chapeau.span.start <= start.replaceSpan.start)?.chapeau ?? draft.parts[0]?.chapeau;
  return chapeau ? conventionsOf(draft.language).organGenders?.[chapeau.organ] : undefined;
}

// Where the opener starts on the line: after the number and an emphasis marker, or after the marker.
const numberedHead = /^[ \t\u00A0]*(\d{1,3})(?:[ \t]+(?:bis|ter|quater|quinquies))?[.)][ \t\u00A0]+([*_]?)/u;
const unnumberedHead = /^[ \t\u00A0]*([*_]?)/u;
/** What may be typed of an opener: words (one, or several while they begin an opener: "Deeply con"). One class, no backtracking. */
const openerTyped = /^(?:[\p{L}'’-][\p{L}'’\- \t\u00A0]*)?$/u;
/** The rest of the word the cursor stands in: replaced with it ("Rec|al" gives "Recalling", not "Recallingal"). */
const wordRest = /^[\p{L}'’-]*/u;

/** Whether some opener of the lexicon begins with `wanted` (the words typed, `normalizedTyped`). */
function beginsAnOpener(lexicon: Lexicon | undefined, wanted: string): boolean {
  return lexicon !== undefined && lexicon.openers.some((entry) => [entry.operative, entry.preambular, entry.feminine].some((form) => form?.toLowerCase().startsWith(wanted)));
}
/** The words typed, single-spaced and in lower case, as openers are compared with them. */
function normalizedTyped(typed: string): string {
  return typed.replace(/[ \t\u00A0]+/g, ' ').toLowerCase();
}

const digitsOnlyLine = /^[ \t\u00A0]*(\d{1,3})$/;

/** More than any opener typed so far can hold (the lexicons' longest, with an adverb and "further", are under 70 characters). */
const longestTypedOpener = 200;

/** What may be typed of a chapeau on the first line: letters, spaces and apostrophes ("The Gen", « L'Ass »). */
const chapeauTyped = /^[\p{L}'’ \u00A0]{0,40}$/u;

export function completionsAt(draft: Draft, offset: number, options: CompletionOptions): Completion[] {
  const text = draft.text;
  if (offset < 0 || offset > text.length) return [];
  const lineStart = lineStartBefore(text, offset);
  const before = text.slice(lineStart, offset);

  const footnote = /\[\^(\d*|[A-Za-z][\w-]{0,30})$/.exec(before);
  if (footnote) return footnoteCompletions(draft, offset, offset - (footnote[1] ?? '').length);

  // A draft with no chapeau yet, typed into on its first line: it opens with the organ that adopts it.
  if (text.slice(0, lineStart).trim() === '' && chapeauTyped.test(before) && draft.parts.every((part) => !part.chapeau)) {
    // In every language with a lexicon, the draft's first: the editor keeps those the typed words begin ("L'Ass").
    const first = options.lexicon?.language ?? draft.language;
    const languages = [...lexiconLanguages].sort((a, b) => Number(b === first) - Number(a === first));
    return languages.flatMap((language) => chapeausOf(language)).map((chapeau, index) => ({ label: chapeau, kind: 'chapeau', insertText: chapeau, replaceSpan: { start: lineStart, end: offset }, sortText: String(index).padStart(3, '0') }));
  }
  if (outsideTheBody(draft, offset, lineStart)) return [];
  const partIndex = partIndexAt(draft, offset);
  const paragraphsAbove = draft.paragraphs.filter((paragraph) => paragraph.span.start < lineStart && paragraph.partIndex === partIndex);
  const inOperativePart = paragraphsAbove.some((paragraph) => paragraph.kind === 'operative');
  const nearest = paragraphsAbove[paragraphsAbove.length - 1];
  const lexicon = options.lexicon;

  const digits = digitsOnlyLine.exec(before);
  if (digits) {
    // Digits typed into a number already there ("4|. Decides", a wrong "3" retyped "2"): the line goes
    // on, and "4. " put in their place would write the mark twice ("4. . Decides").
    if (!inOperativePart || !followsBlankLine(text, lineStart) || !restOfLineIsBlank(text, offset)) return [];
    const next = nextOperativeNumber(draft, partIndex, lineStart);
    const typed = { start: offset - (digits[1] ?? '').length, end: offset };
    return [{ label: `${next}.`, kind: 'paragraph-number', insertText: `${next}. `, replaceSpan: typed, detail: nextParagraphDetail(draft), sortText: '0', preselect: true }];
  }

  const numberedMatch = numberedHead.exec(before);
  const numbered = numberedMatch && openerTyped.test(before.slice(numberedMatch[0].length)) ? numberedMatch : null;
  const unnumberedMatch = numbered ? null : unnumberedHead.exec(before);
  const unnumbered = unnumberedMatch && openerTyped.test(before.slice(unnumberedMatch[0].length)) ? unnumberedMatch : null;
  if (!numbered && !(unnumbered && followsBlankLine(text, lineStart))) return [];
  const kind: ParagraphKind = numbered || inOperativePart ? 'operative' : 'preambular';
  const typedMarker = (numbered ? numbered[2] : unnumbered?.[1]) ?? '';
  const typedWord = before.slice((numbered ?? unnumbered)?.[0].length ?? before.length);
  // Past a space, only the first words of an opener of several ("Recalling its " is a sentence), an
  // operative adverb and what follows it ("Also re"), or a preambular opener and its additive word
  // ("Recalling al").
  // No opener, with an adverb before it and an additive word after, runs to a line of its own: words
  // typed past that are a sentence, and reading them against every opener cost time for nothing.
  if (typedWord.length > longestTypedOpener) return [];
  const severalWords = /[ \t\u00A0]/.test(typedWord);
  // Normalised once, for every comparison below (they were each a normalisation of the words again, the
  // filter one for each opener offered: seconds a request at the end of a megabyte line).
  const wanted = severalWords ? normalizedTyped(typedWord) : '';
  const composedOpeners = !severalWords || !lexicon ? []
    : kind === 'operative' ? operativeFormsAfterAdverb(lexicon, wanted)
      : [...preambularFormsWithAdditive(lexicon, wanted), ...preambularFormsAfterAdverb(lexicon, wanted, chapeauIsFeminine(draft, lineStart))];
  if (severalWords && composedOpeners.length === 0 && !beginsAnOpener(lexicon, wanted)) return [];
  const rest = wordRest.exec(text.slice(offset, offset + 40))?.[0] ?? '';
  const replaceSpan = { start: offset - typedWord.length - typedMarker.length, end: offset + rest.length };
  // Before a paragraph's number or label ("|4. Decides"), or inside a label ("i|) Retrait"): a paragraph
  // begins here already, and an opener (with a number) put there would stand before or in its label.
  const afterWord = text.charCodeAt(replaceSpan.end);
  if (afterWord === 46 /* . */ || afterWord === 41 /* ) */ || readNumberLabel(text, replaceSpan.end) || readSubLabel(text, replaceSpan.end)) return [];
  const next = text.charCodeAt(replaceSpan.end);
  const spaceAfter = !(next === 32 || next === 9 || next === 0xa0);
  const numberToInsert = !numbered && kind === 'operative' ? nextOperativeNumber(draft, partIndex, lineStart) : undefined;
  const start: ParagraphStart = {
    kind,
    replaceSpan,
    spaceAfter,
    typedMarker,
    ...(numberToInsert !== undefined ? { numberToInsert } : {}),
    ...(nearest && nearest.kind === kind ? { above: nearest } : {}),
  };
  const offered = lexicon ? openerCompletions(draft, start, lexicon, options, lineStart, composedOpeners) : [];
  // Those the words begin, chosen here: an editor that filters by the word at the cursor would match nothing, or everything.
  const completions = severalWords ? offered.filter((completion) => completion.label.toLowerCase().startsWith(wanted)) : offered;
  if (numberToInsert !== undefined && typedWord === '' && typedMarker === '') {
    completions.unshift({ label: `${numberToInsert}.`, kind: 'paragraph-number', insertText: `${numberToInsert}. `, replaceSpan, detail: nextParagraphDetail(draft), sortText: '0', preselect: true });
  }
  return completions;
}
