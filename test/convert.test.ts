// "Convert to draft format" (format.md, "Text imported from a published PDF"; issue 5): fixtures in
// test/fixtures/convert (`x.txt` converts to `x.resolution`, and every `.resolution` converts to
// itself; UPDATE_FIXTURES=1 writes the expected files), the ten PDF-layout texts of
// ../shared/corpus/pdf_layout, properties over the whole corpus, and `resolint --import`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { convertToDraftFormat, lint, parse, type Draft, type Span } from '../server/src/core/index';
import { footnoteTextPieces } from '../server/src/core/structure';
import { fixturesRoot } from './check';
import { makeTempFolder, removeTempFolder, runResolint } from './cli/run-resolint';
import { withoutBlankLines } from './support/copies';
import { corpusFolder } from './support/shared';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? '') || 200;
const pdfLayoutFolder = path.join(corpusFolder, 'pdf_layout');
const convertFixtures = path.join(fixturesRoot, 'convert');

function convert(text: string): string {
  return convertToDraftFormat(parse(text));
}

function textFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return textFiles(full);
      return entry.isFile() && entry.name.endsWith('.txt') ? [full] : [];
    })
    .sort();
}

// ---- page furniture, as format.md and SOURCES.md describe it -----------------------------------

const separatorLine = /^(?:_{5,}|-{3,}|\*{3,}|(?:\* ){2,}\*)$/;
const jobNumberLine = /^\d{2}-\d{5}(?: ?\([A-Z]\))?$/;
const barcodeLine = /^\*\d{5,}\*$/;
const pageNumberLine = /^\d{1,3} ?\/ ?\d{1,3}$/;
const symbolLine = /^[ASE]\/[A-Z0-9.]+(?:\/[A-Za-z0-9.-]+)*(?: \(\d{4}\))?(?<!\.)$/;
/** The masthead's first line, in the languages of the corpus and Spanish. */
const unitedNationsNames = ['United Nations', 'Nations Unies', 'Naciones Unidas'];
const isFurniture = (content: string): boolean =>
  separatorLine.test(content) || jobNumberLine.test(content) || barcodeLine.test(content) || pageNumberLine.test(content) || symbolLine.test(content);

interface SourceLine extends Span {
  /** Where the line's text begins, after its leading white space. */
  readonly contentStart: number;
  readonly content: string;
}

function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    lines.push({ start, end, contentStart: start + raw.length - raw.trimStart().length, content: raw.trim() });
  };
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return lines;
}

/** Where the body begins: the first chapeau, paragraph, footnote text or block that is not the header's. */
function bodyStartOf(draft: Draft): number {
  const starts = [
    ...draft.parts.flatMap((part) => (part.chapeau ? [part.chapeau.span.start] : [])),
    ...draft.paragraphs.map((paragraph) => paragraph.span.start),
    ...draft.blocks.filter((block) => block.kind !== 'header' && block.kind !== 'misplaced-paragraph').map((block) => block.span.start),
    ...draft.footnoteTexts.map((footnote) => footnote.span.start),
  ];
  return starts.length > 0 ? Math.min(...starts) : draft.text.length;
}

