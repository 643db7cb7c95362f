// The bar every rule is held to (rules.md): on adopted resolutions the linter stays silent except
// where the adopted text really breaks the convention. Lints every .txt of ../shared/corpus
// (fr/ and pdf_layout/ included) and measures warnings and errors per 100 paragraphs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { internalErrorPrefix, type Finding, type Paragraph, type SubParagraph } from '../server/src/core/index';
import { lintFile } from './check';
import { corpusFolder } from './support/shared';

/** The most warnings and errors per 100 paragraphs the corpus may draw. */
const maximumRate = 1.0;
/**
 * Files that SOURCES.md lists under "Extraction defects": the extraction lost or moved text, so
 * they are not clean adopted text. Left out of the rate, in corpus/ and in corpus/pdf_layout/ alike.
 */
const defectiveFiles = ['A_RES_80_3', 'A_RES_80_9', 'A_RES_80_5', 'A_RES_80_57', 'A_RES_80_59'];

interface LintedFile {
  /** Relative to the corpus folder, with forward slashes. */
  readonly name: string;
  readonly defective: boolean;
  readonly paragraphs: number;
  readonly findings: readonly Finding[];
  readonly lineOf: (offset: number) => number;
  readonly error?: string;
}

function corpusFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return corpusFiles(full);
    return entry.isFile() && entry.name.endsWith('.txt') ? [full] : [];
  });
}

function countSubparagraphs(items: readonly SubParagraph[]): number {
  return items.reduce((sum, item) => sum + 1 + countSubparagraphs(item.children), 0);
}

function countParagraphs(paragraphs: readonly Paragraph[]): number {
  return paragraphs.reduce((sum, paragraph) => sum + 1 + countSubparagraphs(paragraph.subparagraphs), 0);
}

const isWarningOrError = (finding: Finding): boolean => finding.severity === 'error' || finding.severity === 'warning';

function lintCorpus(): LintedFile[] {
  return corpusFiles(corpusFolder)
    .sort()
    .map((file) => {
      const name = path.relative(corpusFolder, file).split(path.sep).join('/');
      const defective = defectiveFiles.includes(path.basename(file, '.txt'));
      try {
        const result = lintFile(file);
        return { name, defective, paragraphs: countParagraphs(result.draft.paragraphs), findings: result.findings, lineOf: result.lineOf };
      } catch (error) {
        return { name, defective, paragraphs: 0, findings: [], lineOf: () => 0, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
    });
}

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

describe('the corpus of adopted texts (../shared/corpus)', function () {
  this.timeout(60000);
  let linted: LintedFile[] = [];

  before(function () {
    if (!fs.existsSync(corpusFolder)) this.skip();
    linted = lintCorpus();
  });

  it('lints every file without an exception or a crashed rule', () => {
    assert.ok(linted.length > 0, `no .txt file under ${corpusFolder}`);
    const problems = linted.flatMap((file) => [
      ...(file.error ? [`${file.name}: lint threw: ${file.error}`] : []),
      ...file.findings.filter((finding) => finding.message.startsWith(internalErrorPrefix)).map((finding) => `${file.name}: ${finding.ruleId}: ${finding.message}`),
    ]);
    assert.deepEqual(problems, []);
  });

  it('leaves out only files that exist and that SOURCES.md calls defective', () => {
    const names = new Set(linted.map((file) => path.basename(file.name, '.txt')));
    assert.deepEqual(defectiveFiles.filter((name) => !names.has(name)), [], 'defective files listed here but absent from the corpus');
    const sourcesPath = path.join(corpusFolder, 'SOURCES.md');
    if (fs.existsSync(sourcesPath)) {
      const sources = fs.readFileSync(sourcesPath, 'utf8');
      const defectSection = sources.slice(sources.indexOf('Extraction defects'));
      assert.deepEqual(defectiveFiles.filter((name) => !defectSection.includes(`\`${name}\``)), [], 'files left out that SOURCES.md does not list under "Extraction defects"');
    }
  });

  it(`draws at most ${maximumRate} warnings and errors per 100 paragraphs (defective files left out)`, () => {
    const counted = linted.filter((file) => !file.defective);
    const paragraphs = counted.reduce((sum, file) => sum + file.paragraphs, 0);
    const findings = counted.flatMap((file) => file.findings.filter(isWarningOrError).map((finding) => ({ file, finding })));
    const rate = paragraphs === 0 ? 0 : (findings.length / paragraphs) * 100;

    // The figure and its breakdown, for the lead to copy.
    console.log(`\n    corpus: ${counted.length} files (${linted.length - counted.length} defective left out), ${paragraphs} paragraphs and sub-paragraphs`);
    console.log(`    warnings + errors: ${findings.length} = ${rate.toFixed(2)} per 100 paragraphs (limit ${maximumRate})`);
    console.log('    per rule:');
    for (const [ruleId, count] of countBy(findings, ({ finding }) => finding.ruleId)) console.log(`      ${String(count).padStart(5)}  ${ruleId}`);
    console.log('    per set:');
    for (const [set, count] of countBy(findings, ({ file }) => (file.name.includes('/') ? `${file.name.split('/')[0] ?? ''}/` : (file.name.match(/^[A-Z]_RES_\d+/)?.[0]?.replace(/_\d+$/, '') ?? file.name)))) {
      console.log(`      ${String(count).padStart(5)}  ${set}`);
    }
    console.log('    most findings:');
    for (const [name, count] of countBy(findings, ({ file }) => file.name).slice(0, 10)) console.log(`      ${String(count).padStart(5)}  ${name}`);

    assert.ok(
      rate <= maximumRate,
      `${rate.toFixed(2)} warnings and errors per 100 paragraphs on adopted texts (limit ${maximumRate}); first ones:\n${findings
        .slice(0, 15)
        .map(({ file, finding }) => `  ${file.name}:${file.lineOf(finding.span.start)} ${finding.ruleId}: ${finding.message}`)
        .join('\n')}`,
    );
  });

  it('finds nothing to warn about in A/RES/61/181, the founding text', () => {
    const founding = linted.find((file) => file.name === 'A_RES_61_181.txt');
    assert.ok(founding, 'A_RES_61_181.txt is missing from the corpus');
    const reported = founding.findings.filter(isWarningOrError).map((finding) => `line ${founding.lineOf(finding.span.start)}: ${finding.ruleId}: ${finding.message}`);
    assert.deepEqual(reported, []);
  });
});
