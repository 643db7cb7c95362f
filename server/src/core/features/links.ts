// United Nations document symbols in the text — A/RES/61/181, A/C.3/61/L.12/Rev.1,
// S/RES/2231 (2015), E/2006/30 — as links to the Official Document System.
import type { Draft, Span } from '../model';

export interface DocumentLink {
  readonly span: Span;
  /** The symbol as the Official Document System spells it: "S/RES/2231(2015)". */
  readonly symbol: string;
  readonly target: string;
}

export const documentSystemUrl = 'https://undocs.org/';

/**
 * A series prefix, then "/"-separated segments of letters, digits, "." and "-", then for Security
 * Council resolutions an optional " (2015)". Each segment starts at a "/" and holds none, so the
 * match can split the text only one way: the scan is linear, whatever the input.
 */
const symbolPattern = /(?<![\p{L}\p{N}/.-])(?:A|S|E|ST|DP|TD|UNEP|CEDAW|CERD|CCPR|CRC|CAT|CRPD|CMW|CED|FCCC|ICCD)(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)+(?: \(\d{4}\))?/gu;

export function documentLinks(draft: Draft): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const match of draft.text.matchAll(symbolPattern)) {
    let written = match[0];
    // A sentence's full stop or a hyphen at a line end is not part of the symbol.
    let trimmedEnd = written.length;
    while (trimmedEnd > 0 && (written[trimmedEnd - 1] === '.' || written[trimmedEnd - 1] === '-')) trimmedEnd--;
    const trimmed = written.slice(0, trimmedEnd);
    if (!written.endsWith(')')) written = trimmed;
    if (!/\d/.test(written)) continue;
    const symbol = written.replace(/ \((\d{4})\)$/, '($1)');
    links.push({ span: { start: match.index, end: match.index + written.length }, symbol, target: `${documentSystemUrl}${symbol}` });
  }
  return links;
}
