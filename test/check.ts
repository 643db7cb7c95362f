// The one helper behind the fixture tests, and the only caller of `lint` for them: a fixture is a
// draft with its expected findings written inline, under the line they flag.
//
//   3. Request the Secretary-General to report thereon.
//   ^^ operative-numbering expected 2
//      ^^^^^^^ operative-verb Requests
//
// An annotation line is: optional spaces, one or more `^`, a space, a rule id, and optionally a
// space and a fragment of the message. The carets stand under the finding's span on the nearest
// line above that is not an annotation: the first caret at its start, the last at its last
// character (a span that runs past its line is compared by its start only; an empty span, an
// insertion point, is a single caret). Every finding of the fixture's rule (its folder's name)
// must be annotated, and every annotation must be found.
//
// An optional first line sets settings, and `"compare": "all"` compares the findings of every
// rule instead of the folder's only:
//
//   <!-- resolint: {"mode": "negotiation"} -->
//
// When `<fixture file name>.fixed` (`skipped-number.resolution.fixed`) stands beside the fixture,
// all fixes are applied (until nothing changes) and the result must equal it byte for byte; the
// fixed text is linted again and must hold no finding of the fixture's rule that still offers a
// fix. A fixture whose findings offer fixes must have its `.fixed` file. UPDATE_FIXTURES=1
// rewrites `.fixed` files from the actual output instead of comparing them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  allRules,
  applyEdits,
  collectFixEdits,
  defaultSettings,
  internalErrorPrefix,
  lint,
  validateSettings,
  type Finding,
  type LintResult,
  type Settings,
} from '../server/src/core/index';

/** Compiled tests run from out/test/, so paths are taken from the repository root. */
export const repositoryRoot = path.resolve(__dirname, '../..');
export const fixturesRoot = path.join(repositoryRoot, 'test/fixtures');
export const ruleFixturesRoot = path.join(fixturesRoot, 'rules');
/** Drafts that are fixtures; `test/grammar/*.resolution` are grammar tests, never rule fixtures. */
export const fixtureExtensions = ['.resolution', '.res.txt', '.res.md'] as const;

const annotationPattern = /^[ \t]*(\^+) ([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?: (.*))?$/;
const headerPattern = /^<!--\s*resolint:\s*(\{.*\})\s*-->[ \t]*$/;
const maxFixRounds = 10;

export interface Annotation {
  /** 0-based line in the linted (stripped) text that the carets stand under. */
  readonly line: number;
  readonly startColumn: number;
  /** Exclusive: one past the last caret. */
  readonly endColumn: number;
  readonly ruleId: string;
  /** Must be a substring of the message; empty when the annotation gives none. */
  readonly fragment: string;
  /** 1-based line of the annotation in the fixture file, for messages. */
  readonly fileLine: number;
}

export interface Fixture {
  readonly path: string;
  /** The folder's rule id, or undefined for fixtures outside test/fixtures/rules/. */
  readonly ruleId: string | undefined;
  /** Whether the findings of every rule are compared, not only the folder's rule. */
  readonly compareAll: boolean;
  readonly settings: Settings;
  /** The draft as linted: without the settings line and the annotation lines. */
  readonly text: string;
  readonly annotations: readonly Annotation[];
}

interface TextLine {
  readonly start: number;
  /** The line without its line break. */
  readonly content: string;
  readonly lineBreak: string;
}

function splitKeepingBreaks(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    lines.push({ start, content: text.slice(start, index), lineBreak: match[0] });
    start = index + match[0].length;
  }
  lines.push({ start, content: text.slice(start), lineBreak: '' });
  return lines;
}

