// Code actions as plain data: a quick fix per finding, "fix all of this rule", fix all (round
// after round until nothing changes), renumbering operative paragraphs or footnotes, finalizing a
// negotiation draft's numbering, and converting text copied out of a PDF into the draft format.
import { diffLines } from 'diff';
import { finalizeNumberingEdits } from '../finalize-numbering';
import { applyEdits, collectFixEdits } from '../fix';
import type { Finding, TextEdit } from '../findings';
import { renumberFootnoteEdits } from '../footnotes';
import { lexiconFor } from '../lexicon/lexicon';
import { lint, type LintResult } from '../lint';
import { localMessage } from '../messages';
import type { Draft, Span } from '../model';
import { renumberOperativeEdits } from '../rules/operative-numbering';
import type { Settings } from '../settings';
import { convertToDraftFormat } from './convert';

/** Code action kinds, hierarchical as in LSP: a request for "source" gets every "source.…" action. */
export const codeActionKinds = {
  quickFix: 'quickfix',
  fixAll: 'source.fixAll.resolint',
  renumberOperativeParagraphs: 'source.renumber.operativeParagraphs',
  renumberFootnotes: 'source.renumber.footnotes',
  finalizeNumbering: 'source.finalizeNumbering.resolint',
  convertToDraftFormat: 'source.convertToDraftFormat.resolint',
} as const;
export type CodeActionKind = (typeof codeActionKinds)[keyof typeof codeActionKinds];

export interface CodeActionProposal {
  readonly title: string;
  readonly kind: CodeActionKind;
  /** Against the text the findings were computed from. */
  readonly edits: readonly TextEdit[];
  /** The findings the action fixes. */
  readonly findings: readonly Finding[];
  readonly isPreferred?: boolean;
}

export interface CodeActionOptions {
  /** The settings the result was linted with; fix all lints again with them. */
  readonly settings: Settings;
  /** The kinds asked for; undefined asks for quick fixes only (source actions cost more, and are asked for by kind). */
  readonly only?: readonly string[];
}

/** The most rounds fix all runs: a fix that makes room for another is applied in the next round. */
export const maximumFixRounds = 10;

export function kindMatches(kind: string, requested: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function overlaps(span: Span, range: Span): boolean {
  return span.start <= range.end && range.start <= span.end;
}

/** One edit from the first to the last character that differs: how a text changed, in one replacement. */
export function differenceEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shortest - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { span: { start, end: before.length - suffix }, newText: after.slice(start, after.length - suffix) };
}

/**
 * Every fix of every finding, applied and linted again until the text stops changing (at most
 * `maximumFixRounds` rounds). One round gives its own edits; more give the lines that changed (`lineEdits`).
 */
export function fixAllEdits(result: LintResult, settings: Settings): TextEdit[] {
  const original = result.draft.text;
  const firstEdits = collectFixEdits(result.findings);
  if (firstEdits.length === 0) return [];
  let text = applyEdits(original, firstEdits).text;
  let rounds = 1;
  for (; rounds < maximumFixRounds; rounds++) {
    const edits = collectFixEdits(lint(text, settings).findings);
    const next = edits.length === 0 ? text : applyEdits(text, edits).text;
    if (next === text) break;
    text = next;
  }
  if (rounds === 1) return firstEdits;
  return lineEdits(original, text);
}

/** The most lines changed that fix all's edits are worked out line by line; past it, one edit over what changed. */
const mostChangedLinesCompared = 4000;

/**
 * How `before` became `after`, as edits of whole changed lines: an editor keeps the cursor, folds and
 * bookmarks in the lines between (one edit from the first change to the last replaced them all with
 * themselves, at every save with fix on save). One edit over what changed where the lines differ
 * past `mostChangedLinesCompared`.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const changes = diffLines(before, after, { maxEditLength: mostChangedLinesCompared });
  if (!changes) {
    const edit = differenceEdit(before, after);
    return edit ? [edit] : [];
  }
  const edits: TextEdit[] = [];
  let offset = 0;
  for (const change of changes) {
    const end = change.added ? offset : offset + change.value.length;
    if (change.added || change.removed) {
      const previous = edits[edits.length - 1];
      const newText = change.added ? change.value : '';
      // Lines removed and lines added next to them are one replacement: edits that touch are one.
      if (previous && previous.span.end === offset) edits[edits.length - 1] = { span: { start: previous.span.start, end }, newText: previous.newText + newText };
      else edits.push({ span: { start: offset, end }, newText });
    }
    offset = end;
  }
  return edits;
}

/** Numbers a final text does not have: "5 bis.", "OP5 alt", "OP5", "5)", "PP3" — what "Finalize numbering" is for. */
export function hasNegotiationNumbering(draft: Draft): boolean {
  return draft.paragraphs.some((paragraph) => paragraph.number !== undefined && (paragraph.number.style !== 'dot' || paragraph.number.insertSuffix !== undefined));
}

/** "Convert to draft format" as one edit over the whole text; none when the text is in the draft format already. */
export function convertToDraftFormatEdits(draft: Draft): TextEdit[] {
  const converted = convertToDraftFormat(draft);
  return converted === draft.text ? [] : [{ span: { start: 0, end: draft.text.length }, newText: converted }];
}

const whiteSpaceRun = /\s+/g;

