import { bodyProse, draftSpan, footnoteProse, isQuoted, type ProseRun } from '../prose';
import { detached } from '../text-memo';
import type { Rule } from '../rule';
import type { Lexicon } from '../lexicon/lexicon';
import { localMessage } from '../messages';

/**
 * One way a United Nations document symbol comes out malformed. The symbols of the corpus take many
 * valid forms (A/RES/61/181, A/C.3/61/L.12/Rev.1, S/RES/2231 (2015), A/RES/ES-10/24, A/HRC/S-8/1,
 * NPT/CONF.2010/50 (Vol. I), CM/Res.1356 (LIV), "217 A (III)"), so only shapes that no series uses
 * are reported; a symbol is never rewritten, because what was meant cannot be known.
 */
/**
 * A symbol starts a word: not inside a word, a number, another symbol or a web address. Checked on
 * the character before a candidate.
 */
const notAfter = /[\p{L}\p{N}/.:\-]/u;

/**
 * `notAfter`'s test of the unit before a candidate, by code for ASCII (asked at every slash of a draft:
 * the pattern's call was most of what a slash of "60/175" cost), by the pattern for the rest.
 */
function symbolMayNotStartAfter(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128) return isSymbolCode(code) || code === 58 /* : */;
  return notAfter.test(text[offset] ?? '');
}

/** A letter or digit of ASCII, ".", "/" or "-": what a symbol is made of (by code: this runs at every slash of a draft). */
function isSymbolCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 47 || code === 45;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 0xa0;
}

/**
 * The candidate symbol that starts at `start`: letters, digits, ".", "-" and "/", and a single space
 * right next to a slash ("A/ RES/61/181"). A character loop: the shapes below are then tested on
 * this short string with anchored, unambiguous patterns (nested repetitions over running text
 * backtrack polynomially).
 */
const candidateLimit = 80;

function candidateEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start < candidateLimit) {
    const code = text.charCodeAt(end);
    if (isSymbolCode(code)) {
      end++;
      continue;
    }
    if (isSpaceCode(code) && (text.charCodeAt(end - 1) === 47 || text.charCodeAt(end + 1) === 47) && isSymbolCode(text.charCodeAt(end + 1))) {
      end++;
      continue;
    }
    break;
  }
  return end;
}

// The shapes `malformation` tests, made once: a pattern literal is a new RegExp at each evaluation,
// and the first tests run for every symbol of a draft (none of them global or sticky: no state kept).
const opensWithLetter = /^[A-Za-z]/;
const opensWithCapital = /^[A-Z]/;
const seriesAndSlash = /^[ASE]\//;
/** What follows a symbol whose last part was lost: ", …", ") …", ". " or " of …". */
const lostPartAfter = /^(?:[,;)]|[.:][\s\u00A0]|[ \u00A0]+[^\d\s])/;
const seriesAndSlashOrSpace = /^[ASE][/ \u00A0]/;
const spaceNextToSlash = /[ \u00A0]\/|\/[ \u00A0]/;
const spaceInSymbol = /[ \u00A0]/g;
/** A part a symbol has after a slash: "RES", a body's letters and a number ("C.3"), a number. */
const partAfterSlash = /[/ \u00A0](?:RES\b|[A-Z]{1,4}\.\d|\d)/;
const seriesInLowerCase = /^[ase]\/(?:[Rr][Ee][Ss]|\d)/;
// After the series, or a body's letters under it ("A/HRC/Res/52/1"): "Res" where "RES" belongs.
const resNotInCapitals = /^[ASE](?:\/[A-Z]{2,5})?\/(?!RES)[Rr][Ee][Ss]\//;
const firstLowerCase = /^[a-z]/;
const resPart = /\/res\//i;
const resThenDigit = /\/RES\d/;
/** "/rev.1", "/ADD.2", "/corr.1": a revision, addendum or corrigendum written otherwise than "/Rev.1", "/Add.2", "/Corr.1". */
const suffixOtherwise = /\/(?!Rev\.|Add\.|Corr\.)([Rr][Ee][Vv]|[Aa][Dd][Dd]|[Cc][Oo][Rr][Rr])\.(?=\d)/;

