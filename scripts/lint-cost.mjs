// `node scripts/lint-cost.mjs [--out DIR] [--file FILE] [--parse | --rules IDS | --keystroke] [--instructions]`: what
// one lint (or, with --parse, one parse; with --keystroke, one keystroke's lint in an editing session) of a text costs, in measures that do not drift with the machine's load as
// timings do (docs/performance.md, eighth session): the bytes it allocates, and with --instructions the
// instructions it runs. The text is the corpus of ../shared as one draft, or FILE.
//
//   --out DIR        the compiled core to load (default: out/ of this repository; `npm run build` first)
//   --file FILE      the text to lint instead of the corpus
//   --parse          parse only
//   --rules IDS      only the rules' checks (comma-separated ids) on a draft parsed once: one rule's cost
//   --keystroke      a character typed and the new version linted, as the language server does it: a
//                    `LintSession` kept from call to call, each call typing at the end of another line
//                    (sixty lines spread through the text, in turn). Give a long text with --file.
//   --instructions   also count instructions: needs valgrind (the Debian package); two builds can be
//                    counted at once, one a core
//
// Allocation: the young generation's used size before and after each call, over the calls in which no
// collection fell (exact to the kilobyte; the median is printed). It can differ by a tenth from one
// process to the next, where the JIT removes an allocation in one and not in the other: run it a few
// times. Instructions: cachegrind counts processes that run 40, 80 and 120 calls, each call after a
// minor collection and with the JIT on the main thread (--single-threaded --predictable); the
// difference over 40 calls is one call's, taken for calls 40 to 80 and 80 to 120, and the cheaper of
// the two printed. Calls 10 to 30, counted before, still held the optimizing compiler's work, on the
// main thread here: a change that moved when a function was optimized moved the count by tens of
// millions (one build counted 220.2 and 237.1, builds a line apart 217.5 to 270.6; the tenth session
// of 2026-11-29). Even after call 40, a one-off event (a late optimizing compile, a major collection)
// can fall in one stretch and not the other: the same code then counted 92 or 108 million a parse
// from one process to the next (the eleventh session). Cache misses are left out of the count.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v8 from 'node:v8';

const scriptPath = fileURLToPath(import.meta.url);
const repositoryRoot = path.resolve(path.dirname(scriptPath), '..');

function option(name) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const compiled = path.resolve(option('--out') ?? path.join(repositoryRoot, 'out'));
const parseOnly = process.argv.includes('--parse');

function textToLint() {
  const file = option('--file');
  if (file) return fs.readFileSync(file, 'utf8');
  const corpusFolder = path.join(process.env.RESOLINT_SHARED ?? path.resolve(repositoryRoot, '../shared'), 'corpus');
  if (!fs.existsSync(corpusFolder)) {
    console.error(`lint-cost: ${corpusFolder} not found (RESOLINT_SHARED names the shared folder, --file a text).`);
    process.exit(2);
  }
  return fs
    .readdirSync(corpusFolder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => fs.readFileSync(path.join(corpusFolder, name), 'utf8'))
    .join('\n\n');
}

const core = createRequire(import.meta.url)(path.join(compiled, 'server/src/core/index.js'));
const text = textToLint();
const ruleIds = option('--rules')?.split(',');
const rules = ruleIds && core.allRules.filter((rule) => ruleIds.includes(rule.id));
if (rules && rules.length !== ruleIds.length) {
  console.error(`lint-cost: no rule ${ruleIds.filter((id) => !rules.some((rule) => rule.id === id)).join(', ')}.`);
  process.exit(2);
}
const parsed = rules && core.parse(text);
const call = parseOnly ? () => core.parse(text) : rules ? () => core.lintDraft(parsed, undefined, rules) : process.argv.includes('--keystroke') ? keystrokes(text) : () => core.lint(text);

/** A call that types one character into the text and lints the new version in one session, as an editor's keystroke. */
function keystrokes(original) {
  const session = new core.LintSession();
  const lineEnds = [];
  // The ends of lines with text: a character typed on a blank line would begin a paragraph.
  for (let offset = original.indexOf('\n'); offset >= 0; offset = original.indexOf('\n', offset + 1)) if (offset > 0 && original[offset - 1] !== '\n') lineEnds.push(offset);
  const places = 60;
  const typedAt = Array.from({ length: places }, (_, place) => lineEnds[Math.floor(((place + 0.5) / places) * lineEnds.length)] ?? original.length);
  let current = original;
  let typed = 0;
  session.lint(current);
  return () => {
    const place = typed % places;
    const at = typedAt[place];
    current = current.slice(0, at) + 'x' + current.slice(at);
    // The line typed into ends a character later now, and every place after it has moved by one.
    for (let later = place; later < places; later++) typedAt[later]++;
    typed++;
    // What the server does with each version: the lint, and the index that turns its offsets into positions.
    session.lint(current);
    new core.LineIndex(current);
  };
}

// The child that cachegrind counts: `--count N` calls, each after a minor collection.
const count = option('--count');
if (count !== undefined) {
  for (let index = 0; index < Number(count); index++) {
    globalThis.gc({ type: 'minor' });
    call();
  }
  process.exit(0);
}

const youngUsed = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0;
for (let index = 0; index < 50; index++) call();
const allocations = [];
for (let index = 0; index < 200; index++) {
  const before = youngUsed();
  call();
  const after = youngUsed();
  // A collection fell in the call when the young generation holds less after it than before.
  if (after > before) allocations.push(after - before);
}
allocations.sort((a, b) => a - b);
const what = parseOnly ? 'parse' : rules ? `rules ${ruleIds.join(', ')}` : process.argv.includes('--keystroke') ? 'keystroke' : 'lint';
const median = allocations[allocations.length >> 1];
console.log(
  median === undefined
    ? `${what}: every call held a collection; no allocation figure`
    : `${what}: ${(median / 1e6).toFixed(3)} MB allocated a call (median of the ${allocations.length} of 200 calls with no collection)`,
);

if (process.argv.includes('--instructions')) {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('lint-cost: --instructions needs valgrind (apt-get install valgrind).');
    process.exit(2);
  }
  const instructions = (calls) => {
    const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable', '--expose-gc', scriptPath, ...process.argv.slice(2).filter((argument) => argument !== '--instructions'), '--count', String(calls)];
    const run = spawnSync('valgrind', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
    const found = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
    if (!found?.[1]) {
      console.error(`lint-cost: cachegrind gave no count:\n${run.stderr}`);
      process.exit(1);
    }
    return Number(found[1].replaceAll(',', ''));
  };
  // Two stretches of 40 calls, and the cheaper one: a one-off event (a late optimizing compile, a
  // major collection) that falls in one stretch and not in the other added some 16 million to a call's
  // count, and made a build look twice as costly or cheap from one process to the next (eleventh session).
  const [at40, at80, at120] = [instructions(40), instructions(80), instructions(120)];
  const stretches = [(at80 - at40) / 40, (at120 - at80) / 40];
  const perCall = Math.min(...stretches);
  console.log(`${what}: ${(perCall / 1e6).toFixed(1)} million instructions a call (calls 40 to 80: ${(stretches[0] / 1e6).toFixed(1)}, 80 to 120: ${(stretches[1] / 1e6).toFixed(1)})`);
}