function ruleIdOf(fixturePath: string): string | undefined {
  const relative = path.relative(ruleFixturesRoot, fixturePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [folder, ...rest] = relative.split(path.sep);
  return rest.length > 0 ? folder : undefined;
}

const knownRuleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

function readSettingsLine(json: string, fixturePath: string): { settings: Settings; compareAll: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`${fixturePath}: the settings line is not JSON: ${String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${fixturePath}: the settings line holds ${JSON.stringify(parsed)}, not an object`);
  }
  const { compare, ...rest } = parsed as Record<string, unknown>;
  if (compare !== undefined && compare !== 'all') {
    throw new Error(`${fixturePath}: "compare" may only be "all", found ${JSON.stringify(compare)}`);
  }
  const { settings, problems } = validateSettings(rest, knownRuleIds, defaultSettings);
  if (problems.length > 0) {
    throw new Error(`${fixturePath}: bad settings line: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`);
  }
  return { settings, compareAll: compare === 'all' };
}

/** Reads a fixture: its settings line, its annotations, and the text to lint without either. */
export function readFixture(fixturePath: string): Fixture {
  const raw = fs.readFileSync(fixturePath, 'utf8');
  const lines = splitKeepingBreaks(raw);
  let settings = defaultSettings;
  let compareAll = ruleIdOf(fixturePath) === undefined;
  const header = lines[0] ? headerPattern.exec(lines[0].content) : null;
  if (header?.[1]) {
    const read = readSettingsLine(header[1], fixturePath);
    settings = read.settings;
    compareAll ||= read.compareAll;
  }
  let text = '';
  let textLine = -1;
  const annotations: Annotation[] = [];
  lines.forEach((line, index) => {
    if (index === 0 && header) return;
    const annotation = annotationPattern.exec(line.content);
    if (annotation) {
      const carets = annotation[1] ?? '';
      if (textLine < 0) throw new Error(`${fixturePath}:${index + 1}: an annotation needs a line of text above it`);
      const startColumn = line.content.indexOf('^');
      annotations.push({
        line: textLine,
        startColumn,
        endColumn: startColumn + carets.length,
        ruleId: annotation[2] ?? '',
        fragment: annotation[3] ?? '',
        fileLine: index + 1,
      });
      return;
    }
    text += line.content + line.lineBreak;
    textLine++;
  });
  // An annotation under the last line takes that line's break with it: keep the text as written.
  if (lines.length > 0 && annotationPattern.test(lines[lines.length - 1]?.content ?? '') && text.length > 0) {
    const lastBreak = /(\r\n|\n|\r)$/.exec(text);
    if (lastBreak) text = text.slice(0, text.length - lastBreak[0].length);
  }
  for (const annotation of annotations) {
    if (!knownRuleIds.has(annotation.ruleId)) {
      throw new Error(`${fixturePath}:${annotation.fileLine}: unknown rule id '${annotation.ruleId}' in an annotation`);
    }
  }
  return { path: fixturePath, ruleId: ruleIdOf(fixturePath), compareAll, settings, text, annotations };
}

/** Lints a fixture's text with its settings. */
export function lintFixture(fixture: Fixture): LintResult {
  return lint(fixture.text, fixture.settings);
}

/** Lints a text, for tests that state their expectations in code. */
export function lintText(text: string, settings: Settings = defaultSettings): readonly Finding[] {
  return lint(text, settings).findings;
}

/** Reads and lints a plain draft (no annotations), for tests that state their expectations in code. */
export function lintFile(filePath: string, settings: Settings = defaultSettings): LintResult & { lineOf(offset: number): number } {
  const text = fs.readFileSync(filePath, 'utf8');
  const result = lint(text, settings);
  const positions = new TextPositions(text);
  return { ...result, lineOf: (offset) => positions.at(offset).line + 1 };
}

/** Offsets to 0-based lines and columns, counting \r\n, \n and \r as line breaks. */
export class TextPositions {
  private readonly lines: TextLine[];

  constructor(text: string) {
    this.lines = splitKeepingBreaks(text);
  }

  at(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lines[middle]?.start ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: offset - (this.lines[low]?.start ?? 0) };
  }

  lineText(line: number): string {
    return this.lines[line]?.content ?? '';
  }

  get lineCount(): number {
    return this.lines.length;
  }
}

