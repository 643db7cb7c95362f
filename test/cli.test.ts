// The command line end to end: the built bin/resolint.js run as a child process, as a user runs it.
// The formatters are also checked in-process on made-up findings, which need no rule to exist.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, type Finding } from '../server/src/core/index';
import { jsonWithArray } from '../server/src/cli/formatters/formatter';
import { formatJson, toEslintResult } from '../server/src/cli/formatters/json';
import { formatSarif } from '../server/src/cli/formatters/sarif';
import { formatStylish } from '../server/src/cli/formatters/stylish';
import { buildFileReport } from '../server/src/cli/report';
import {
  cliFixtures,
  makeTempFolder,
  parseJsonOutput,
  readFixture,
  removeTempFolder,
  repositoryRoot,
  runResolint,
  type EslintResult,
} from './cli/run-resolint';
import { corpusFolder } from './support/shared';

const eslintResultKeys = [
  'filePath',
  'messages',
  'suppressedMessages',
  'errorCount',
  'fatalErrorCount',
  'warningCount',
  'fixableErrorCount',
  'fixableWarningCount',
  'usedDeprecatedRules',
];
const eslintMessageKeys = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'];

const slipsPath = path.join(cliFixtures, 'slips.resolution');
const cleanPath = path.join(cliFixtures, 'clean.resolution');
const rulesExist = allRules.some((rule) => rule.id === 'operative-numbering') && allRules.some((rule) => rule.id === 'operative-verb');

function assertEslintShape(results: readonly EslintResult[]): void {
  assert.ok(Array.isArray(results));
  for (const result of results) {
    const expectedKeys = result.messages.length > 0 ? [...eslintResultKeys, 'source'] : eslintResultKeys;
    assert.deepEqual(Object.keys(result).sort(), [...expectedKeys].sort(), `keys of the result for ${result.filePath}`);
    for (const message of result.messages) {
      const keys = message.fix ? [...eslintMessageKeys, 'fix'] : eslintMessageKeys;
      assert.deepEqual(Object.keys(message).sort(), [...keys].sort());
      assert.ok(message.severity === 1 || message.severity === 2);
      assert.ok(message.line >= 1 && message.column >= 1);
      if (message.fix) assert.deepEqual(Object.keys(message.fix).sort(), ['range', 'text']);
    }
  }
}

