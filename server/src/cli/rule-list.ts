// `--list-rules`: one rule a line, in aligned columns: id, default severity, fixable, description.
import type { Rule } from '../core/index';

export function formatRuleList(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => [rule.id, rule.defaultSeverity, rule.fixable ? 'fixable' : '', rule.description]);
  const widths = [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd() + '\n')
    .join('');
}