interface PlacedFinding {
  readonly finding: Finding;
  readonly line: number;
  readonly startColumn: number;
  /** Exclusive end column on the start line, or undefined when the span runs onto a later line. */
  readonly endColumn: number | undefined;
}

function place(finding: Finding, positions: TextPositions): PlacedFinding {
  const start = positions.at(finding.span.start);
  const end = positions.at(finding.span.end);
  const sameLine = start.line === end.line;
  return {
    finding,
    line: start.line,
    startColumn: start.column,
    // An empty span (an insertion point) is written as one caret.
    endColumn: sameLine ? Math.max(end.column, start.column + 1) : undefined,
  };
}

function matches(annotation: Annotation, placed: PlacedFinding): boolean {
  return annotation.ruleId === placed.finding.ruleId
    && annotation.line === placed.line
    && annotation.startColumn === placed.startColumn
    && (placed.endColumn === undefined || annotation.endColumn === placed.endColumn)
    && placed.finding.message.includes(annotation.fragment);
}

function caretsFor(placed: PlacedFinding, positions: TextPositions): string {
  const lineLength = positions.lineText(placed.line).length;
  const end = placed.endColumn ?? Math.max(lineLength, placed.startColumn + 1);
  return ' '.repeat(placed.startColumn) + '^'.repeat(end - placed.startColumn);
}

/** The linted text with the actual findings written as annotations: what the fixture should say. */
function renderAnnotated(text: string, placed: readonly PlacedFinding[], positions: TextPositions): string {
  const out: string[] = [];
  for (let line = 0; line < positions.lineCount; line++) {
    out.push(positions.lineText(line));
    for (const item of placed.filter((candidate) => candidate.line === line)) {
      out.push(`${caretsFor(item, positions)} ${item.finding.ruleId} ${item.finding.message}`);
    }
  }
  return text.length === 0 ? '' : out.join('\n');
}

function describeAnnotation(annotation: Annotation, positions: TextPositions): string {
  const carets = ' '.repeat(annotation.startColumn) + '^'.repeat(annotation.endColumn - annotation.startColumn);
  return `  line ${annotation.line + 1} (fixture line ${annotation.fileLine}):\n    ${positions.lineText(annotation.line)}\n    ${carets} ${annotation.ruleId} ${annotation.fragment}`;
}

function describeFinding(placed: PlacedFinding, positions: TextPositions): string {
  return `  line ${placed.line + 1}:\n    ${positions.lineText(placed.line)}\n    ${caretsFor(placed, positions)} ${placed.finding.ruleId} ${placed.finding.message}`;
}

/** Applies every fix of every finding, round after round, until the text stops changing. */
export function fixAll(text: string, settings: Settings = defaultSettings): { text: string; rounds: number; converged: boolean } {
  let current = text;
  for (let round = 1; round <= maxFixRounds; round++) {
    const edits = collectFixEdits(lint(current, settings).findings);
    const next = edits.length === 0 ? current : applyEdits(current, edits).text;
    if (next === current) return { text: current, rounds: round - 1, converged: true };
    current = next;
  }
  return { text: current, rounds: maxFixRounds, converged: false };
}

function assertNoInternalErrors(findings: readonly Finding[], where: string): void {
  const broken = findings.filter((finding) => finding.message.startsWith(internalErrorPrefix));
  assert.equal(broken.length, 0, `${where}: a rule crashed:\n${broken.map((finding) => `  ${finding.ruleId}: ${finding.message}`).join('\n')}`);
}

export interface CheckOutcome {
  readonly fixture: Fixture;
  /** Every finding, of every rule, on the fixture's text. */
  readonly findings: readonly Finding[];
  /** The text after all fixes, when a `.fixed` file stands beside the fixture. */
  readonly fixedText?: string;
}

export function fixedPathOf(fixturePath: string): string {
  return `${fixturePath}.fixed`;
}

