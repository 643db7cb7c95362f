// ESLint's JSON formatter, key for key, so that tools written for ESLint read our output unchanged.
import type { FileReport, ReportedMessage } from '../report';
import { jsonWithArray, type Formatter } from './formatter';

interface EslintMessage {
  readonly ruleId: string;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: { readonly range: readonly [number, number]; readonly text: string };
}

/**
 * ESLint's LintResult, keys in ESLint's order: `output` when --fix changed the file, else `source`
 * when there are messages.
 */
export interface EslintResult {
  readonly filePath: string;
  readonly messages: readonly EslintMessage[];
  readonly suppressedMessages: readonly never[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly output?: string;
  readonly source?: string;
  readonly usedDeprecatedRules: readonly never[];
}

export function toEslintMessage(message: ReportedMessage): EslintMessage {
  return {
    ruleId: message.ruleId,
    severity: message.severity === 'error' ? 2 : 1,
    message: message.message,
    line: message.start.line + 1,
    column: message.start.character + 1,
    endLine: message.end.line + 1,
    endColumn: message.end.character + 1,
    ...(message.fix ? { fix: { range: message.fix.range, text: message.fix.text } } : {}),
  };
}

export function toEslintResult(report: FileReport): EslintResult {
  return {
    filePath: report.filePath,
    messages: report.messages.map(toEslintMessage),
    suppressedMessages: [],
    errorCount: report.errorCount,
    fatalErrorCount: 0,
    warningCount: report.warningCount,
    fixableErrorCount: report.fixableErrorCount,
    fixableWarningCount: report.fixableWarningCount,
    // As ESLint: the fixed text as `output`, and then no `source`; the positions refer to it.
    ...(report.output !== undefined ? { output: report.output } : {}),
    ...(report.output === undefined && report.errorCount + report.warningCount > 0 ? { source: report.source } : {}),
    usedDeprecatedRules: [],
  };
}

/** ESLint's `[result, …]`, written a message at a time: see `Formatter` for why not as one string. */
export const formatJson: Formatter = function* (reports) {
  yield '[';
  for (const [index, report] of reports.entries()) {
    if (index > 0) yield ',';
    yield* jsonWithArray({ ...toEslintResult(report), messages: [] }, 'messages', report.messages.map(toEslintMessage));
  }
  yield ']\n';
};
