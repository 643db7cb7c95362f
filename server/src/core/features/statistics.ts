// The counts a status bar shows: preambular and operative paragraphs, and the brackets still open
// in a negotiation draft ("[Urges][Calls upon]" is two).
import type { Draft } from '../model';

export interface DocumentStatistics {
  readonly preambular: number;
  readonly operative: number;
  /** Bracketed passages: every "[" that does not open a footnote reference or label ("[^1]"). */
  readonly openBrackets: number;
}

export function documentStatistics(draft: Draft): DocumentStatistics {
  const openBrackets = draft.text.match(/\[(?!\^)/g)?.length ?? 0;
  return {
    preambular: draft.paragraphs.filter((paragraph) => paragraph.kind === 'preambular').length,
    operative: draft.paragraphs.filter((paragraph) => paragraph.kind === 'operative').length,
    openBrackets,
  };
}