/** The title from the header line "80/5. Doha Political Declaration … under" and the lines it wraps onto. */
function documentTitle(lines: readonly SourceLine[], bodyStart: number): string {
  const index = lines.findIndex((line) => line.contentStart < bodyStart && /^\d{1,3}\/\d{1,4}\.\s+\S/.test(line.content));
  if (index < 0) return '';
  const parts = [(lines[index] as SourceLine).content.replace(/^\S+\s+/, '')];
  for (const line of lines.slice(index + 1)) {
    if (line.content === '' || line.contentStart >= bodyStart) break;
    parts.push(line.content);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

/**
 * The page furniture of a source text, as whole lines: in the header, job numbers, barcodes and page
 * numbers (the symbol stays, as a header line); after it, rule lines, job numbers, barcodes, page
 * numbers, lone symbols, and the running title: the document's title, or a piece of it, on a line
 * with other furniture at most three lines away, or the whole title on a line of its own anywhere
 * but right under an annex heading (there it is the annex's title). And what the parser read as page
 * furniture (artifact blocks), but for that annex title.
 */
function furnitureLines(text: string, draft: Draft): SourceLine[] {
  const lines = sourceLines(text);
  const bodyStart = bodyStartOf(draft);
  const title = documentTitle(lines, bodyStart);
  const annexHeadingStarts = new Set(draft.blocks.filter((block) => block.kind === 'annex-heading').map((block) => block.span.start));
  const underAnnexHeading = (index: number): boolean => {
    let previous = index - 1;
    while (previous >= 0 && (lines[previous] as SourceLine).content === '') previous--;
    const line = lines[previous];
    return line !== undefined && annexHeadingStarts.has(line.contentStart);
  };
  const artifactStarts = new Set(draft.blocks.filter((block) => block.kind === 'artifact').map((block) => block.span.start));
  const previousContent = (index: number): string => {
    let previous = index - 1;
    while (previous >= 0 && (lines[previous] as SourceLine).content === '') previous--;
    return lines[previous]?.content.trim() ?? '';
  };
  return lines.filter((line, index) => {
    if (line.content === '') return false;
    const content = line.content.replace(/\s+/g, ' ');
    if (content === title && underAnnexHeading(index)) return false;
    // A symbol right under "United Nations" is a masthead (a text pasted after another, or a piece cut at
    // one): it stays, as the header's symbol does.
    if (symbolLine.test(line.content.trim()) && unitedNationsNames.includes(previousContent(index))) return false;
    if (artifactStarts.has(line.contentStart)) return true;
    // In the header, the conversion drops what a PDF's page adds there: job number, barcode, page number,
    // and the rule over a page's footnotes (a piece copied from a page's foot).
    if (line.contentStart < bodyStart) return [jobNumberLine, barcodeLine, pageNumberLine, separatorLine].some((pattern) => pattern.test(line.content.trim()));
    if (isFurniture(line.content)) return true;
    if (title === '' || content.length < 8 || !title.includes(content)) return false;
    if (content === title) return true;
    return [-3, -2, -1, 1, 2, 3].some((offset) => isFurniture(lines[index + offset]?.content ?? ''));
  });
}

// ---- what must survive: the words of the body and of the footnotes, in order ------------------

interface WordStreams {
  readonly body: readonly string[];
  readonly footnotes: readonly string[];
}

/**
 * A stream's words, compared after conversion: line-end hyphenation and dashes glued as the
 * conversion joins them ("meet-⏎ing", "15–⏎19": a hyphen, non-breaking hyphen, en dash or soft
 * hyphen right after a letter or digit, at a line end, before a letter or digit), `[^N]` marks
 * dropped, the text split at white space, and hyphens (-, U+2011, U+00AD) and zero-width characters
 * taken out of each word, since the conversion keeps or drops a line-end hyphen by judgement.
 */
function wordsOf(stream: string): string[] {
  return stream
    .replace(/\r\n?/g, '\n')
    .replace(/(?<=[\p{L}\p{N}][-\u2011\u2013\u00AD])[^\S\n]*\n\s*(?=[\p{L}\p{N}])/gu, '')
    .replace(/\[\^\d{1,4}\]/g, '')
    .split(/\s+/u)
    .map((word) => word.replace(/[-\u2011\u00AD\u200B\uFEFF]/g, ''))
    .filter((word) => word !== '');
}

/** The text of [start, end) with the `removed` spans replaced: whole lines and blocks by a line break, calls by nothing. */
function withoutSpans(text: string, start: number, end: number, removed: readonly { span: Span; by: string }[]): string {
  let out = '';
  let position = start;
  for (const { span, by } of removed) {
    if (span.end <= position || span.start >= end) continue;
    out += text.slice(position, Math.max(position, span.start)) + by;
    position = Math.max(position, Math.min(end, span.end));
  }
  return out + text.slice(position, end);
}

/**
 * A bare or superscript call that becomes `[^N]`, as the text to take out: with the white space before
 * it ("thereto, 1" is "thereto,[^1]") and the slash of the older mark "3/"; a space stays in its place
 * where the number stood between two words ("Weapons 6and the").
 */
function callRemoval(text: string, span: Span): { span: Span; by: string } {
  let start = span.start;
  while (start > 0 && /[ \t\u00A0]/.test(text[start - 1] ?? '')) start--;
  const end = text[span.end] === '/' && /^\d+$/.test(text.slice(span.start, span.end)) ? span.end + 1 : span.end;
  return { span: { start, end }, by: /[\p{L}\p{N}]/u.test(text[end] ?? '') ? ' ' : '' };
}

/**
 * The source's words. Left out: page furniture (furnitureLines), the footnote texts (their own stream,
 * in number order, labels left out) and the bare or superscript calls of footnotes whose texts exist
 * (callRemoval: they become `[^N]`). Everything else is body, header and closing lines included.
 */
function sourceWords(text: string): WordStreams {
  const draft = parse(text);
  const written = new Set(draft.footnoteTexts.map((footnote) => footnote.number));
  const furniture = furnitureLines(text, draft).map((line) => ({ span: line as Span, by: '\n' }));
  const calls = draft.footnoteCalls.filter((call) => call.style !== 'bracket' && written.has(call.number)).map((call) => callRemoval(text, call.span));
  const footnoteSpans = draft.footnoteTexts.flatMap((footnote) => [footnote.span, ...(footnote.continuation ? [footnote.continuation] : [])].map((span) => ({ span, by: '\n' })));
  const bodyRemoved = [...furniture, ...calls, ...footnoteSpans].sort((a, b) => a.span.start - b.span.start);
  const footnoteRemoved = [...furniture, ...calls].sort((a, b) => a.span.start - b.span.start);
  const footnotes = draft.footnoteTexts
    .map((footnote, index) => ({ footnote, index }))
    .sort((a, b) => a.footnote.number - b.footnote.number || a.index - b.index)
    .map(({ footnote }) => footnoteTextPieces(footnote).map((piece) => withoutSpans(text, piece.start, piece.end, footnoteRemoved)).join('\n'));
  return { body: wordsOf(withoutSpans(text, 0, text.length, bodyRemoved)), footnotes: wordsOf(footnotes.join('\n')) };
}

/** The converted text's words: the `[^N]: text` lines at its end are the footnotes, every other line the body. */
function convertedWords(converted: string): WordStreams {
  const lines = converted.split('\n');
  const footnoteLabel = /^\[\^\d{1,4}\]:/;
  let footnotesStart = lines.length;
  while (footnotesStart > 0 && (footnoteLabel.test(lines[footnotesStart - 1] ?? '') || lines[footnotesStart - 1] === '')) footnotesStart--;
  return {
    body: wordsOf(lines.slice(0, footnotesStart).join('\n')),
    footnotes: wordsOf(lines.slice(footnotesStart).map((line) => line.replace(footnoteLabel, '')).join('\n')),
  };
}

/** Undefined when `actual` is `expected`; otherwise where they part, with a few words around. */
function firstDifference(expected: readonly string[], actual: readonly string[]): string | undefined {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index++) {
    if (expected[index] === actual[index]) continue;
    const around = (words: readonly string[]): string => words.slice(Math.max(0, index - 6), index + 6).join(' ');
    return `word ${index} of ${expected.length}: expected "${expected[index] ?? '(end)'}", found "${actual[index] ?? '(end)'}"\n  source:    …${around(expected)}…\n  converted: …${around(actual)}…`;
  }
  return undefined;
}

function wordsProblem(source: string): string | undefined {
  const before = sourceWords(source);
  const after = convertedWords(convert(source));
  const body = firstDifference(before.body, after.body);
  if (body) return `body, ${body}`;
  const footnotes = firstDifference(before.footnotes, after.footnotes);
  return footnotes ? `footnotes, ${footnotes}` : undefined;
}

// ---- the checks the issue asks of the PDF-layout texts -----------------------------------------

/** What is wrong with a converted PDF-layout text; empty when nothing. */
function layoutProblems(source: string, converted: string): string[] {
  const problems: string[] = [];
  const lines = converted.split('\n');
  const sourceDraft = parse(source);
  const title = documentTitle(sourceLines(source), bodyStartOf(sourceDraft));
  const draft = parse(converted);
  // The header, kept at the top, holds the symbol and the title; what follows it must hold no furniture.
  const bodyLine = converted.slice(0, bodyStartOf(draft)).split('\n').length - 1;
  lines.forEach((line, index) => {
    const content = line.trim();
    if (separatorLine.test(content)) problems.push(`line ${index + 1} is a separator line: ${content}`);
    if (index < bodyLine || content === '') return;
    if (jobNumberLine.test(content) || pageNumberLine.test(content) || barcodeLine.test(content) || symbolLine.test(content)) {
      problems.push(`line ${index + 1} is page furniture: ${content}`);
    }
    // The annex's title may be the resolution's title; anywhere else, the title on a line of its own is a running head.
    const afterAnnexHeading = /^Annex\b/.test(lines[index - 2] ?? '') || /^Annex\b/.test(lines[index - 1] ?? '');
    if (title !== '' && content.length >= 8 && title.includes(content) && !afterAnnexHeading) problems.push(`line ${index + 1} is a running title: ${content}`);
  });
  const defined = new Set([...converted.matchAll(/^\[\^(\d{1,4})\]:/gm)].map((match) => Number(match[1])));
  for (const match of converted.matchAll(/\[\^(\d{1,4})\](?!:)/g)) {
    if (!defined.has(Number(match[1]))) problems.push(`reference [^${match[1]}] has no [^${match[1]}]: text`);
  }
  for (const paragraph of draft.paragraphs) {
    if (paragraph.kind !== 'operative' || !paragraph.number) continue;
    const start = paragraph.number.span.start;
    if (start > 0 && converted[start - 1] !== '\n') problems.push(`operative paragraph ${paragraph.number.text} does not start its line`);
  }
  const numbers = (of: Draft): string => of.paragraphs.filter((paragraph) => paragraph.kind === 'operative').map((paragraph) => paragraph.number?.text ?? '-').join(' ');
  if (numbers(draft) !== numbers(sourceDraft)) problems.push(`operative numbers changed: ${numbers(sourceDraft)} → ${numbers(draft)}`);
  const findings = lint(converted).findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
  if (findings.length > 1) {
    problems.push(`lints with ${findings.length} warnings and errors: ${findings.map((finding) => `${finding.ruleId} (${JSON.stringify(converted.slice(finding.span.start, finding.span.start + 30))})`).join('; ')}`);
  }
  return problems;
}

/** `length` lines of a page-layout text, from the first that opens with `start`; empty where the corpus is not there. */
function layoutPiece(name: string, start: string, length: number): string {
  const file = path.join(pdfLayoutFolder, name);
  if (!fs.existsSync(file)) return '';
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.startsWith(start));
  return at < 0 ? '' : lines.slice(at, at + length).join('\n');
}

