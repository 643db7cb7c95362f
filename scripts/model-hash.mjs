// `node scripts/model-hash.mjs [--out DIR] [--list FILE]`: one hash of what `lint` returns (the
// model and the findings, as JSON) for every adopted text of ../shared/corpus (its French and
// PDF-layout copies too), every fixture draft of test/fixtures, the corpus as one draft, and 400
// cuts and joins of the corpus drawn from a fixed seed. A change meant to keep behaviour (a faster
// parse, a leaner model) prints the same hash before and after; the tests compare findings, this
// compares every node and span too.
//
//   --out DIR    the compiled core to load (default: out/ of this repository; `npm run build` first)
//   --list FILE  also write one short hash a text, in order, to see which texts changed
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const compiled = path.resolve(option('--out') ?? path.join(repositoryRoot, 'out'));
const core = createRequire(import.meta.url)(path.join(compiled, 'server/src/core/index.js'));
const sharedFolder = process.env.RESOLINT_SHARED ?? path.resolve(repositoryRoot, '../shared');
const corpusFolder = path.join(sharedFolder, 'corpus');
if (!fs.existsSync(corpusFolder)) {
  console.error(`model-hash: ${corpusFolder} not found (RESOLINT_SHARED names the shared folder).`);
  process.exit(2);
}

/** The .txt files of a folder, by name. */
function textsIn(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((file) => file.endsWith('.txt')).sort().map((file) => fs.readFileSync(path.join(folder, file), 'utf8'));
}

const corpus = textsIn(corpusFolder);
const fixturesFolder = path.join(repositoryRoot, 'test/fixtures');
const fixtures = fs
  .readdirSync(fixturesFolder, { recursive: true })
  .filter((file) => /\.(resolution|md|txt)$/.test(file))
  .sort()
  .map((file) => fs.readFileSync(path.join(fixturesFolder, file), 'utf8'));
const texts = [...corpus, ...textsIn(path.join(corpusFolder, 'fr')), ...textsIn(path.join(corpusFolder, 'pdf_layout')), ...fixtures, corpus.join('\n\n')];

// Cuts and joins: a stretch of one text followed by the start of another, from a fixed seed.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = () => corpus[Math.floor(random() * corpus.length)] ?? '';
for (let cut = 0; cut < 400; cut++) {
  const text = pick();
  const [from, to] = [Math.floor(random() * text.length), Math.floor(random() * text.length)].sort((a, b) => a - b);
  texts.push(text.slice(from, to) + pick().slice(0, Math.floor(random() * 3000)));
}

const whole = crypto.createHash('sha256');
const each = [];
for (const text of texts) {
  const { draft, findings } = core.lint(text);
  const json = JSON.stringify({ draft, findings });
  whole.update(json);
  each.push(crypto.createHash('sha256').update(json).digest('hex').slice(0, 12));
}
const list = option('--list');
if (list) fs.writeFileSync(list, `${each.join('\n')}\n`);
console.log(`${texts.length} texts: ${whole.digest('hex').slice(0, 16)}`);
