// `node scripts/edit-probe.mjs [--out DIR]`: edits the adopted texts of ../shared/corpus as negotiation
// does and fixes everything, then asks what a drafter would: is any footnote's text lost, and does every
// cross-reference still name the paragraphs it named? Not a test (the corpus test holds the footnote
// part for a sample); a probe to run after a change to renumbering, footnotes or cross-references.
//
//   moves       two operative paragraphs swapped, and one moved below another (the first and second,
//               the first and last, the second and third), in English, French and PDF-layout texts
//   insertions  an unnumbered paragraph typed after the first operative paragraph and after the middle
//               one, in the texts that have cross-references (English and French)
//
// A reference's targets are compared by the opening words of the paragraphs it names (digits left out:
// a paragraph that names others is renumbered too), over all the references the text's phrase was read
// as (a list of ranges is one reference a range). Prints each difference and the counts.
//
// Last run (2026-12-02): 980 moves, 0 footnote texts lost; 44 insertions, 1 difference, by design: in
// S/RES/841 (1993) undirected references ("the Committee established by paragraph 10") hold the
// renumbering back, the new paragraph takes its place's number, "10.", beside the old 10, and the
// finding asks the drafter to say "above" or "below" first.
//
//   --out DIR    the compiled core and tests to load (default: out/ of this repository; `npm run build` first)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--out');
const compiled = path.resolve(at >= 0 ? process.argv[at + 1] : path.join(repositoryRoot, 'out'));
const load = createRequire(import.meta.url);
const core = load(path.join(compiled, 'server/src/core/index.js'));
const { targetsOfReference } = load(path.join(compiled, 'server/src/core/features/cross-reference-targets.js'));
const { fixAll } = load(path.join(compiled, 'test/check.js'));
const corpus = path.join(process.env.RESOLINT_SHARED ?? path.resolve(repositoryRoot, '../shared'), 'corpus');
if (!fs.existsSync(corpus)) {
  console.error(`edit-probe: ${corpus} not found (RESOLINT_SHARED names the shared folder).`);
  process.exit(2);
}

const textsOf = (folder) =>
  fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => ({ name: path.relative(corpus, path.join(folder, name)), text: fs.readFileSync(path.join(folder, name), 'utf8') }));
const flat = (text) => text.replace(/\s+/g, ' ').trim();
const operativeOf = (draft) => draft.paragraphs.filter((paragraph) => paragraph.kind === 'operative' && paragraph.number && paragraph.partIndex === 0);

/** `text` with paragraph `x` and `y` (x first) swapped, or `x` moved to right below `y`. */
function moved(text, x, y, swap) {
  return swap
    ? text.slice(0, x.span.start) + text.slice(y.span.start, y.span.end) + text.slice(x.span.end, y.span.start) + text.slice(x.span.start, x.span.end) + text.slice(y.span.end)
    : text.slice(0, x.span.start) + text.slice(x.span.end, y.span.end).replace(/^\s+/, '') + '\n\n' + text.slice(x.span.start, x.span.end) + text.slice(y.span.end);
}

let drafts = 0;
const lost = [];
for (const { name, text } of [...textsOf(corpus), ...textsOf(path.join(corpus, 'fr')), ...textsOf(path.join(corpus, 'pdf_layout'))]) {
  const operative = operativeOf(core.parse(text));
  for (const [first, second] of [[0, 1], [0, operative.length - 1], [1, 2]]) {
    const [x, y] = [operative[first], operative[second]];
    if (!x || !y || x === y) continue;
    for (const swap of [true, false]) {
      const draft = moved(text, x, y, swap);
      drafts++;
      const fixed = flat(fixAll(draft).text);
      for (const footnote of core.parse(draft).footnoteTexts) {
        const body = flat(footnote.body);
        if (!fixed.includes(body.slice(0, 50))) lost.push(`${name}: paragraphs ${first + 1} and ${second + 1} ${swap ? 'swapped' : 'moved'}: footnote ${footnote.number} "${body.slice(0, 60)}"`);
      }
    }
  }
}
console.log(`moves: ${drafts} drafts, ${lost.length} footnote texts lost`);
for (const line of lost) console.log(`  ${line}`);

/** Per reference phrase (the references read from one head, by where the first starts), the openings of the paragraphs named. */
function namedByReferences(text) {
  const draft = core.parse(text);
  const opening = (paragraph) => flat(draft.text.slice(paragraph.textStart, paragraph.textStart + 40).replace(/\d+/g, "#"));
  const named = [];
  let phraseEnd = -1;
  for (const reference of draft.crossReferences) {
    const targets = targetsOfReference(draft, reference).map((target) => opening(target.paragraph));
    // The ranges of one list are read as references side by side: one phrase.
    const joined = reference.span.start <= phraseEnd + 8 && named.length > 0;
    if (joined) named[named.length - 1].push(...targets);
    else named.push(targets);
    phraseEnd = reference.span.end;
  }
  return named.map((targets) => [...new Set(targets)].sort().join(' | '));
}

let inserted = 0;
const misnamed = [];
for (const { name, text } of [...textsOf(corpus), ...textsOf(path.join(corpus, 'fr'))]) {
  const draft = core.parse(text);
  const operative = operativeOf(draft);
  if (draft.crossReferences.length === 0 || operative.length < 3) continue;
  const before = namedByReferences(text);
  const words = draft.language === 'fr' ? 'Invite les États Membres à examiner la question ;' : 'Invites Member States to consider the matter;';
  for (const index of [0, Math.floor(operative.length / 2)]) {
    const after = operative[index];
    const edited = text.slice(0, after.span.end) + '\n\n' + words + text.slice(after.span.end);
    inserted++;
    const now = namedByReferences(fixAll(edited).text);
    // The new paragraph may join a range it was inserted into: a reference that names what it named and the new one is right.
    now.forEach((targets, position) => {
      const was = before[position];
      if (was !== undefined && targets !== was && targets.split(' | ').filter((opening) => !opening.startsWith(flat(words).slice(0, 20))).join(' | ') !== was) misnamed.push(`${name}: a paragraph inserted after paragraph ${index + 1}: reference ${position + 1} named ${was.slice(0, 80)}, now ${targets.slice(0, 80)}`);
    });
  }
}
console.log(`insertions: ${inserted} drafts, ${misnamed.length} references naming other paragraphs`);
for (const line of misnamed) console.log(`  ${line}`);