describe('resolint command line', () => {
  const tempFolders: string[] = [];
  const tempFolder = (files: Readonly<Record<string, string | Uint8Array>>): string => {
    const folder = makeTempFolder(files);
    tempFolders.push(folder);
    return folder;
  };
  after(() => tempFolders.forEach(removeTempFolder));

  describe('information', () => {
    it('--help prints the usage and every option', () => {
      const run = runResolint(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: resolint/);
      for (const option of ['--format', '--fix', '--import', '--config', '--rule', '--language', '--body', '--mode', '--max-warnings', '--list-rules', '--ext', '--stdin-filename', '--version']) {
        assert.ok(run.stdout.includes(option), `--help mentions ${option}`);
      }
    });

    it('--version prints the version of package.json', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };
      const run = runResolint(['--version']);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${manifest.version}\n`);
    });

    it('--list-rules prints each rule with its default severity, fixability and description, aligned', () => {
      const run = runResolint(['--list-rules']);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '');
      const lines = run.stdout.split('\n').filter((line) => line !== '');
      assert.equal(lines.length, allRules.length);
      const descriptionColumns = new Set<number>();
      allRules.forEach((rule, index) => {
        const line = lines[index] ?? '';
        assert.ok(line.startsWith(`${rule.id} `), line);
        assert.match(line, new RegExp(`\\s${rule.defaultSeverity}\\s`));
        assert.equal(/\sfixable\s/.test(line), rule.fixable, line);
        assert.ok(line.endsWith(rule.description), line);
        descriptionColumns.add(line.length - rule.description.length);
      });
      assert.ok(descriptionColumns.size <= 1, 'descriptions start in the same column');
    });
  });

  describe('usage errors exit 2 with a message', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown option', ['--frobnicate', cleanPath], /unknown option '--frobnicate'/],
      ['an unknown rule id', ['--rule', 'no-such-rule:off', cleanPath], /unknown rule id "no-such-rule"/],
      ['a bad severity', ['--rule', 'operative-numbering:loud', cleanPath], /operative-numbering:loud/],
      ['--rule without a severity', ['--rule', 'operative-numbering', cleanPath], /--rule operative-numbering/],
      ['an unknown format', ['--format', 'xml', cleanPath], /--format: expected one of stylish, json, sarif/],
      ['a bad --max-warnings', ['--max-warnings', 'many', cleanPath], /--max-warnings/],
      ['a bad --mode', ['--mode', 'fast', cleanPath], /--mode: expected one of "final", "negotiation"/],
      ['a bad --language', ['--language', 'english', cleanPath], /--language/],
      ['--format with --import (it prints a text)', ['--import', cleanPath, '--format', 'json'], /--import writes a text, not a report: --format does not apply/],
      ['--stdin-filename without "-"', ['--stdin-filename', 'x.resolution', cleanPath], /--stdin-filename names the draft read from standard input: give "-" as well/],
      ['a language code Resolint does not know (it would switch the opener checks off)', ['--language', 'eb', cleanPath], /--language: expected "auto" or a language Resolint knows \("en", "fr", "es", "ru", "ar", "zh"\), found "eb"/],
      ['--import with two files', ['--import', cleanPath, cleanPath], /--import/],
      ['no target', [], /no files, folders or "-" given/],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const run = runResolint(args);
        assert.equal(run.status, 2);
        assert.match(run.stderr, message);
        assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
        assert.equal(run.stdout, '');
      });
    }

    it('a quoted pattern: the files it names, in order, below hidden folders and node_modules', () => {
      const folder = tempFolder({
        'drafts/b.res.md': readFixture('clean.resolution'),
        'drafts/a/one.res.md': readFixture('clean.resolution'),
        'drafts/notes.txt': 'not matched',
        'drafts/.old/hidden.res.md': readFixture('slips.resolution'),
        'drafts/node_modules/x.res.md': readFixture('slips.resolution'),
      });
      const run = runResolint(['--format', 'json', 'drafts/**/*.res.md'], { cwd: folder });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(parseJsonOutput(run).map((result) => result.filePath), [path.join(folder, 'drafts/a/one.res.md'), path.join(folder, 'drafts/b.res.md')]);
    });

    it('a pattern that matches nothing, and a folder with no drafts, are errors, not a clean run', () => {
      const folder = tempFolder({ 'empty/notes.md': 'nothing here' });
      const pattern = runResolint(['drafts/*.resolution'], { cwd: folder });
      assert.equal(pattern.status, 2);
      assert.match(pattern.stderr, /drafts\/\*\.resolution: no file matches this pattern/);
      const empty = runResolint(['empty'], { cwd: folder });
      assert.equal(empty.status, 2);
      assert.match(empty.stderr, /empty: no drafts in this folder \(files ending \.resolution, \.res\.md, \.txt are checked; --ext sets the endings\)/);
    });

    it('an output that cannot be written (a full disk): one line and status 2, no stack trace', function () {
      if (!fs.existsSync('/dev/full')) this.skip();
      for (const args of [[cleanPath], ['--format', 'json', cleanPath]]) {
        const run = runResolint(args, { stdoutFile: '/dev/full' });
        assert.equal(run.status, 2);
        assert.equal(run.stderr, 'resolint: cannot write the output (no space left on the device); what it held is lost\n');
      }
    });

    it('a missing file, while still linting the others', () => {
      const run = runResolint(['--format', 'json', 'no/such/draft.resolution', cleanPath]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no\/such\/draft\.resolution: no such file or folder/);
      assert.deepEqual(parseJsonOutput(run).map((result) => result.filePath), [cleanPath]);
    });
  });

  describe('--format json', () => {
    it("prints ESLint's result shape for every file linted", () => {
      const folder = tempFolder({ 'clean.resolution': readFixture('clean.resolution'), 'slips.resolution': readFixture('slips.resolution') });
      const run = runResolint(['--format', 'json', folder]);
      const results = parseJsonOutput(run);
      assertEslintShape(results);
      assert.deepEqual(
        results.map((result) => result.filePath),
        [path.join(folder, 'clean.resolution'), path.join(folder, 'slips.resolution')],
      );
      for (const result of results) {
        assert.ok(path.isAbsolute(result.filePath));
        assert.deepEqual((result as unknown as Record<string, unknown>)['suppressedMessages'], []);
        assert.deepEqual((result as unknown as Record<string, unknown>)['usedDeprecatedRules'], []);
        assert.equal((result as unknown as Record<string, unknown>)['fatalErrorCount'], 0);
      }
    });

    it('reads "-" from standard input, named "<text>"', () => {
      const run = runResolint(['--format', 'json', '-'], { input: readFixture('clean.resolution') });
      assert.equal(run.status, 0, run.stderr);
      const results = parseJsonOutput(run);
      assertEslintShape(results);
      assert.deepEqual(results.map((result) => result.filePath), ['<text>']);
    });

    it('names standard input after --stdin-filename, resolved like ESLint does, and uses the settings beside it', () => {
      const folder = tempFolder({ 'drafts/.resolintrc.json': '{"mode": "fast"}' });
      const run = runResolint(['--format', 'json', '--stdin-filename', 'drafts/new.resolution', '-'], { cwd: folder, input: readFixture('clean.resolution') });
      // The settings file beside the named draft is broken: proof that it was the one looked up.
      assert.equal(run.status, 2);
      assert.match(run.stderr, /drafts[\\/]\.resolintrc\.json: \$\.mode/);

      const fine = runResolint(['--format', 'json', '--stdin-filename', 'new.resolution', '-'], { cwd: folder, input: readFixture('clean.resolution') });
      assert.equal(fine.status, 0, fine.stderr);
      assert.deepEqual(parseJsonOutput(fine).map((result) => result.filePath), [path.join(folder, 'new.resolution')]);
    });
  });

  describe('--format sarif', () => {
    it('prints SARIF 2.1.0: one run, every rule with its help URI', () => {
      const run = runResolint(['--format', 'sarif', cleanPath]);
      assert.equal(run.status, 0, run.stderr);
      const log = JSON.parse(run.stdout) as {
        version: string;
        runs: { tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } }; results: unknown[] }[];
      };
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const driver = log.runs[0]?.tool.driver;
      assert.equal(driver?.name, 'resolint');
      assert.deepEqual(driver?.rules.map((rule) => rule.id), allRules.map((rule) => rule.id));
      assert.ok(driver?.rules.every((rule) => rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`)));
      assert.deepEqual(log.runs[0]?.results, []);
    });
  });

  describe('unreadable files', () => {
    it('names each binary or non-UTF-8 file on one stderr line, lints the others, exits 2', () => {
      const folder = tempFolder({
        'binary.txt': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]),
        'good.resolution': readFixture('clean.resolution'),
        'latin1.txt': Buffer.from('The General Assembly,\n\nNoting the r\u00e9sum\u00e9,\n', 'latin1'),
        'utf16.txt': Buffer.from('\ufeffThe General Assembly,\n', 'utf16le'),
      });
      const run = runResolint(['--format', 'json', folder]);
      assert.equal(run.status, 2);
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 3, run.stderr);
      assert.match(lines[0] ?? '', /^resolint: .*binary\.txt: binary file \(NUL byte at offset 6\)/);
      assert.match(lines[1] ?? '', /^resolint: .*latin1\.txt: not UTF-8 text \(invalid byte 0xE9 at offset 35, line 3\)/);
      assert.match(lines[2] ?? '', /^resolint: .*utf16\.txt: UTF-16 text/);
      const results = parseJsonOutput(run);
      assert.deepEqual(results.map((result) => result.filePath), [path.join(folder, 'good.resolution')]);
    });

    it('names UTF-16 text without a byte order mark as UTF-16, either byte order, not as a binary', () => {
      const littleEndian = Buffer.from(readFixture('clean.resolution'), 'utf16le');
      const bigEndian = Buffer.from(littleEndian).swap16();
      const folder = tempFolder({
        'binary.txt': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3e, 0x00]),
        'utf16be.resolution': bigEndian,
        'utf16le.resolution': littleEndian,
      });
      const run = runResolint(['--format', 'json', folder]);
      assert.equal(run.status, 2);
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 3, run.stderr);
      assert.match(lines[0] ?? '', /^resolint: .*binary\.txt: binary file \(NUL byte at offset 6\)/);
      assert.match(lines[1] ?? '', /^resolint: .*utf16be\.resolution: UTF-16 text \(big-endian, without a byte order mark\), not UTF-8; save it as UTF-8$/);
      assert.match(lines[2] ?? '', /^resolint: .*utf16le\.resolution: UTF-16 text \(little-endian, without a byte order mark\), not UTF-8; save it as UTF-8$/);
    });

    it('names a Word document, an OpenDocument text, a PDF, an old Word file and Rich Text by what they are, with what to do', () => {
      /** A ZIP archive's first local header, naming `part` (the bytes that tell the formats apart). */
      const archive = (part: string): Buffer => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(part, 'latin1'), Buffer.from([0x00, 0x01, 0xff])]);
      const folder = tempFolder({
        'a.docx': archive('[Content_Types].xml\u0000word/document.xml'),
        'b.odt': archive('mimetypeapplication/vnd.oasis.opendocument.text'),
        'c.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n')]),
        'd.doc': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]),
        'e.rtf': '{\\rtf1\\ansi The General Assembly,\\par}',
        'f.zip': archive('notes.txt'),
      });
      const files = ['a.docx', 'b.odt', 'c.pdf', 'd.doc', 'e.rtf', 'f.zip'].map((name) => path.join(folder, name));
      const run = runResolint(files);
      assert.equal(run.status, 2);
      const plainText = 'save it as a Word document (.docx), which `resolint --import` reads with its numbering and footnotes, or as plain text (UTF-8)';
      assert.deepEqual(run.stderr.trimEnd().split('\n'), [
        `resolint: ${files[0]}: a Word document (.docx), not text: \`resolint --import\` reads it into the draft format`,
        `resolint: ${files[1]}: an OpenDocument text (.odt), not text: \`resolint --import\` reads it into the draft format`,
        `resolint: ${files[2]}: a PDF file, not text: copy its text (select all, copy) into a text file, and import that (\`resolint --import\`) into the draft format`,
        `resolint: ${files[3]}: a Word 97–2003 document (.doc) or another Office file, not text: ${plainText}`,
        `resolint: ${files[4]}: a Rich Text Format file (.rtf), not plain text: ${plainText}`,
        `resolint: ${files[5]}: a ZIP archive, not text`,
      ]);
    });

    it('reports invalid UTF-8 on standard input the same way', () => {
      const run = runResolint(['-'], { input: new Uint8Array([0x41, 0xc3, 0x28]) });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, 'resolint: <text>: not UTF-8 text (invalid byte 0xC3 at offset 1, line 1); save it as UTF-8\n');
    });

    it('accepts a byte order mark', () => {
      const run = runResolint(['--format', 'json', '-'], { input: `\ufeff${readFixture('clean.resolution')}` });
      assert.equal(run.status, 0, run.stderr);
    });
  });

  describe('settings files', () => {
    it('a broken .resolintrc.json: one message naming the file, the JSON path and what was expected; its drafts are not linted; exit 2', () => {
      const folder = tempFolder({
        'broken/.resolintrc.json': '{ "mode": "fast" }',
        'broken/draft.resolution': readFixture('clean.resolution'),
        'fine/draft.resolution': readFixture('clean.resolution'),
      });
      const run = runResolint(['--format', 'json', folder]);
      assert.equal(run.status, 2);
      assert.equal(
        run.stderr,
        `resolint: ${path.join(folder, 'broken', '.resolintrc.json')}: $.mode: expected one of "final", "negotiation", found "fast"\n`,
      );
      assert.deepEqual(parseJsonOutput(run).map((result) => result.filePath), [path.join(folder, 'fine', 'draft.resolution')]);
    });

    it('a settings file that is not JSON', () => {
      const folder = tempFolder({ '.resolintrc.json': '{ "mode": ', 'draft.resolution': readFixture('clean.resolution') });
      const run = runResolint([folder]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /\.resolintrc\.json: \$: not valid JSON/);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    });

    it('a broken --config stops before linting anything', () => {
      const folder = tempFolder({ 'settings.json': '{ "rules": [] }', 'draft.resolution': readFixture('clean.resolution') });
      const run = runResolint(['--format', 'json', '--config', path.join(folder, 'settings.json'), folder]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /settings\.json: \$\.rules: expected an object/);
      assert.equal(run.stdout, '');
    });

    it('a missing --config', () => {
      const run = runResolint(['--config', 'no-such-settings.json', cleanPath]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no-such-settings\.json: \$: cannot read the file/);
    });
  });

  describe('folder walk', () => {
    it('takes *.resolution, *.res.md and *.txt in sorted order, skips other files, node_modules and dot-folders', () => {
      const draft = readFixture('clean.resolution');
      const folder = tempFolder({
        'b.res.md': draft,
        'a.resolution': draft,
        'c.txt': draft,
        'd.md': draft,
        'e.tsv': 'a\tb\n',
        'f.res': draft,
        'node_modules/pkg/x.txt': draft,
        '.git/y.txt': draft,
        'sub/z.txt': draft,
        'sub/deeper/w.resolution': draft,
      });
      fs.symlinkSync(folder, path.join(folder, 'sub', 'loop'), 'dir');
      const run = runResolint(['--format', 'json', folder]);
      assert.equal(run.status, 0, run.stderr);
      const relative = parseJsonOutput(run).map((result) => path.relative(folder, result.filePath).split(path.sep).join('/'));
      assert.deepEqual(relative, ['a.resolution', 'b.res.md', 'c.txt', 'sub/deeper/w.resolution', 'sub/z.txt']);
    });

    it('lints a file named on the command line whatever its ending, once', () => {
      const folder = tempFolder({ 'notes.md': readFixture('clean.resolution') });
      const notes = path.join(folder, 'notes.md');
      const run = runResolint(['--format', 'json', notes, notes]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(parseJsonOutput(run).map((result) => result.filePath), [notes]);
    });

    it('--ext replaces the endings a walk takes', () => {
      const draft = readFixture('clean.resolution');
      const folder = tempFolder({ 'a.resolution': draft, 'b.draft': draft, 'c.txt': draft, 'd.md': draft });
      const run = runResolint(['--format', 'json', '--ext', '.draft,md', folder]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(parseJsonOutput(run).map((result) => path.basename(result.filePath)), ['b.draft', 'd.md']);
    });

    it('lints the shared corpus quickly, skipping its .md and .tsv files', function () {
      const corpus = corpusFolder;
      if (!fs.existsSync(corpus)) this.skip();
      const started = Date.now();
      const run = runResolint(['--format', 'json', corpus]);
      const elapsed = Date.now() - started;
      assert.notEqual(run.status, 2, run.stderr);
      const results = parseJsonOutput(run);
      assertEslintShape(results);
      assert.ok(results.length >= 100, `${results.length} drafts`);
      assert.ok(results.every((result) => /\.(txt|resolution|res\.md)$/.test(result.filePath)));
      assert.ok(elapsed < 10000, `took ${elapsed} ms`);
    });
  });

  describe('exit status and findings', () => {
    it('exits 0 on a clean draft and prints nothing in stylish', () => {
      const run = runResolint([cleanPath]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
    });

    describe('once operative-numbering and operative-verb exist', () => {
      before(function () {
        if (!rulesExist) this.skip();
      });

      it('finds the slips at their lines and columns and exits 1', () => {
        const run = runResolint(['--format', 'json', slipsPath]);
        assert.equal(run.status, 1, run.stderr);
        const [result] = parseJsonOutput(run);
        assert.ok(result);
        assertEslintShape([result]);
        assert.equal(result.source, readFixture('slips.resolution'));
        const numbering = result.messages.find((message) => message.ruleId === 'operative-numbering');
        const verb = result.messages.find((message) => message.ruleId === 'operative-verb');
        assert.deepEqual(numbering && [numbering.line, numbering.column], [7, 1]);
        assert.deepEqual(verb && [verb.line, verb.column], [7, 4]);
        assert.ok(result.errorCount >= 1);
      });

      it('gives the same positions for text with a byte order mark on standard input', () => {
        const run = runResolint(['--format', 'json', '-'], { input: `\ufeff${readFixture('slips.resolution')}` });
        const [result] = parseJsonOutput(run);
        const numbering = result?.messages.find((message) => message.ruleId === 'operative-numbering');
        assert.deepEqual(numbering && [numbering.line, numbering.column], [7, 1]);
      });

      it('--rule <id>:off removes that rule\'s findings', () => {
        const run = runResolint(['--format', 'json', '--rule', 'operative-numbering:off', slipsPath]);
        const [result] = parseJsonOutput(run);
        assert.ok(result);
        assert.ok(!result.messages.some((message) => message.ruleId === 'operative-numbering'));
        assert.ok(result.messages.some((message) => message.ruleId === 'operative-verb'));

        const quiet = runResolint(['--format', 'json', '--rule', 'operative-numbering:off', '--rule', 'operative-verb:off', slipsPath]);
        const [quietResult] = parseJsonOutput(quiet);
        assert.ok(quietResult && !quietResult.messages.some((message) => /^operative-(numbering|verb)$/.test(message.ruleId)));
      });

      it('a settings file can turn a rule off too', () => {
        const folder = tempFolder({ '.resolintrc.json': '{"rules": {"operative-numbering": "off"}}', 'slips.resolution': readFixture('slips.resolution') });
        const [result] = parseJsonOutput(runResolint(['--format', 'json', folder]));
        assert.ok(result && !result.messages.some((message) => message.ruleId === 'operative-numbering'));
      });

      it('--rule <id>:information shows that rule as a warning; --max-warnings 0 then exits 1', () => {
        const args = ['--format', 'json', '--rule', 'operative-numbering:information', '--rule', 'operative-verb:off'];
        const run = runResolint([...args, slipsPath]);
        const [result] = parseJsonOutput(run);
        const numbering = result?.messages.find((message) => message.ruleId === 'operative-numbering');
        assert.equal(numbering?.severity, 1);
        const strict = runResolint([...args, '--max-warnings', '0', slipsPath]);
        assert.equal(strict.status, 1);
        assert.match(strict.stderr, /too many warnings/);
      });

      it('stylish: a header, aligned rows and a summary', () => {
        const run = runResolint([slipsPath]);
        assert.equal(run.status, 1);
        assert.ok(run.stdout.includes(`\n${slipsPath}\n`), run.stdout);
        assert.match(run.stdout, /^ {2}7:1 +error +.+ {2}operative-numbering$/m);
        assert.match(run.stdout, /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)$/m);
        assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colours when stdout is not a terminal');
      });
    });
  });
});

