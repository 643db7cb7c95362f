import { bodyProse, draftSpan, footnoteProse, isQuoted } from '../prose';
import type { Rule } from '../rule';

/**
 * One way a United Nations document symbol comes out malformed. The symbols of the corpus take many
 * valid forms (A/RES/61/181, A/C.3/61/L.12/Rev.1, S/RES/2231 (2015), A/RES/ES-10/24, A/HRC/S-8/1,
 * NPT/CONF.2010/50 (Vol. I), CM/Res.1356 (LIV), "217 A (III)"), so only shapes that no series uses
 * are reported; a symbol is never rewritten, because what was meant cannot be known.
 */
interface Malformation {
  readonly pattern: RegExp;
  readonly message: (written: string) => string;
}

/**
 * A symbol starts a word: not inside a word, a number, another symbol or a web address. Checked on
 * the character before a match rather than with a lookbehind, which would cost a test at every offset.
 */
const notAfter = /[\p{L}\p{N}/.:\-]/u;
/** A symbol's parts after its series: "/RES", "/61", "/C.3", "/L.12", "/ES-10". */
const parts = String.raw`(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)`;

const malformations: readonly Malformation[] = [
  {
    // "A//61/179": a part lost between two slashes.
    pattern: new RegExp(`[A-Z][A-Z0-9.\\-]*${parts}*//[A-Za-z0-9][A-Za-z0-9.\\-/]*`, 'gu'),
    message: (written) => `'${written}' is not a well-formed document symbol: a part is missing between two slashes.`,
  },
  {
    // "A/RES/61/ of …", "A/RES/61/, …": the number lost after the last slash. A slash at a line's end
    // is a symbol wrapped onto the next line, not a lost part.
    pattern: new RegExp(`(?:A|S|E)${parts}+/(?=[,;)]|[.:][\\s\\u00A0]|[ \\u00A0]+[^\\d\\s])`, 'gu'),
    message: (written) => `'${written}' is not a well-formed document symbol: it ends with a slash, where a part is missing.`,
  },
  {
    // "A/ RES/61/181", "A /RES/61/181": a space inside the symbol.
    pattern: new RegExp(`(?:A|S|E)${parts}*(?:[ \\u00A0]/|/[ \\u00A0])(?:RES\\b|[A-Z]{1,4}\\.\\d|\\d)[A-Za-z0-9.\\-/]*`, 'gu'),
    message: (written) => `'${written}' is not a well-formed document symbol: a symbol has no space next to a slash.`,
  },
  {
    // "S/RES/2231(2015)": the year of a Security Council resolution stands after a space.
    pattern: new RegExp(`S/RES/\\d{1,5}\\(\\d{4}\\)`, 'gu'),
    message: (written) => `Write '${written.replace('(', ' (')}', with a space before the year, not '${written}'.`,
  },
  {
    // "a/res/61/181", "A/Res/61/181", "e/2006/30": the series and "RES" are capitals.
    pattern: new RegExp(`(?:[ase]/(?:[Rr][Ee][Ss]|\\d{1,4})|[ASE]/(?!RES)[Rr][Ee][Ss])/[A-Za-z0-9][A-Za-z0-9.\\-/]*`, 'gu'),
    message: (written) => `Write the document symbol in capitals: '${written.replace(/^[a-z]/, (letter) => letter.toUpperCase()).replace(/\/res\//i, '/RES/')}', not '${written}'.`,
  },
  {
    // "A/RES61/181": the slash after RES lost.
    pattern: new RegExp(`(?:A|S|E)(?:/[A-Z]+)*/RES\\d[A-Za-z0-9.\\-/]*`, 'gu'),
    message: (written) => `'${written}' is not a well-formed document symbol: a slash is missing after 'RES'.`,
  },
];

export const documentSymbolRule: Rule = {
  id: 'document-symbol',
  description: 'United Nations document symbols are well formed: A/RES/61/181, A/61/179, A/C.3/61/L.12/Rev.1, S/RES/2231 (2015), E/2006/30, A/HRC/RES/52/1.',
  defaultSeverity: 'warning',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    // OCR breaks symbols in scanned records ("S/ 12869"): what it misread is no drafter's slip.
    if (draft.fromScan) return;
    for (const run of [...bodyProse(draft), ...footnoteProse(draft)]) {
      const reported: { start: number; end: number }[] = [];
      for (const { pattern, message } of malformations) {
        for (const match of run.text.matchAll(pattern)) {
          const start = match.index;
          if (start > 0 && notAfter.test(run.text[start - 1] ?? '')) continue;
          const end = start + match[0].replace(/[.\-]+$/, '').length;
          // One finding per symbol, the first malformation found; quotations are left as quoted.
          if (reported.some((span) => start < span.end && end > span.start) || isQuoted(run, start, end)) continue;
          reported.push({ start, end });
          context.report({ span: draftSpan(run, start, end), message: message(run.text.slice(start, end)) });
        }
      }
    }
  },
};
