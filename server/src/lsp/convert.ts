// Core types to LSP types, one way. Nothing here knows about the connection.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { formatSettingsProblem } from '../node/settings-file';
import { ruleDocUrl, type Finding, type Position, type SettingsProblem, type Severity, type Span } from '../core/index';

export const diagnosticSource = 'resolint';

/** The `code` of the one diagnostic that reports a broken settings file. */
export const settingsDiagnosticCode = 'settings';

/** Anything that turns offsets into positions: a LineIndex, or a TextDocument of the same text. */
export interface PositionMapper {
  positionAt(offset: number): Position;
}

export function toDiagnosticSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

export function toRange(span: Span, positions: PositionMapper): Range {
  return { start: positions.positionAt(span.start), end: positions.positionAt(span.end) };
}

/**
 * The diagnostic of a finding. It carries no `data`: code actions are worked out from the server's
 * analysis of the version (code-actions.ts), and every push sends every diagnostic again, so what
 * it carries is paid for on each keystroke (the fixes were a fifth of a megabyte draft's push).
 */
export function findingToDiagnostic(finding: Finding, documentUri: string, positions: PositionMapper): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(finding.span, positions),
    severity: toDiagnosticSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: diagnosticSource,
    message: finding.message,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((place) => ({
      location: { uri: documentUri, range: toRange(place.span, positions) },
      message: place.message,
    }));
  }
  return diagnostic;
}

/** The first line of `text`, where the settings diagnostic goes (empty range on an empty line). */
export function firstLineRange(text: string): Range {
  const lineEnd = text.search(/\r|\n/);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: lineEnd === -1 ? text.length : lineEnd } };
}

/** One diagnostic for all the problems of one settings file: one line per problem, each naming file and JSON path. */
export function settingsFileDiagnostic(
  settingsFile: { readonly filePath: string; readonly uri: string; readonly problems: readonly SettingsProblem[] },
  documentText: string,
): Diagnostic {
  const topOfFile: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    range: firstLineRange(documentText),
    severity: DiagnosticSeverity.Error,
    code: settingsDiagnosticCode,
    source: diagnosticSource,
    message: settingsFile.problems.map((problem) => formatSettingsProblem(settingsFile.filePath, problem)).join('\n'),
    relatedInformation: [{ location: { uri: settingsFile.uri, range: topOfFile }, message: 'the settings file' }],
  };
}