describe('resolint output formats (in-process, made-up findings)', () => {
  const text = 'The General Assembly,\n\ud83c\udf0d 1. Decides;\n2. Requests.\n';
  const finding = (ruleId: string, severity: Finding['severity'], start: number, end: number, extra: Partial<Finding> = {}): Finding => ({
    ruleId,
    severity,
    message: `${ruleId} says so.`,
    span: { start, end },
    related: [],
    ...extra,
  });
  const secondLine = text.indexOf('1.');
  /** What the command line writes: a formatter's pieces, one after the other. */
  const whole = (pieces: Iterable<string>): string => [...pieces].join('');

  it('columns count UTF-16 units from 1, as ESLint does', () => {
    const report = buildFileReport('/drafts/a.resolution', text, [finding('rule-a', 'error', secondLine, secondLine + 2)], new Set());
    const [result] = JSON.parse(whole(formatJson([report], { rules: [], toolVersion: '0', colors: false }))) as EslintResult[];
    const [message] = result?.messages ?? [];
    assert.deepEqual(message && [message.line, message.column, message.endLine, message.endColumn], [2, 4, 2, 6]);
    assert.equal(result?.source, text);
  });

  it('merges a fix of several edits into one range, keeping the text between them', () => {
    const fix = {
      title: 'Renumber',
      edits: [
        { span: { start: text.indexOf('2.'), end: text.indexOf('2.') + 1 }, newText: '3' },
        { span: { start: secondLine, end: secondLine + 1 }, newText: '2' },
      ],
    };
    const report = buildFileReport('/a', text, [finding('rule-a', 'warning', secondLine, secondLine + 1, { fix })], new Set());
    const [result] = JSON.parse(whole(formatJson([report], { rules: [], toolVersion: '0', colors: false }))) as EslintResult[];
    const merged = result?.messages[0]?.fix;
    assert.deepEqual(merged?.range, [secondLine, text.indexOf('2.') + 1]);
    assert.equal(merged?.text, `2${text.slice(secondLine + 1, text.indexOf('2.'))}3`);
    assert.equal(result?.fixableWarningCount, 1);
  });

  it('merges a fix that several findings share once, and gives them all the same merged fix', () => {
    // operative-numbering gives every finding of a draft the same renumbering edits, each in a fix of its own.
    const edits = [
      { span: { start: secondLine, end: secondLine + 1 }, newText: '2' },
      { span: { start: text.indexOf('2.'), end: text.indexOf('2.') + 1 }, newText: '3' },
    ];
    const findings = [0, 1, 2].map(() => finding('rule-a', 'error', secondLine, secondLine + 1, { fix: { title: 'Renumber', edits } }));
    const report = buildFileReport('/a', text, findings, new Set());
    const [first, second, third] = report.messages;
    assert.ok(first?.fix, 'the findings are fixable');
    assert.equal(second?.fix, first.fix);
    assert.equal(third?.fix, first.fix);
    assert.equal(report.fixableErrorCount, 3);
  });

  it('writes JSON and SARIF a message at a time, the pieces joined being the whole output', () => {
    const fix = { title: 'Renumber', edits: [{ span: { start: secondLine, end: secondLine + 1 }, newText: '"2"\n' }] };
    const reports = [
      // A path that holds what the pieces are cut at: the cut is at the key, not at the first look-alike.
      buildFileReport('/drafts/"messages":[] "results": [].resolution', text, [finding('rule-a', 'error', 0, 3, { fix }), finding('rule-b', 'warning', secondLine, secondLine + 2), finding('rule-a', 'error', 4, 5, { fix })], new Set()),
      buildFileReport('/drafts/clean.resolution', text, [], new Set()),
    ];
    const context = { rules: allRules, toolVersion: '0', colors: false };
    const jsonPieces = [...formatJson(reports, context)];
    // A piece per message and a few around them: not the whole output at once, nor a character at a time.
    assert.ok(jsonPieces.length >= 2 + 3 + 2 && jsonPieces.length <= 12, `pieces: ${jsonPieces.length}`);
    assert.equal(jsonPieces.join(''), `${JSON.stringify(reports.map(toEslintResult))}\n`);
    const sarifPieces = [...formatSarif(reports, context)];
    const sarif = sarifPieces.join('');
    const parsed = JSON.parse(sarif) as { runs: { results: { ruleId: string; fixes?: unknown[] }[] }[] };
    assert.deepEqual(parsed.runs[0]?.results.map((result) => [result.ruleId, result.fixes?.length ?? 0]), [['rule-a', 1], ['rule-b', 0], ['rule-a', 1]]);
    // Exactly what stringifying the whole log with two spaces gives: the pieces are indented as it indents.
    assert.equal(sarif, `${JSON.stringify(parsed, null, 2)}\n`);
    const none = [...formatSarif([reports[1] as (typeof reports)[number]], context)].join('');
    assert.equal(none, `${JSON.stringify(JSON.parse(none), null, 2)}\n`);
    assert.match(none, /"results": \[\]/);
  });

  it('jsonWithArray joins to what stringifying the filled container gives', () => {
    const items = [{ a: 'x"y\nz', b: [1, [2, { c: null }]] }, 'text', 3, [], {}];
    for (const indent of [0, 2, 4]) {
      for (const list of [items, [], [items[0]]]) {
        const container = { before: { key: '"list":[]', n: [1, 2] }, deep: { list: [] as unknown[] }, after: 'end' };
        const expected = JSON.stringify({ ...container, deep: { list } }, null, indent);
        assert.equal([...jsonWithArray(container, 'list', list, indent)].join(''), expected, `indent ${indent}, ${list.length} items`);
      }
    }
  });

  it('leaves out information and hint findings unless raised with --rule, then shows them as warnings', () => {
    const findings = [finding('rule-i', 'information', 0, 3), finding('rule-h', 'hint', 4, 5)];
    assert.deepEqual(buildFileReport('/a', text, findings, new Set()).messages, []);
    const raised = buildFileReport('/a', text, findings, new Set(['rule-i']));
    const [result] = JSON.parse(whole(formatJson([raised], { rules: [], toolVersion: '0', colors: false }))) as EslintResult[];
    assert.deepEqual(result?.messages.map((message) => [message.ruleId, message.severity]), [['rule-i', 1]]);
    assert.equal(result?.warningCount, 1);
  });

  it('stylish aligns the rows like ESLint and colours only when asked', () => {
    const long = 'x\n'.repeat(9);
    const source = `${long}abcdefghijklmnop\n`;
    const report = buildFileReport(
      '/drafts/a.resolution',
      source,
      [finding('rule-a', 'error', 2, 3), finding('rule-bb', 'warning', long.length + 11, long.length + 12)],
      new Set(),
    );
    const output = whole(formatStylish([report], { rules: [], toolVersion: '0', colors: false }));
    assert.equal(
      output,
      [
        '',
        '/drafts/a.resolution',
        '   2:1   error    rule-a says so   rule-a',
        '  10:12  warning  rule-bb says so  rule-bb',
        '',
        '\u2716 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
    assert.match(whole(formatStylish([report], { rules: [], toolVersion: '0', colors: true })), /\u001b\[31merror\u001b\[39m/);
    assert.equal(whole(formatStylish([buildFileReport('/b', 'x', [], new Set())], { rules: [], toolVersion: '0', colors: false })), '');
  });
});

describe('resolint on long drafts', () => {
  /** A draft whose operative paragraphs are all numbered "1.": a finding each, all with one renumbering fix. */
  const allNumberedOne = (count: number): string =>
    `${['The General Assembly,', '', ...Array.from({ length: count }, () => ['1. Decides to remain seized of the matter;', '']).flat()].join('\n').replace(/;\n$/, '.')}\n`;

  it('reports 2,999 findings that share one fix in little memory (each merged it anew: gigabytes)', () => {
    const folder = makeTempFolder({ 'long.resolution': allNumberedOne(3000) });
    try {
      // 128 MB of heap: merging the renumbering again for each finding needed about 1 GB here.
      const run = runResolint(['long.resolution'], { cwd: folder, env: { NODE_OPTIONS: '--max-old-space-size=128' } });
      assert.equal(run.status, 1, run.stderr.slice(0, 300));
      // The first "1." is right: the 2,999 after it are not.
      assert.match(run.stdout, /✖ 2999 problems \(2999 errors, 0 warnings\)/);
      assert.match(run.stdout, /2999 errors and 0 warnings potentially fixable/);
    } finally {
      removeTempFolder(folder);
    }
  });

  it('gives every finding the whole renumbering as its fix in JSON, as ESLint merges a fix', () => {
    const folder = makeTempFolder({ 'long.resolution': allNumberedOne(300) });
    try {
      const [result] = parseJsonOutput(runResolint(['--format', 'json', 'long.resolution'], { cwd: folder }));
      const fixes = new Set(result?.messages.map((message) => JSON.stringify(message.fix)));
      assert.equal(result?.messages.length, 299);
      assert.equal(fixes.size, 1, 'one and the same fix');
      const [fix] = result?.messages ?? [];
      // From the second paragraph's number to the last's, the numbers renumbered and the text between kept.
      assert.match(fix?.fix?.text ?? '', /^2\. Decides[\s\S]*\n\n299\. Decides to remain seized of the matter;\n\n300$/);
    } finally {
      removeTempFolder(folder);
    }
  });
});
