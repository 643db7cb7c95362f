// SARIF 2.1.0, as code-scanning services read it: one run, every rule described with its help URI.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { ruleDocUrl, type Severity } from '../../core/index';
import type { FileReport, ReportedMessage } from '../report';
import { jsonWithArray, type Formatter } from './formatter';

const sarifLevels: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export const formatSarif: Formatter = function* (reports, context) {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap((report) =>
    report.messages.map((message) => ({
      ruleId: message.ruleId,
      ...(ruleIndex.has(message.ruleId) ? { ruleIndex: ruleIndex.get(message.ruleId) } : {}),
      level: sarifLevels[message.severity],
      message: { text: message.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(report), region: regionOf(message) } }],
      ...(message.fix ? { fixes: [fixOf(report, message)] } : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'resolint',
            version: context.toolVersion,
            informationUri: 'https://github.com/resolint/resolint',
            rules: context.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: sarifLevels[rule.defaultSeverity] },
              properties: { fixable: rule.fixable },
            })),
          },
        },
        // Our columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  // A result at a time: see `Formatter` for why not as one string.
  yield* jsonWithArray(log, 'results', results, 2);
  yield '\n';
};

function artifactLocation(report: FileReport): { uri: string } {
  return { uri: path.isAbsolute(report.filePath) ? pathToFileURL(report.filePath).href : encodeURI(report.filePath) };
}

function regionOf(message: ReportedMessage): Record<string, number> {
  return {
    startLine: message.start.line + 1,
    startColumn: message.start.character + 1,
    endLine: message.end.line + 1,
    endColumn: message.end.character + 1,
  };
}

function fixOf(report: FileReport, message: ReportedMessage): object {
  const [start, end] = message.fix?.range ?? [0, 0];
  return {
    description: { text: message.fixTitle ?? '' },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(report),
        replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: message.fix?.text ?? '' } }],
      },
    ],
  };
}