/** What is wrong with the candidate `written` (followed in the text by `after`), if anything. */
function malformation(written: string, after: string, lexicon: Lexicon | undefined): string | undefined {
  if (!opensWithLetter.test(written) || !written.includes('/')) return undefined;
  // "A//61/179": a part lost between two slashes.
  if (opensWithCapital.test(written) && written.includes('//')) {
    return localMessage(lexicon, 'document-symbol/empty-part', { symbol: written }, `'${written}' is not a well-formed document symbol: a part is missing between two slashes.`);
  }
  // "A/RES/61/ of …", "A/RES/61/, …": the number lost after the last slash (a slash at a line's end
  // is a symbol wrapped onto the next line, not a lost part).
  if (seriesAndSlash.test(written) && written.endsWith('/') && lostPartAfter.test(after)) {
    return localMessage(lexicon, 'document-symbol/ends-with-slash', { symbol: written }, `'${written}' is not a well-formed document symbol: it ends with a slash, where a part is missing.`);
  }
  // "A/ RES/61/181", "A /RES/61/181": a space inside the symbol.
  if (seriesAndSlashOrSpace.test(written) && spaceNextToSlash.test(written) && partAfterSlash.test(written.replace(spaceInSymbol, '/'))) {
    return localMessage(lexicon, 'document-symbol/space', { symbol: written }, `'${written}' is not a well-formed document symbol: a symbol has no space next to a slash.`);
  }
  // "a/res/61/181", "A/Res/61/181", "e/2006/30": the series and "RES" are capitals.
  if (seriesInLowerCase.test(written) || resNotInCapitals.test(written)) {
    const right = written.replace(firstLowerCase, (letter) => letter.toUpperCase()).replace(resPart, '/RES/');
    return localMessage(lexicon, 'document-symbol/capitals', { right, found: written }, `Write the document symbol in capitals: '${right}', not '${written}'.`);
  }
  // "A/RES61/181": the slash after RES lost.
  if (seriesAndSlash.test(written) && resThenDigit.test(written)) {
    return localMessage(lexicon, 'document-symbol/res-slash', { symbol: written }, `'${written}' is not a well-formed document symbol: a slash is missing after 'RES'.`);
  }
  // "A/C.3/61/L.12/rev.1": the revision (addendum, corrigendum) is written "Rev.1" ("Add.1", "Corr.1").
  if (opensWithCapital.test(written) && suffixOtherwise.test(written)) {
    const right = written.replace(suffixOtherwise, (_, word: string) => `/${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}.`);
    return localMessage(lexicon, 'document-symbol/suffix', { right, found: written }, `Write the document symbol '${right}', not '${written}': a revision, addendum or corrigendum is 'Rev.', 'Add.', 'Corr.'.`);
  }
  return undefined;
}

/** "S/RES/2231(2015)": the year of a Security Council resolution stands after a space. */
const yearWithoutSpace = /^S\/RES\/\d{1,5}\(\d{4}\)/;

/** A malformed symbol in a run's text, in run offsets, and what is wrong with it. */
interface Malformed {
  readonly from: number;
  readonly end: number;
  readonly message: string;
}

/**
 * The malformed symbols of a run of prose, in run offsets: a pure function of its text, so a session
 * keeps it from one version of the draft to the next (the messages are copies: see `detached`).
 */
function malformedSymbols(run: Pick<ProseRun, 'text' | 'quotations'>, lexicon: Lexicon | undefined): readonly Malformed[] {
  // Made at the first malformed symbol: most runs have none, and one empty list stands for all of them.
  let found: Malformed[] | undefined;
  const text = run.text;
  for (let start = text.indexOf('/'); start >= 0; start = text.indexOf('/', start + 1)) {
    // Back from a slash to where its symbol starts, then the candidate forward from there.
    // No symbol is longer than a candidate (80 characters): a longer run is none, and an unbounded
    // walk back from each of its slashes took an hour on a megabyte line of "/RES/ ".
    let from = start;
    while (from > 0 && start - from <= candidateLimit && (isSymbolCode(text.charCodeAt(from - 1)) || (isSpaceCode(text.charCodeAt(from - 1)) && text.charCodeAt(from) === 47 && isSymbolCode(text.charCodeAt(from - 2))))) from--;
    if (start - from > candidateLimit) continue;
    if (from > 0 && symbolMayNotStartAfter(text, from - 1)) continue;
    let writtenEnd = candidateEnd(text, from);
    while (writtenEnd > from && isSpaceCode(text.charCodeAt(writtenEnd - 1))) writtenEnd--;
    // Only a candidate that starts with a letter can be malformed ("60/175" is a resolution's number):
    // the others are passed without a copy, the next slash inside them with them.
    const first = text.charCodeAt(from);
    if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) {
      start = Math.max(start, writtenEnd - 1);
      continue;
    }
    const written = text.slice(from, writtenEnd);
    const year = first === 83 /* S */ ? yearWithoutSpace.exec(text.slice(from, from + 30)) : null;
    let message = malformation(written.endsWith('.') || written.endsWith('-') ? written.slice(0, -1) : written, text.slice(from + written.length, from + written.length + 3), lexicon);
    let end = from + written.length;
    while (end > from && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (!message && year) {
      const right = year[0].replace('(', ' (');
      message = localMessage(lexicon, 'document-symbol/year-space', { right, found: year[0] }, `Write '${right}', with a space before the year, not '${year[0]}'.`);
      end = from + year[0].length;
    }
    // The next slash inside this candidate belongs to it.
    start = Math.max(start, from + written.length - 1);
    if (!message || isQuoted(run, from, end)) continue;
    (found ??= []).push({ from, end, message: detached(message) });
  }
  return found ?? noSymbols;
}
const noSymbols: readonly Malformed[] = [];

export const documentSymbolRule: Rule = {
  id: 'document-symbol',
  description: 'United Nations document symbols are well formed: A/RES/61/181, A/61/179, A/C.3/61/L.12/Rev.1, S/RES/2231 (2015), E/2006/30, A/HRC/RES/52/1.',
  defaultSeverity: 'warning',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    // OCR breaks symbols in scanned records ("S/ 12869"): what it misread is no drafter's slip.
    if (draft.fromScan) return;
    // The messages are in the draft's language: the session's memo keeps each language's apart (lint.ts).
    const scan = (run: ProseRun): readonly Malformed[] => malformedSymbols(run, context.lexicon);
    // The paragraphs' runs, then the footnotes': read in turn, not copied into one list first.
    for (const runs of [bodyProse(draft), footnoteProse(draft)]) {
      for (const run of runs) {
        const found = context.perRun(run, scan);
        if (found.length === 0) continue;
        for (const { from, end, message } of found) context.report({ span: draftSpan(run, from, end), message });
      }
    }
  },
};
