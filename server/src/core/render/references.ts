// References to other documents in the running text: resolutions whose number and date the text
// gives become Work references ("resolution 46/152 of 18 December 1991"); resolutions without a
// date and document symbols become links to the Official Document System.
import { documentLinks, documentSystemUrl } from '../features/links';
import type { Draft } from '../model';
import type { MarkedSpan } from './inline';
import { isoDate, organOfName, organs, type RenderLanguage } from './render-language';

/** How far before a number the words "resolution" and an organ's name are looked for. */
const lookBehind = 160;

const organNamePattern = new RegExp(
  organs
    .flatMap((organ) => organ.names)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'giu',
);

/**
 * The organ whose resolution a number is, judged from the words before it: the organ named last
 * before the word "resolution" ("Human Rights Council resolution 5/1"), else `fallbackActor`;
 * undefined when no "resolution" stands close before the number.
 */
function actorBefore(text: string, numberStart: number, language: RenderLanguage, fallbackActor: string): string | undefined {
  const windowStart = Math.max(0, numberStart - lookBehind);
  const window = text.slice(windowStart, numberStart);
  let lastWord = -1;
  for (const match of window.matchAll(language.resolutionWord)) lastWord = match.index;
  if (lastWord < 0) return undefined;
  // Sentence ends between the word and the number break the link: "… resolutions. 2. Takes 1/2 of …";
  // not those inside a title the list quotes ("70/1 …, entitled “Transforming our world: the 2030
  // Agenda …”, and 77/161 of …"), which is no end of the text's sentence.
  if (/[;:]|\.\s/u.test(withoutQuotations(window.slice(lastWord)))) return undefined;
  let lastOrgan: string | undefined;
  for (const match of window.slice(0, lastWord).matchAll(organNamePattern)) lastOrgan = match[0];
  if (lastOrgan === undefined || window.slice(window.lastIndexOf(lastOrgan) + lastOrgan.length, lastWord).trim().length > 2) return fallbackActor;
  return organOfName(lastOrgan)?.actor;
}

/**
 * `text` without its closed quotations (“…”, «…», "…"), quotes included: a quotation left open keeps
 * its words, so a lost closing quote cannot hide a sentence's end.
 */
function withoutQuotations(text: string): string {
  return text.replace(/“[^“”]*”|«[^«»]*»|"[^"]*"/gu, '');
}

/** The symbol of a session/number resolution of an organ: "A/RES/60/288", "A/HRC/RES/5/1". */
function resolutionSymbol(actor: string, number: string): string | undefined {
  if (actor === 'un-ga') return `A/RES/${number}`;
  if (actor === 'un-hrc') return `A/HRC/RES/${number}`;
  return undefined;
}

/** References and links over the whole text, sorted, none overlapping another. */
export function referenceMarks(draft: Draft, language: RenderLanguage, documentActor: string): MarkedSpan[] {
  const text = draft.text;
  const fallbackActor = documentActor === 'un-hrc' ? 'un-hrc' : 'un-ga';
  const found: MarkedSpan[] = [];
  for (const match of text.matchAll(language.datedReference)) {
    const number = match[1] ?? '';
    const date = isoDate(match[2] ?? '', match[3] ?? '', match[4] ?? '', language);
    const actor = actorBefore(text, match.index, language, fallbackActor);
    if (!date || !actor) continue;
    found.push({ span: { start: match.index, end: match.index + number.length }, mark: { type: 'resolution', actor, number, date } });
  }
  for (const match of text.matchAll(language.undatedReference)) {
    const number = match[1] ?? '';
    const start = match.index + match[0].length - number.length;
    const actor = actorBefore(text, start, language, fallbackActor);
    const symbol = actor ? resolutionSymbol(actor, number) : undefined;
    if (symbol) found.push({ span: { start, end: start + number.length }, mark: { type: 'link', url: `${documentSystemUrl}${symbol}` } });
  }
  for (const match of text.matchAll(language.councilReference)) {
    const number = `${match[1] ?? ''} (${match[2] ?? ''})`;
    const start = match.index + match[0].length - number.length;
    found.push({ span: { start, end: start + number.length }, mark: { type: 'link', url: `${documentSystemUrl}S/RES/${match[1] ?? ''}(${match[2] ?? ''})` } });
  }
  for (const link of documentLinks(draft)) found.push({ span: link.span, mark: { type: 'link', url: link.target } });

  // A dated reference wins over a link at the same place: it is sorted first at equal starts.
  const order = (marked: MarkedSpan): number => (marked.mark.type === 'resolution' ? 0 : 1);
  found.sort((a, b) => a.span.start - b.span.start || order(a) - order(b) || b.span.end - a.span.end);
  const kept: MarkedSpan[] = [];
  for (const marked of found) {
    const previous = kept[kept.length - 1];
    if (previous && marked.span.start < previous.span.end) continue;
    kept.push(marked);
  }
  return kept;
}
