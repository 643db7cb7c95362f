// What the benchmark scripts measure with: medians, timing, warm-up, and the corpus they read.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const core = require(path.join(repoRoot, 'out/server/src/core/index.js'));
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
export function timeIt(action) {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const warmupMs = 1000;
/**
 * Median milliseconds of `runs` runs after unmeasured ones: `warmup` of them, and more until a second
 * has gone by, so the JIT has compiled the hot code (a 20 ms lint is far from settled after two runs;
 * markdownlint's first run alone takes about a second). The same for every tool measured in process.
 */
export function measure(action, runs, warmup = 2) {
  const warmUntil = Date.now() + warmupMs;
  for (let index = 0; index < warmup || Date.now() < warmUntil; index++) action();
  return median(Array.from({ length: runs }, () => timeIt(action)));
}
/**
 * `measure` of batches of `perBatch` runs, per run: the median batch. A lint of the corpus allocates
 * about half of what the young generation holds, so every other lint or so has a collection in it
 * (1–2 ms): a median of single lints fell on either side of that line from one bench run to the next
 * (12.4 and 15.2 ms in one hour). A batch of four shares the collections among its lints, as a run of
 * many lints does.
 */
export function measureBatches(action, batches, perBatch) {
  return measure(() => { for (let index = 0; index < perBatch; index++) action(); }, batches) / perBatch;
}

/**
 * The corpus's texts (the adopted resolutions at the corpus's top level, by file name), and the
 * drafts the throughput rows lint: all of them as one draft, and the texts of today (those not read
 * as scanned records) as one draft. Undefined where the corpus is not there.
 */
export function corpusDrafts() {
  if (!fs.existsSync(corpusRoot)) return undefined;
  const files = fs.readdirSync(corpusRoot).filter((file) => file.endsWith('.txt')).sort();
  const texts = files.map((file) => fs.readFileSync(path.join(corpusRoot, file), 'utf8'));
  const todaysTexts = texts.filter((text) => !core.parse(text).fromScan);
  return { files, texts, todaysTexts, corpus: texts.join('\n\n'), todays: todaysTexts.join('\n\n') };
}