/** Checks one fixture; throws an assertion error that shows what the fixture should have said. */
export function check(fixturePath: string): CheckOutcome {
  const fixture = readFixture(fixturePath);
  const relative = path.relative(repositoryRoot, fixturePath);
  const { findings } = lintFixture(fixture);
  assertNoInternalErrors(findings, relative);
  const compared = fixture.compareAll ? findings : findings.filter((finding) => finding.ruleId === fixture.ruleId);

  const positions = new TextPositions(fixture.text);
  const placed = compared.map((finding) => place(finding, positions));
  const unmatched = [...placed];
  const missing: Annotation[] = [];
  for (const annotation of fixture.annotations) {
    const index = unmatched.findIndex((candidate) => matches(annotation, candidate));
    if (index < 0) missing.push(annotation);
    else unmatched.splice(index, 1);
  }
  if (missing.length > 0 || unmatched.length > 0) {
    const lines = [`${relative}: the findings differ from the annotations.`];
    if (missing.length > 0) lines.push('Expected but not reported:', ...missing.map((annotation) => describeAnnotation(annotation, positions)));
    if (unmatched.length > 0) lines.push('Reported but not expected:', ...unmatched.map((item) => describeFinding(item, positions)));
    lines.push('', 'The text annotated with what was reported:', '', renderAnnotated(fixture.text, placed, positions));
    assert.fail(lines.join('\n'));
  }

  const fixedPath = fixedPathOf(fixturePath);
  const hasFixedFile = fs.existsSync(fixedPath);
  const offersFix = compared.some((finding) => finding.fix && finding.fix.edits.length > 0);
  if (!hasFixedFile) {
    if (offersFix && process.env['UPDATE_FIXTURES'] !== '1') {
      assert.fail(`${relative}: its findings offer fixes, so ${path.relative(repositoryRoot, fixedPath)} must say what fixing gives (UPDATE_FIXTURES=1 writes it).`);
    }
    if (!offersFix) return { fixture, findings };
  }

  const fixed = fixAll(fixture.text, fixture.settings);
  if (!fixed.converged) {
    const changing = lint(fixed.text, fixture.settings).findings.filter((finding) => finding.fix && finding.fix.edits.length > 0);
    assert.fail(
      `${relative}: the fixes still change the text after ${maxFixRounds} rounds. The text then:\n\n${fixed.text}\n\nand the fixes still offered:\n${changing.map((finding) => `  ${finding.ruleId}: ${finding.fix?.title ?? ''} ${JSON.stringify(finding.fix?.edits)}`).join('\n')}`,
    );
  }
  if (process.env['UPDATE_FIXTURES'] === '1') {
    fs.writeFileSync(fixedPath, fixed.text);
  } else {
    const expected = fs.readFileSync(fixedPath, 'utf8');
    assert.equal(fixed.text, expected, `${relative}: the text after all fixes differs from ${path.relative(repositoryRoot, fixedPath)}`);
  }

  const after = lint(fixed.text, fixture.settings).findings;
  assertNoInternalErrors(after, `${relative} after fixing`);
  const stillFixable = after.filter((finding) => (fixture.compareAll || finding.ruleId === fixture.ruleId) && finding.fix);
  const afterPositions = new TextPositions(fixed.text);
  assert.equal(
    stillFixable.length,
    0,
    `${relative}: after all fixes, findings that offer a fix remain:\n${stillFixable.map((finding) => describeFinding(place(finding, afterPositions), afterPositions)).join('\n')}`,
  );
  return { fixture, findings, fixedText: fixed.text };
}

function isFixtureFile(name: string): boolean {
  return fixtureExtensions.some((extension) => name.endsWith(extension));
}

/** The fixture files of one folder, sorted. */
export function fixtureFilesIn(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && isFixtureFile(entry.name))
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

/** Every rule fixture folder (named after a rule id) with its fixture files. */
export function ruleFixtureFolders(): { ruleId: string; files: string[] }[] {
  if (!fs.existsSync(ruleFixturesRoot)) return [];
  return fs
    .readdirSync(ruleFixturesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ ruleId: entry.name, files: fixtureFilesIn(path.join(ruleFixturesRoot, entry.name)) }))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}