/** Whether `converted` differs from `text` only in where lines break and how much space stands between words. */
function onlyRewrapped(text: string, converted: string): boolean {
  return text.replace(whiteSpaceRun, ' ').trim() === converted.replace(whiteSpaceRun, ' ').trim();
}

function requested(kind: CodeActionKind, only: readonly string[] | undefined): boolean {
  if (!only) return kind === codeActionKinds.quickFix;
  return only.some((wanted) => kindMatches(kind, wanted));
}

export function codeActionsFor(result: LintResult, range: Span, options: CodeActionOptions): CodeActionProposal[] {
  const actions: CodeActionProposal[] = [];
  const only = options.only;
  const fixable = result.findings.filter((finding) => finding.fix && finding.fix.edits.length > 0);
  if (requested(codeActionKinds.quickFix, only)) {
    const here = fixable.filter((finding) => overlaps(finding.span, range));
    // Findings that share one fix (a renumbering of every footnote) give one action, not one each.
    const byEdits = new Map<readonly TextEdit[], Finding[]>();
    for (const finding of here) {
      const edits = finding.fix?.edits ?? [];
      const shared = byEdits.get(edits);
      if (shared) {
        shared.push(finding);
        continue;
      }
      const findings = [finding];
      byEdits.set(edits, findings);
      actions.push({ title: finding.fix?.title ?? `Fix ${finding.ruleId}`, kind: codeActionKinds.quickFix, edits, findings, isPreferred: true });
    }
    for (const ruleId of [...new Set(here.map((finding) => finding.ruleId))]) {
      const ofRule = fixable.filter((finding) => finding.ruleId === ruleId);
      if (ofRule.length < 2) continue;
      // One fix for all (operative-numbering's renumbering): the quick fix above does it all already.
      if (ofRule.every((finding) => finding.fix?.edits === ofRule[0]?.fix?.edits)) continue;
      const title = localMessage(lexiconFor(result.draft.language), 'fix/all-of-rule', { rule: ruleId }, `Fix all ${ruleId} problems`);
      actions.push({ title, kind: codeActionKinds.quickFix, edits: collectFixEdits(ofRule), findings: ofRule });
    }
  }
  if (requested(codeActionKinds.fixAll, only)) {
    const edits = fixAllEdits(result, options.settings);
    if (edits.length > 0) actions.push({ title: editTitle(result.draft, 'fix-all'), kind: codeActionKinds.fixAll, edits, findings: fixable });
  }
  if (requested(codeActionKinds.renumberOperativeParagraphs, only)) {
    const edits = renumberOperativeEdits(result.draft);
    if (edits.length > 0) actions.push({ title: editTitle(result.draft, 'renumber-operative'), kind: codeActionKinds.renumberOperativeParagraphs, edits, findings: [] });
  }
  if (requested(codeActionKinds.renumberFootnotes, only)) {
    const edits = renumberFootnoteEdits(result.draft);
    if (edits.length > 0) actions.push({ title: editTitle(result.draft, 'renumber-footnotes'), kind: codeActionKinds.renumberFootnotes, edits, findings: [] });
  }
  // Offered on a draft that has negotiation numbers; on one without, "Renumber" does the same.
  if (requested(codeActionKinds.finalizeNumbering, only) && hasNegotiationNumbering(result.draft)) {
    const edits = finalizeNumberingEdits(result.draft);
    if (edits.length > 0) actions.push({ title: editTitle(result.draft, 'finalize-numbering'), kind: codeActionKinds.finalizeNumbering, edits, findings: [] });
  }
  // Offered on a text that is not in the draft format: a draft typed hard-wrapped is (format.md: "A
  // paragraph may be hard-wrapped"), and joining its lines is no conversion. The command still does it.
  if (requested(codeActionKinds.convertToDraftFormat, only)) {
    const edits = convertToDraftFormatEdits(result.draft);
    const [edit] = edits;
    if (edit && !onlyRewrapped(result.draft.text, edit.newText)) actions.push({ title: editTitle(result.draft, 'convert-to-draft-format'), kind: codeActionKinds.convertToDraftFormat, edits, findings: [] });
  }
  return actions;
}

/** The whole-draft edits the source actions and the server's commands make. */
export type WholeDraftEdit = 'fix-all' | 'renumber-operative' | 'renumber-footnotes' | 'finalize-numbering' | 'convert-to-draft-format';

/** A whole-draft edit's title (a source action's, a command's undo entry) in the draft's language, as its quick fixes' titles are. */
export function editTitle(draft: Draft, which: WholeDraftEdit): string {
  const lexicon = lexiconFor(draft.language);
  switch (which) {
    case 'fix-all':
      return localMessage(lexicon, 'fix/fix-all', {}, 'Fix all Resolint problems');
    case 'renumber-operative':
      return localMessage(lexicon, 'fix/renumber-operative', {}, 'Renumber operative paragraphs');
    case 'renumber-footnotes':
      return localMessage(lexicon, 'fix/renumber-footnotes', {}, 'Renumber footnotes');
    case 'finalize-numbering':
      return localMessage(lexicon, 'fix/finalize-numbering', {}, 'Finalize numbering');
    case 'convert-to-draft-format':
      return localMessage(lexicon, 'fix/convert-to-draft-format', {}, 'Convert to draft format');
  }
}
