// The findings of one draft in the shape every formatter starts from: positions instead of offsets,
// one merged fix per finding, the counts ESLint keeps. Formatters only lay this out.
import { LineIndex, type Finding, type Fix, type Position, type Severity, type TextEdit } from '../core/index';

/** A single replacement, as ESLint's `fix`: offsets into the reported text. */
export interface MergedFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface ReportedMessage {
  readonly ruleId: string;
  /** "information" and "hint" appear only for rules raised with --rule, and count as warnings. */
  readonly severity: Severity;
  readonly message: string;
  /** 0-based line, 0-based UTF-16 column. */
  readonly start: Position;
  readonly end: Position;
  readonly fix?: MergedFix;
  readonly fixTitle?: string;
}

export interface FileReport {
  /** Absolute path, or "<text>" for standard input without --stdin-filename. */
  readonly filePath: string;
  /** The text the offsets refer to (without a byte order mark): after --fix, the fixed text. */
  readonly source: string;
  /** With --fix, when the file changed: its new contents as written (ESLint's `output`). */
  readonly output?: string;
  readonly messages: readonly ReportedMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
}

export function buildFileReport(
  filePath: string,
  source: string,
  findings: readonly Finding[],
  raisedQuietRules: ReadonlySet<string>,
  output?: string,
): FileReport {
  const lines = new LineIndex(source);
  // Merged once per list of edits, not per finding: a rule may give all its findings the same edits
  // (operative-numbering's renumbering of the whole draft), and merging them again for each of 5,000
  // findings held 2.5 GB and took 10 s; 10,000 ran out of memory.
  const mergedFixes = new Map<readonly TextEdit[], MergedFix | undefined>();
  const mergedFix = (fix: Fix): MergedFix | undefined => {
    if (!mergedFixes.has(fix.edits)) mergedFixes.set(fix.edits, mergeEdits(source, fix.edits));
    return mergedFixes.get(fix.edits);
  };
  const messages: ReportedMessage[] = [];
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const finding of findings) {
    if (!isReported(finding, raisedQuietRules)) continue;
    const fix = finding.fix ? mergedFix(finding.fix) : undefined;
    messages.push({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      start: lines.positionAt(finding.span.start),
      end: lines.positionAt(finding.span.end),
      ...(fix ? { fix, fixTitle: finding.fix?.title ?? '' } : {}),
    });
    if (finding.severity === 'error') {
      errorCount++;
      if (fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (fix) fixableWarningCount++;
    }
  }
  return {
    filePath,
    source,
    ...(output === undefined ? {} : { output }),
    messages,
    errorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
  };
}

/**
 * Whether the command line shows a finding: errors and warnings always, information and hints
 * only for rules raised with --rule. `--fix` applies the fixes of these findings and no others.
 */
export function isReported(finding: Finding, raisedQuietRules: ReadonlySet<string>): boolean {
  const quiet = finding.severity === 'information' || finding.severity === 'hint';
  return !quiet || raisedQuietRules.has(finding.ruleId);
}

/**
 * Several edits as one replacement covering all of them, the text between them kept, as ESLint
 * merges the fixes of one message. Undefined when there is nothing to merge or edits overlap.
 */
export function mergeEdits(source: string, edits: readonly TextEdit[]): MergedFix | undefined {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const first = sorted[0];
  if (!first) return undefined;
  let text = '';
  let cursor = first.span.start;
  for (const edit of sorted) {
    const { start, end } = edit.span;
    if (start < cursor || end < start || end > source.length) return undefined;
    text += source.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return { range: [first.span.start, cursor], text };
}

export interface Totals {
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
}

export function totalsOf(reports: readonly FileReport[]): Totals {
  const sum = (pick: (report: FileReport) => number): number => reports.reduce((total, report) => total + pick(report), 0);
  return {
    errorCount: sum((report) => report.errorCount),
    warningCount: sum((report) => report.warningCount),
    fixableErrorCount: sum((report) => report.fixableErrorCount),
    fixableWarningCount: sum((report) => report.fixableWarningCount),
  };
}
