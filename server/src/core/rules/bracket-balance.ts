import type { Span } from '../model';
import { annexProse, bodyProse, draftOffset, isQuoted, type ProseRun } from '../prose';
import { localMessage } from '../messages';
import type { Rule } from '../rule';

interface Bracket {
  readonly run: ProseRun;
  /** In run offsets; -1 for the bracket before a paragraph's number, outside its run (`at` says where). */
  readonly offset: number;
  /** In draft offsets. */
  readonly at: number;
}

/**
 * The "[" right before a paragraph's number ("[2. Requests …;]", a whole paragraph under negotiation),
 * which the paragraph's prose, from its words on, does not hold: its draft offset, or -1.
 */
function bracketBeforeNumber(draft: { readonly text: string }, run: ProseRun): number {
  const paragraph = run.kind === 'paragraph' ? run.paragraph : undefined;
  const number = paragraph?.number;
  if (!paragraph || !number) return -1;
  const at = number.span.start - 1;
  return at >= paragraph.span.start && draft.text.charCodeAt(at) === 91 /* [ */ ? at : -1;
}

/** A footnote mark: "[^3]" (blanked in the prose when it is a known call), or "[2]" as old printed texts write it. */
const footnoteMark = /^\[(?:\d{1,3}|\^[^\]\s]{1,20})\]/;

/** An annexed document's editorial note, "[Original: English]": no negotiation text. */
const editorialNote = /^\[Original\s*:/i;

/** How much of a bracketed stretch a message quotes. */
const quotedLength = 60;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > quotedLength ? `${flat.slice(0, quotedLength - 1)}…` : flat;
}

/** A square bracket of a run's text (not quoted, not a footnote mark's), in run offsets. */
interface RunBracket {
  readonly offset: number;
  readonly opens: boolean;
}

/**
 * The brackets of a run of prose, in order: a pure function of its text, so a session keeps it from
 * one version of the draft to the next.
 */
function bracketsOf(run: Pick<ProseRun, 'text' | 'quotations'>): readonly RunBracket[] {
  // Made at the first bracket: most runs have none, and one empty list stands for all of them.
  let brackets: RunBracket[] | undefined;
  const text = run.text;
  // From one bracket to the next with the native search: most runs have none.
  let nextOpen = text.indexOf('[');
  let nextClose = text.indexOf(']');
  for (let offset = 0; offset < text.length; offset++) {
    if (nextOpen >= 0 && nextOpen < offset) nextOpen = text.indexOf('[', offset);
    if (nextClose >= 0 && nextClose < offset) nextClose = text.indexOf(']', offset);
    if (nextOpen < 0 && nextClose < 0) break;
    offset = nextOpen < 0 ? nextClose : nextClose < 0 ? nextOpen : Math.min(nextOpen, nextClose);
    const character = text[offset];
    if (isQuoted(run, offset, offset + 1)) continue;
    if (character === '[') {
      const mark = footnoteMark.exec(text.slice(offset, offset + 24));
      if (mark) {
        offset += mark[0].length - 1;
        continue;
      }
      (brackets ??= []).push({ offset, opens: true });
      continue;
    }
    (brackets ??= []).push({ offset, opens: false });
  }
  return brackets ?? noBrackets;
}
const noBrackets: readonly RunBracket[] = [];

export const bracketBalanceRule: Rule = {
  id: 'bracket-balance',
  description: 'Square brackets of negotiation text are balanced; in final mode no bracketed text remains.',
  defaultSeverity: 'error',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    // OCR misreads brackets in scanned records ("[Supprimél"); those records are adopted texts, not drafts.
    if (draft.fromScan) return;
    const final = context.settings.mode !== 'negotiation';
    const unclosed: Bracket[] = [];
    /** Outermost bracketed stretches, in draft offsets; alternatives written side by side are one. */
    const groups: { span: Span; run: ProseRun; end: number }[] = [];
    // Paragraphs and sub-paragraphs, in text order (a bracket may hold several paragraphs): the
    // header's "[on the report of the First Committee (A/80/534, para. 7)]" and "[S/4349]" are not
    // negotiation text, and footnote marks ("[^3]") are blanked out of the prose. Then each annex
    // apart, a declaration negotiated as the resolution is: no bracket of the body closes in an annex.
    const readBrackets = (runs: readonly ProseRun[]): void => {
      const open: Bracket[] = [];
      for (const run of runs) {
        const beforeNumber = bracketBeforeNumber(draft, run);
        if (beforeNumber >= 0) open.push({ run, offset: -1, at: beforeNumber });
        const brackets = context.perRun(run, bracketsOf);
        if (brackets.length === 0) continue;
        for (const { offset, opens } of brackets) {
          if (opens) {
            open.push({ run, offset, at: draftOffset(run, offset) });
            continue;
          }
          const opening = open.pop();
          if (!opening) {
            const at = draftOffset(run, offset);
            context.report({ span: { start: at, end: at + 1 }, message: localMessage(context.lexicon, 'bracket-balance/unopened', {}, "']' closes a bracket that was never opened.") });
            continue;
          }
          if (open.length > 0) continue;
          const start = opening.at;
          const end = draftOffset(run, offset) + 1;
          const previous = groups[groups.length - 1];
          // "[Urges][Calls upon]": alternatives side by side are one stretch.
          if (previous && previous.run === run && opening.run === run && opening.offset >= 0 && run.text.slice(previous.end, opening.offset).trim() === '') {
            groups[groups.length - 1] = { span: { start: previous.span.start, end }, run, end: offset + 1 };
          } else if (run.kind !== 'annex' || !editorialNote.test(draft.text.slice(start, end))) {
            groups.push({ span: { start, end }, run, end: offset + 1 });
          }
        }
      }
      for (const bracket of open) unclosed.push(bracket);
    };
    readBrackets(bodyProse(draft));
    for (const annex of annexProse(draft)) readBrackets([annex]);
    for (const bracket of unclosed) {
      const at = bracket.at;
      context.report({ span: { start: at, end: at + 1 }, message: localMessage(context.lexicon, 'bracket-balance/unclosed', {}, "'[' opens bracketed text that is never closed.") });
    }
    if (!final) return;
    for (const group of groups) {
      const quoted = quote(draft.text.slice(group.span.start, group.span.end));
      context.report({
        span: group.span,
        message: localMessage(context.lexicon, 'bracket-balance/remains', { text: quoted }, `Bracketed negotiation text remains: '${quoted}'. A final text has none (or set "mode" to "negotiation").`),
      });
    }
  },
};