// ---- tests ---------------------------------------------------------------------------------------

/**
 * PDF-layout texts that the conversion cannot bring to the bar while the parser misreads them: the
 * check runs and reports, and is skipped with the reason; KNOWN_BUGS=run makes it count. Remove an
 * entry as soon as its text passes.
 */
const knownParserBugs: Readonly<Record<string, string>> = {};

describe('convert to draft format', () => {
  describe('fixtures (test/fixtures/convert)', () => {
    const names = fs.existsSync(convertFixtures) ? fs.readdirSync(convertFixtures).sort() : [];
    for (const name of names.filter((file) => file.endsWith('.txt'))) {
      it(`${name} converts to ${name.replace(/\.txt$/, '.resolution')}`, () => {
        const expectedPath = path.join(convertFixtures, name.replace(/\.txt$/, '.resolution'));
        const converted = convert(fs.readFileSync(path.join(convertFixtures, name), 'utf8'));
        if (process.env['UPDATE_FIXTURES']) fs.writeFileSync(expectedPath, converted);
        assert.equal(converted, fs.readFileSync(expectedPath, 'utf8'));
      });
    }
    for (const name of names.filter((file) => file.endsWith('.resolution'))) {
      it(`${name} converts to itself`, () => {
        const text = fs.readFileSync(path.join(convertFixtures, name), 'utf8');
        assert.equal(convert(text), text);
      });
    }
  });

  describe('long texts', () => {
    // Read only at their ends, the lines and the output being joined are no longer read whole each
    // time (at these sizes the old code took 9 s and 11 s; the figures are the bench's to show).
    it('puts 50,000 labelled sub-paragraphs each on its line, indented under the paragraph that lists them', () => {
      const labels = ['a', 'b', 'c', 'd'];
      const text = ['The General Assembly,', '', '1. Requests States:', ...Array.from({ length: 50_000 }, (_, index) => `(${labels[index % 4]}) To act on item ${index};`)].join('\n');
      const converted = convert(text);
      assert.equal(converted.split('\n').filter((line) => /^ {3}\([a-d]\) To act on item \d+;$/.test(line)).length, 50_000);
    });

    it('joins a paragraph wrapped over 50,000 lines into one, mending the words broken at line ends', () => {
      const text = `The General Assembly,\n\n1. Decides that ${Array.from({ length: 50_000 }, (_, index) => `the meet-\ning ${index}`).join('\n')}.\n`;
      const converted = convert(text);
      const paragraph = converted.split('\n').find((line) => line.startsWith('1. Decides'));
      assert.equal(paragraph?.split('the meeting ').length, 50_001);
    });
  });

  describe('what changes and what does not', () => {
    it('keeps a call whose footnote text is missing as it is', () => {
      const converted = convert('The General Assembly,\n\nRecalling the Convention against Corruption7 and the Protocol,\n\n1. Decides to act.\n');
      assert.match(converted, /Corruption7 and/);
    });

    it('turns superscript calls into [^N] when their texts exist', () => {
      const converted = convert('The General Assembly,\n\nRecalling its resolution 60/1,¹\n\n1. Decides to act.\n\n[^1]: Resolution 60/1.\n');
      assert.match(converted, /60\/1,\[\^1\]\n/);
    });

    it('joins a number or a label alone on its line to its text, though a piece\'s end cuts that short', () => {
      // Short and ending open, the text was kept under its label as a heading would be: "(b)" over
      // "The State may deliver …" stood apart in 163 of 2,055 pieces of the page-layout texts.
      const item = convert('The General Assembly, \n \n1. \nDecides that: \n \n(a) \nThe State may submit a recorded statement; \n \n(b) \nThe State may deliver statements by means of videoconference');
      assert.match(item, /\n {3}\(b\) The State may deliver statements by means of videoconference\n$/);
      const paragraph = convert('The General Assembly, \n \n1. \nRecalls its resolution 79/1; \n \n2. \nAcknowledges the role of the Court in a multilateral');
      assert.match(paragraph, /\n\n2\. Acknowledges the role of the Court in a multilateral\n$/);
      for (const converted of [item, paragraph]) assert.equal(convert(converted), converted);
    });

    it('gives nothing for empty or blank text', () => {
      assert.equal(convert(''), '');
      assert.equal(convert(' \n\t\n'), '');
    });
  });

  describe('the PDF-layout texts of ../shared/corpus/pdf_layout', () => {
    const files = textFiles(pdfLayoutFolder);
    const report: string[] = [];
    before(function () {
      if (files.length === 0) this.skip();
    });
    after(() => {
      if (report.length > 0) console.log(`      per file:\n${report.map((line) => `        ${line}`).join('\n')}`);
    });
    for (const file of files) {
      const name = path.basename(file);
      const title = `${name}: no page furniture or separator left, references matched, numbers at line starts, at most one warning or error`;
      it(knownParserBugs[name] ? `${title} (skipped: known parser bug, see knownParserBugs)` : title, function () {
        const source = fs.readFileSync(file, 'utf8');
        const converted = convert(source);
        const problems = layoutProblems(source, converted);
        const findings = lint(converted).findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
        report.push(`${name}: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}, ${findings.length} warning(s)/error(s), ${converted.match(/^\[\^\d+\]:/gm)?.length ?? 0} footnotes`);
        const knownBug = knownParserBugs[name];
        if (knownBug && process.env['KNOWN_BUGS'] !== 'run') {
          assert.notDeepEqual(problems, [], `${name} passes now: remove it from knownParserBugs`);
          this.skip();
        }
        assert.deepEqual(problems, []);
      });
    }
  });

  describe('a piece copied out of the middle of a PDF: no header to know the running title by', () => {
    // The fixture piece-across-pages.txt holds the case itself (its title on a page's top and foot).
    const piece = fs.readFileSync(path.join(convertFixtures, 'piece-across-pages.txt'), 'utf8');
    const pageTop = 'A/RES/81/12 \nStrengthening the crime prevention programme\n \n26-01234\n2/3 \n \n';

    it('learns it beside the symbol, and keeps it out of the paragraph the page break cut', () => {
      assert.ok(piece.includes(pageTop));
      const titles = parse(piece).blocks.filter((block) => piece.slice(block.span.start, block.span.end) === 'Strengthening the crime prevention programme');
      assert.deepEqual(titles.map((block) => block.kind), ['artifact', 'artifact']);
      assert.match(convert(piece), /and invites the Member States to consider/);
    });

    it('learns one wrapped over two lines, and one that opens with a year, with the page numbering five lines off', () => {
      for (const title of ['Strengthening the United Nations crime prevention and\ncriminal justice programme', '2026 Declaration on crime prevention and\ncriminal justice']) {
        const wrapped = piece
          .replace(pageTop, `A/RES/81/12 \n${title}\n \n26-01234\n2/3 \n \n`)
          .replace('Strengthening the crime prevention programme \nA/RES/81/12', `${title}\nA/RES/81/12`);
        assert.notEqual(wrapped, piece);
        const artifacts = parse(wrapped).blocks.filter((block) => block.kind === 'artifact').map((block) => wrapped.slice(block.span.start, block.span.end));
        for (const line of title.split('\n')) assert.equal(artifacts.filter((artifact) => artifact === line).length, 2, `${line} in ${JSON.stringify(artifacts)}`);
        assert.match(convert(wrapped), /and invites the Member States to consider/);
        assert.doesNotMatch(convert(wrapped), /programme|criminal justice[^”]/);
      }
    });

    it('takes no body line for it: one that the layout left beside the symbol goes on over the next line', () => {
      const bodyBesideSymbol = piece.replace(pageTop + 'Member States to consider the recommendations contained in that report;', '26-01234\n2/3 \nA/RES/81/12 \nMember States to consider the recommendations contained\nin that report;');
      assert.notEqual(bodyBesideSymbol, piece);
      assert.match(convert(bodyBesideSymbol), /and invites the Member States to consider the recommendations contained in that report;/);
    });

    describe('the title wrapped over two lines, with no page furniture beside it', () => {
      const header = '81/12. Strengthening the United Nations crime prevention and criminal justice programme\n\nThe General Assembly,\n\n';
      const wrapped = 'Strengthening the United Nations crime prevention and\ncriminal justice programme';

      it('is left out as the last lines of a piece cut at a page\'s foot', () => {
        const converted = convert(`${header}1. Decides to include the item in its agenda.\n\n${wrapped}\n`);
        assert.equal(converted, `${header}1. Decides to include the item in its agenda.\n`);
        assert.equal(convert(converted), converted);
      });

      it('stays where a paragraph quotes it, on lines of its own or running on', () => {
        const alone = `${header}1. Decides to include in its agenda the item entitled:\n\n${wrapped}\n\n2. Decides to remain seized of the matter.\n`;
        assert.match(convert(alone), /entitled:\n\nStrengthening the United Nations crime prevention and\ncriminal justice programme\n\n2\. Decides/);
        const runningOn = `${header}1. Decides to include in its agenda the item entitled\n${wrapped}\nat its next session.\n`;
        assert.match(convert(runningOn), /entitled Strengthening the United Nations crime prevention and criminal justice programme at its next session\./);
      });
    });

    it('learns none from a symbol with no page numbering near: a header, whose title line stays text', () => {
      const draft = 'A/RES/81/12\nStrengthening the crime prevention programme\n\n1. Decides to include the item entitled\nStrengthening the crime prevention programme\n\nin its agenda.\n';
      assert.match(convert(draft), /entitled Strengthening the crime prevention programme in its agenda\./);
    });

    it('reads a piece cut inside a paragraph\'s items as body text from its first item: each item whole across the page break', function () {
      // A/RES/80/1: paragraph 1's items (a)–(c) over a page break, then paragraph 2. With no chapeau,
      // everything above the first opener ("Also decides") was read as the header and kept line by
      // line: the labels alone, the page's rule, its footnote, symbol and title among the items.
      const piece = layoutPiece('A_RES_80_1.txt', 'United Nations in New York, that:', 40);
      if (piece === '') this.skip();
      assert.match(piece, /^_+ $/m);
      const headers = parse(piece).blocks.filter((block) => block.kind === 'header').map((block) => piece.slice(block.span.start, block.span.end).trim());
      assert.deepEqual(headers, ['United Nations in New York, that:']);
      const converted = convert(piece);
      assert.match(converted, /^\(a\) The State of Palestine may submit a pre‑recorded statement of its President, which will be played in the General Assembly Hall during the general debate of the Assembly at its eightieth session after introduction by its representative who is physically present in the Assembly Hall;$/m);
      assert.doesNotMatch(converted, /^_+$|^A\/RES\/80\/1$|^Participation by the State of Palestine/m);
      assert.match(converted, /\n\[\^1\]: See resolution 169 \(II\)\.\n$/);
      assert.equal(convert(converted), converted);
    });

    it('reads a piece that begins at a page\'s foot as body text: its footnote to the end, the next page\'s furniture out', function () {
      // Read as the header down to its first item, the rule, the footnote's text, the symbol and the
      // running title stayed line by line above the text (171 of 2,055 pieces kept a footnote's text so).
      const piece = layoutPiece('A_RES_80_1.txt', '_______________', 40);
      if (piece === '') this.skip();
      assert.match(piece, /^_+ \n \n1 See resolution 169 \(II\)\.\n\nA\/RES\/80\/1 \nParticipation by the State of Palestine/);
      const converted = convert(piece);
      assert.match(converted, /^Assembly at its eightieth session after introduction by its representative who is physically present in the Assembly Hall;\n {3}\(b\) The State of Palestine may deliver/);
      assert.doesNotMatch(converted, /^1 See|^A\/RES\/80\/1$|^Participation by the State of Palestine/m);
      assert.match(converted, /\n\[\^1\]: See resolution 169 \(II\)\.\n$/);
      assert.equal(convert(converted), converted);
    });

    it('learns a running title of three words ("Awaza Political Declaration") beside the symbol and the page numbering', function () {
      const piece = layoutPiece('A_RES_80_3.txt', '13. We strongly commit ourselves to the full implementation of the Awaza', 40);
      if (piece === '') this.skip();
      assert.match(piece, /\nA\/RES\/80\/3 \nAwaza Political Declaration\n \n25-16680\n/);
      const converted = convert(piece);
      assert.doesNotMatch(converted, /Awaza Political Declaration/);
      assert.equal(convert(converted), converted);
    });
  });

  describe('A/RES/61/181, the founding document', () => {
    const file = path.join(corpusFolder, 'A_RES_61_181.txt');
    it('converts to a canonical draft that lints clean, with its six footnotes at the end', function () {
      if (!fs.existsSync(file)) this.skip();
      const converted = convert(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(lint(converted).findings.map((finding) => `${finding.ruleId}: ${finding.message}`), []);
      assert.deepEqual([...converted.matchAll(/^\[\^(\d+)\]:/gm)].map((match) => match[1]), ['1', '2', '3', '4', '5', '6']);
      assert.equal(parse(converted).form, 'canonical');
    });
  });

  describe('a page-layout copy that lost its blank lines and indentation (as a PDF viewer copies)', () => {
    it('converts as the copy does, annexes and their headings included, and keeps every word', function () {
      const pages = textFiles(path.join(corpusFolder, 'pdf_layout'));
      if (pages.length === 0) this.skip();
      const failures = pages.flatMap((file) => {
        const name = path.basename(file);
        const text = fs.readFileSync(file, 'utf8');
        const flattened = withoutBlankLines(text);
        const words = wordsProblem(flattened);
        return [...(convert(flattened) === convert(text) ? [] : [`${name}: converts otherwise`]), ...(words ? [`${name}: ${words}`] : [])];
      });
      assert.deepEqual(failures, []);
    });
  });

  describe('properties', () => {
    // SOURCES.md marks A/RES/80/9 as damaged by its extraction (paragraph numbers lost, items
    // unlabelled, a fragment line left over): its annex reads differently once joined. Listed, not hidden.
    const damaged = new Set(['pdf_layout/A_RES_80_9.txt']);
    const corpus = textFiles(corpusFolder).map((file) => ({ name: path.relative(corpusFolder, file), text: fs.readFileSync(file, 'utf8') }));

    it('every corpus text keeps the words of its body and footnotes, in order', function () {
      if (corpus.length === 0) this.skip();
      const failures = corpus.flatMap(({ name, text }) => {
        const problem = wordsProblem(text);
        return problem ? [`${name}: ${problem}`] : [];
      });
      assert.deepEqual(failures, []);
    });

    it('every corpus text converts to a text that converts to itself', function () {
      if (corpus.length === 0) this.skip();
      const failures = corpus.flatMap(({ name, text }) => {
        const converted = convert(text);
        return convert(converted) === converted || damaged.has(name) ? [] : [name];
      });
      assert.deepEqual(failures, []);
    });

    /** A run of whole lines out of a corpus text: a piece a drafter might copy, and the text it is from. */
    const corpusPiece = fc.record({ file: fc.nat(), start: fc.nat(), lines: fc.integer({ min: 1, max: 120 }) }).map(({ file, start, lines }) => {
      const source = corpus[file % Math.max(1, corpus.length)];
      const all = (source?.text ?? '').split('\n');
      const from = all.length === 0 ? 0 : start % all.length;
      return { name: source?.name ?? '', piece: all.slice(from, from + lines).join('\n') };
    });

    it('pieces of corpus texts keep their words and convert to texts that convert to themselves (fast-check)', function () {
      if (corpus.length === 0) this.skip();
      fc.assert(
        fc.property(corpusPiece, ({ name, piece }) => {
          const problem = wordsProblem(piece);
          assert.equal(problem, undefined, problem);
          const converted = convert(piece);
          // The damaged text's pieces keep their words, but need not convert to themselves (as the whole text above).
          if (!damaged.has(name)) assert.equal(convert(converted), converted);
        }),
        { numRuns },
      );
    });

    describe('pieces of A/RES/80/5\'s annex, whose lettered items open with infinitives ("(d)" over "Invite …")', () => {
      // Once a known bug: 119 of its pieces (every line a start, 3 to 120 lines long) converted to a
      // text that converted otherwise again. Read by the openers of its lines, "Invite" (a French
      // opener) made the piece French and its header ran down to the first "Invite"; a running title
      // at a piece's foot, its furniture cut off, stayed in the text until the conversion joined it
      // into one line, which reads as the title.
      it('a piece cut inside its lettered items converts to a text that converts to itself, read as English', function () {
        const piece = layoutPiece('A_RES_80_5.txt', 'countries; ', 69);
        if (piece === '') this.skip();
        assert.match(piece, /^countries; \n \n\(h\) \nStrengthening multilateral cooperation/);
        assert.equal(parse(piece).language, 'en');
        const converted = convert(piece);
        assert.equal(convert(converted), converted);
        assert.match(converted, /^ {3}\(d\) Invite the United Nations regional commissions/m);
      });

      it('a piece that ends under a page\'s footnotes leaves out the running title standing there alone', function () {
        const piece = layoutPiece('A_RES_80_5.txt', '[without reference to a Main Committee (A/80/L.5)]', 117);
        if (piece === '') this.skip();
        assert.match(piece, /7 Resolution 79\/323, annex\.\n\nDoha Political Declaration of the “World Social Summit” under the \ntitle “the Second World Summit for Social Development” $/);
        const converted = convert(piece);
        assert.equal(convert(converted), converted);
        // A line of its own once, the annex's title; the running title at the foot is gone.
        const title = 'Doha Political Declaration of the “World Social Summit” under the title “the Second World Summit for Social Development”';
        assert.equal(converted.split('\n').filter((line) => line === title).length, 1);
      });
    });

    it('never throws on arbitrary text, and its output converts to itself (fast-check)', () => {
      const arbitraryText = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: fc.constantFrom('1', '2', '.', ' ', '\n', '(', 'a', ')', '[', '^', ']', ':', '_', '-', 'The General Assembly,', 'Recalling', 'Decides', 'meet-', 'ing', '*2518769*', '25-18769', '2/5', 'A/RES/80/7'), maxLength: 200 }),
      );
      fc.assert(
        fc.property(arbitraryText, (text) => {
          const converted = convert(text);
          assert.equal(typeof converted, 'string');
          assert.equal(convert(converted), converted);
        }),
        { numRuns },
      );
    });

    it('converts a number and a dash at the text\'s very end to a text that converts to itself', () => {
      // fast-check seed 270320036: "1-" ending the text with no line break after it was read as no
      // number (the dash's pattern alone asked for white space after it), "1-\n" as one, so the
      // first conversion's line break changed the second's reading.
      const converted = convert('The General Assembly,1\n1-');
      assert.equal(convert(converted), converted);
    });
  });

  describe('resolint --import', () => {
    const pdfText = fs.readFileSync(path.join(convertFixtures, 'pdf-pages.txt'), 'utf8');
    const expected = fs.readFileSync(path.join(convertFixtures, 'pdf-pages.resolution'), 'utf8');
    let folder = '';
    before(() => {
      folder = makeTempFolder({ 'pasted.txt': pdfText });
    });
    after(() => removeTempFolder(folder));

    it('prints the converted file on stdout, and nothing else, with exit status 0', () => {
      const run = runResolint(['--import', 'pasted.txt'], { cwd: folder });
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0);
      assert.equal(run.stdout, expected);
    });

    it('reads "-" from standard input', () => {
      const run = runResolint(['--import', '-'], { input: pdfText });
      assert.equal(run.status, 0);
      assert.equal(run.stdout, expected);
    });

    it('keeps the line endings and the byte order mark of a file pasted on Windows', () => {
      const windowsFolder = makeTempFolder({ 'pasted.txt': `\uFEFF${pdfText.replace(/\n/g, '\r\n')}` });
      try {
        const run = runResolint(['--import', 'pasted.txt'], { cwd: windowsFolder });
        assert.equal(run.status, 0);
        assert.equal(run.stdout, `\uFEFF${expected.replace(/\n/g, '\r\n')}`);
      } finally {
        removeTempFolder(windowsFolder);
      }
    });

    for (const [name, args, message] of [
      ['a missing file', ['--import', 'no-such-file.txt'], /no-such-file\.txt/],
      ['no file', ['--import'], /--import takes one file/],
      ['two files', ['--import', 'a.txt', 'b.txt'], /--import takes one file/],
      ['--fix', ['--import', '--fix', 'pasted.txt'], /cannot be combined with --fix/],
    ] as const) {
      it(`exits 2 on ${name}`, () => {
        const run = runResolint([...args], { cwd: folder });
        assert.equal(run.status, 2);
        assert.match(run.stderr, message);
        assert.equal(run.stdout, '');
      });
    }
  });
});
