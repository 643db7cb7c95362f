// One tool's lint of one corpus draft, measured in a process of its own: `node scripts/bench-throughput.mjs
// resolint|markdownlint corpus|todays [--quick]` prints the milliseconds a lint takes, as JSON.
//
// scripts/bench.mjs runs it for each tool in turn, round after round. In one process, markdownlint's
// garbage slowed the Resolint lints after it by 4–8 % (12.4–12.8 ms against 12.0–12.1 alone), and a full
// collection made to clear it slowed markdownlint's next run by 10–15 % instead (a heap shrunk by the
// collection grown again): each tool measured in a fresh process leaves the other nothing.
import { lint as markdownlint } from 'markdownlint/sync';
import { core, corpusDrafts, measure, measureBatches } from './bench-measure.mjs';

const [tool, which] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const drafts = corpusDrafts();
const text = which === 'todays' ? drafts?.todays : which === 'corpus' ? drafts?.corpus : undefined;
if (text === undefined || (tool !== 'resolint' && tool !== 'markdownlint')) {
  console.error('usage: node scripts/bench-throughput.mjs resolint|markdownlint corpus|todays [--quick] (with the shared corpus in place)');
  process.exit(2);
}
const ms =
  tool === 'resolint'
    ? measureBatches(() => core.lint(text), quick ? 3 : 9, 4)
    : measure(() => markdownlint({ strings: { text } }), quick ? 1 : 3, 1);
console.log(JSON.stringify({ ms }));
