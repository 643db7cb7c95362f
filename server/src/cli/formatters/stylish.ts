// ESLint's "stylish" output: a header per file with problems, aligned rows, a one-line summary.
import { totalsOf, type FileReport } from '../report';
import type { FormatContext, Formatter } from './formatter';

type Style = (text: string) => string;

interface Palette {
  readonly red: Style;
  readonly yellow: Style;
  readonly dim: Style;
  readonly bold: Style;
  readonly underline: Style;
}

const ansi = (open: number, close: number): Style => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const colored: Palette = { red: ansi(31, 39), yellow: ansi(33, 39), dim: ansi(2, 22), bold: ansi(1, 22), underline: ansi(4, 24) };
const plain: Style = (text) => text;
const uncolored: Palette = { red: plain, yellow: plain, dim: plain, bold: plain, underline: plain };

/** Whether the summary may point at --fix, as ESLint's does. */
const fixOptionAvailable = true;

export const formatStylish: Formatter = (reports, context) => [stylish(reports, context)];

/** The whole stylish output: a line per finding, never near a string's limit. */
function stylish(reports: readonly FileReport[], context: FormatContext): string {
  const palette = context.colors ? colored : uncolored;
  const totals = totalsOf(reports);
  const problemCount = totals.errorCount + totals.warningCount;
  if (problemCount === 0) return '';

  let output = '\n';
  for (const report of reports) {
    if (report.messages.length === 0) continue;
    output += `${palette.underline(report.filePath)}\n${formatRows(report, palette)}\n\n`;
  }
  const summaryColor = totals.errorCount > 0 ? palette.red : palette.yellow;
  output += summaryColor(
    palette.bold(
      `\u2716 ${problemCount} ${plural('problem', problemCount)} ` +
        `(${totals.errorCount} ${plural('error', totals.errorCount)}, ${totals.warningCount} ${plural('warning', totals.warningCount)})`,
    ),
  );
  output += '\n';
  if (fixOptionAvailable && totals.fixableErrorCount + totals.fixableWarningCount > 0) {
    output += summaryColor(
      palette.bold(
        `  ${totals.fixableErrorCount} ${plural('error', totals.fixableErrorCount)} and ` +
          `${totals.fixableWarningCount} ${plural('warning', totals.fixableWarningCount)} potentially fixable with the \`--fix\` option.`,
      ),
    );
    output += '\n';
  }
  return output;
}

/** Rows as "  line:column  severity  message  rule-id", each column padded to its widest cell. */
function formatRows(report: FileReport, palette: Palette): string {
  const rows = report.messages.map((message) => ({
    location: `${message.start.line + 1}:${message.start.character + 1}`,
    line: String(message.start.line + 1),
    kind: message.severity === 'error' ? 'error' : 'warning',
    text: trimFinalPeriod(message.message),
    ruleId: message.ruleId,
  }));
  // Like ESLint: line numbers right-aligned, so the colons line up; the rest left-aligned.
  // Widths by reduce, not Math.max(...): a draft can have more findings than a call has room for arguments.
  const widest = (width: (row: (typeof rows)[number]) => number): number => rows.reduce((most, row) => Math.max(most, width(row)), 0);
  const lineWidth = widest((row) => row.line.length);
  const locationWidth = widest((row) => row.location.length + lineWidth - row.line.length);
  const kindWidth = widest((row) => row.kind.length);
  const textWidth = widest((row) => row.text.length);
  return rows
    .map((row) => {
      const location = ' '.repeat(lineWidth - row.line.length) + row.location;
      const kindStyle = row.kind === 'error' ? palette.red : palette.yellow;
      return [
        '',
        palette.dim(location) + ' '.repeat(locationWidth - location.length),
        kindStyle(row.kind) + ' '.repeat(kindWidth - row.kind.length),
        row.text + ' '.repeat(textWidth - row.text.length),
        palette.dim(row.ruleId),
      ]
        .join('  ')
        .trimEnd();
    })
    .join('\n');
}

function trimFinalPeriod(message: string): string {
  return message.replace(/([^ ])\.$/u, '$1');
}

export function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}
