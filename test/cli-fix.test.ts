// `resolint --fix` end to end (the built bin/resolint.js in throwaway folders), the atomic writer
// with failures injected, the file-size limit and symbolic-link loops in folder walks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic, temporaryPathFor } from '../server/src/node/atomic-write';
import { maxTextFileBytes, maxTextFileMegabytes, readTextFile } from '../server/src/node/text-file';
import { dominantLineEnding, withLineEnding } from '../server/src/cli/fix';
import { makeTempFolder, parseJsonOutput, readFixture, removeTempFolder, runResolint } from './cli/run-resolint';

const slips = readFixture('slips.resolution');
/** slips.resolution with both slips fixed: "3." after "1." renumbered, "Urging" made "Urges". */
const slipsFixed = [
  'The General Assembly,',
  '',
  'Recalling its resolution 60/1 of 16 September 2005,',
  '',
  '1. Decides to convene a high-level meeting;',
  '',
  '2. Urges the Secretary-General to report thereon.',
  '',
].join('\n');
const clean = readFixture('clean.resolution');

const isRoot = process.getuid?.() === 0;
const isWindows = process.platform === 'win32';

/** The names in a folder, sorted: shows that no temporary file was left behind. */
function namesIn(folder: string): string[] {
  return fs.readdirSync(folder).sort();
}

function asLineEnding(text: string, lineEnding: string): string {
  return text.replace(/\r?\n/g, lineEnding);
}

describe('resolint --fix', () => {
  const tempFolders: string[] = [];
  const tempFolder = (files: Readonly<Record<string, string | Uint8Array>>): string => {
    const folder = makeTempFolder(files);
    tempFolders.push(folder);
    return folder;
  };
  after(() => tempFolders.forEach(removeTempFolder));

  describe('in place', () => {
    it('fixes the slips exactly, leaves no temporary file, and linting again finds nothing fixable', () => {
      const folder = tempFolder({ 'draft.resolution': slips });
      const draft = path.join(folder, 'draft.resolution');
      const run = runResolint(['--fix', draft]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '', 'stylish prints nothing when nothing is left');
      assert.equal(run.stderr, '');
      assert.equal(fs.readFileSync(draft, 'utf8'), slipsFixed);
      assert.deepEqual(namesIn(folder), ['draft.resolution']);

      const again = runResolint(['--format', 'json', draft]);
      assert.equal(again.status, 0, again.stderr);
      const [result] = parseJsonOutput(again);
      assert.ok(result);
      assert.deepEqual(result.messages.filter((message) => message.fix), []);
    });

    it('reports the fixed text as ESLint\'s "output" (and then no "source") in --format json', () => {
      const folder = tempFolder({ 'draft.resolution': slips, 'clean.resolution': clean });
      const run = runResolint(['--fix', '--format', 'json', folder]);
      assert.equal(run.status, 0, run.stderr);
      const results = parseJsonOutput(run) as unknown as Record<string, unknown>[];
      const byName = new Map(results.map((result) => [path.basename(String(result['filePath'])), result]));
      assert.equal(byName.get('draft.resolution')?.['output'], slipsFixed);
      assert.ok(!('source' in (byName.get('draft.resolution') ?? {})));
      assert.ok(!('output' in (byName.get('clean.resolution') ?? {})), 'an unchanged file has no output');
      assert.deepEqual(Object.keys(byName.get('draft.resolution') ?? {}), [
        'filePath',
        'messages',
        'suppressedMessages',
        'errorCount',
        'fatalErrorCount',
        'warningCount',
        'fixableErrorCount',
        'fixableWarningCount',
        'output',
        'usedDeprecatedRules',
      ]);
    });

    it('exits by the findings left after fixing, and reports only those', () => {
      const unfixable = slips.replace('2005,', '2005,[^1]');
      const folder = tempFolder({ 'draft.resolution': unfixable });
      const draft = path.join(folder, 'draft.resolution');
      const run = runResolint(['--fix', '--format', 'json', draft]);
      assert.equal(run.status, 1, run.stderr);
      const [result] = parseJsonOutput(run);
      assert.deepEqual(result?.messages.map((message) => message.ruleId), ['footnote-undefined']);
      assert.equal(fs.readFileSync(draft, 'utf8'), slipsFixed.replace('2005,', '2005,[^1]'));
    });

    it('does not rewrite a file that needs no fix: same inode, same modification time', () => {
      const folder = tempFolder({ 'clean.resolution': clean });
      const draft = path.join(folder, 'clean.resolution');
      const past = new Date('2001-02-03T04:05:06Z');
      fs.utimesSync(draft, past, past);
      const before = fs.statSync(draft);
      const run = runResolint(['--fix', draft]);
      assert.equal(run.status, 0, run.stderr);
      const after = fs.statSync(draft);
      assert.equal(after.ino, before.ino);
      assert.equal(after.mtimeMs, before.mtimeMs);
      assert.equal(fs.readFileSync(draft, 'utf8'), clean);
      assert.deepEqual(namesIn(folder), ['clean.resolution']);
    });

    it('keeps CRLF line endings, the byte order mark and the file mode', () => {
      const folder = tempFolder({ 'draft.resolution': `\ufeff${asLineEnding(slips, '\r\n')}` });
      const draft = path.join(folder, 'draft.resolution');
      if (!isWindows) fs.chmodSync(draft, 0o640);
      const run = runResolint(['--fix', draft]);
      assert.equal(run.status, 0, run.stderr);
      const bytes = fs.readFileSync(draft);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark is kept');
      assert.equal(bytes.toString('utf8'), `\ufeff${asLineEnding(slipsFixed, '\r\n')}`);
      if (!isWindows) assert.equal(fs.statSync(draft).mode & 0o777, 0o640);
    });

    it('writes a line break a fix inserts in the file\'s own ending: CR, and the dominant one of mixed endings', () => {
      // The chapeau fix inserts "The General Assembly,\n\n"; the drafts below use other endings.
      const body = 'Recalling its resolution 60/1 of 16 September 2005,\n\n1. Decides to convene a high-level meeting;\n\n3. Urges the Secretary-General to report thereon.\n';
      const mixed = 'Recalling its resolution 60/1 of 16 September 2005,\r\n\r\n1. Decides to convene a high-level meeting;\n\r\n3. Urges the Secretary-General to report thereon.\r\n';
      const folder = tempFolder({ 'cr.resolution': asLineEnding(body, '\r'), 'mixed.resolution': mixed });
      const run = runResolint(['--fix', '--body', 'General Assembly', folder]);
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.equal(
        fs.readFileSync(path.join(folder, 'cr.resolution'), 'utf8'),
        asLineEnding(`The General Assembly,\n\n${body.replace('3. Urges', '2. Urges')}`, '\r'),
      );
      assert.equal(
        fs.readFileSync(path.join(folder, 'mixed.resolution'), 'utf8'),
        `The General Assembly,\r\n\r\n${mixed.replace('3. Urges', '2. Urges')}`,
        'the inserted lines end in CRLF; the one bare LF is kept',
      );
    });

    it('applies only the fixes of findings it reports: information findings only when raised with --rule', () => {
      const draft = [
        'The General Assembly,',
        '',
        'Recalling its resolution 60/1 of 16 September 2005,[^1]',
        '',
        '1. Takes note of the report of the Secretary-General;',
        '',
        '2. Requests the Secretary-General to report thereon.',
        '',
        '[^1]: Resolution 60/1',
        '',
      ].join('\n');
      const folder = tempFolder({ 'draft.resolution': draft });
      const file = path.join(folder, 'draft.resolution');
      assert.equal(runResolint(['--fix', file]).status, 0);
      assert.equal(fs.readFileSync(file, 'utf8'), draft, 'footnote-style is information by default: not shown, not applied');
      const raised = runResolint(['--fix', '--rule', 'footnote-style:information', file]);
      assert.equal(raised.status, 0, raised.stderr);
      assert.equal(fs.readFileSync(file, 'utf8'), draft.replace('Resolution 60/1\n', 'Resolution 60/1.\n'));
    });

    it('writes through a symbolic link to its target, and the link stays a link', function () {
      const folder = tempFolder({ 'real/draft.resolution': slips });
      const link = path.join(folder, 'link.resolution');
      try {
        fs.symlinkSync(path.join('real', 'draft.resolution'), link, 'file');
      } catch {
        this.skip(); // no right to make links (Windows without developer mode)
      }
      const run = runResolint(['--fix', link]);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readFileSync(path.join(folder, 'real', 'draft.resolution'), 'utf8'), slipsFixed);
      assert.deepEqual(namesIn(folder), ['link.resolution', 'real']);
      assert.deepEqual(namesIn(path.join(folder, 'real')), ['draft.resolution']);
    });

    it('the stylish summary points at --fix for what it could fix', () => {
      const folder = tempFolder({ 'draft.resolution': slips });
      const run = runResolint([path.join(folder, 'draft.resolution')]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^ {2}2 errors and 0 warnings potentially fixable with the `--fix` option\.$/m);
    });
  });

  describe('write failures', () => {
    it('a read-only folder: one clear line, exit 2, the file unchanged, the others still fixed', function () {
      // Root writes wherever it likes, so the folder's permissions prove nothing then.
      if (isRoot || isWindows) this.skip();
      const folder = tempFolder({ 'locked/draft.resolution': slips, 'open/draft.resolution': slips });
      const locked = path.join(folder, 'locked');
      fs.chmodSync(locked, 0o555);
      try {
        const run = runResolint(['--fix', '--format', 'json', folder]);
        assert.equal(run.status, 2);
        assert.equal(
          run.stderr,
          `resolint: ${path.join(locked, 'draft.resolution')}: cannot write the fixed text (permission denied); the file is unchanged\n`,
        );
        assert.equal(fs.readFileSync(path.join(locked, 'draft.resolution'), 'utf8'), slips);
        assert.deepEqual(namesIn(locked), ['draft.resolution']);
        assert.equal(fs.readFileSync(path.join(folder, 'open', 'draft.resolution'), 'utf8'), slipsFixed);
        // The unchanged file is reported as it still is.
        const results = parseJsonOutput(run);
        assert.equal(results[0]?.source, slips);
        assert.ok((results[0]?.errorCount ?? 0) >= 2);
      } finally {
        fs.chmodSync(locked, 0o755);
      }
    });

    it('a read-only file is not replaced behind its back', function () {
      if (isRoot || isWindows) this.skip();
      const folder = tempFolder({ 'draft.resolution': slips });
      const draft = path.join(folder, 'draft.resolution');
      fs.chmodSync(draft, 0o444);
      const run = runResolint(['--fix', draft]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /draft\.resolution: cannot write the fixed text \(permission denied\); the file is unchanged\n$/);
      assert.equal(fs.readFileSync(draft, 'utf8'), slips);
      assert.deepEqual(namesIn(folder), ['draft.resolution']);
    });
  });

  describe('standard input', () => {
    it('prints the fixed text and nothing else', () => {
      const run = runResolint(['--fix', '-'], { input: slips });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, slipsFixed);
      assert.equal(run.stderr, '');
    });

    it('prints only the fixed text with --format json too, and keeps the BOM and CRLF', () => {
      const run = runResolint(['--fix', '--format', 'json', '-'], { input: `\ufeff${asLineEnding(slips, '\r\n')}` });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, `\ufeff${asLineEnding(slipsFixed, '\r\n')}`);
    });

    it('prints a clean text unchanged; exits 1 when errors remain', () => {
      const cleanRun = runResolint(['--fix', '-'], { input: clean });
      assert.equal(cleanRun.status, 0);
      assert.equal(cleanRun.stdout, clean);
      const left = runResolint(['--fix', '-'], { input: slips.replace('2005,', '2005,[^1]') });
      assert.equal(left.status, 1);
      assert.equal(left.stdout, slipsFixed.replace('2005,', '2005,[^1]'));
      // The status is explained where the fixed text is not: on standard error.
      assert.equal(left.stderr, 'resolint: 1 error left that no fix mends; lint the fixed text to see them\n');
    });

    it('refuses "-" with other targets, since stdout holds the fixed text', () => {
      const folder = tempFolder({ 'draft.resolution': slips });
      const run = runResolint(['--fix', '-', path.join(folder, 'draft.resolution')], { input: slips });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--fix with "-" prints the fixed text/);
      assert.equal(run.stdout, '');
      assert.equal(fs.readFileSync(path.join(folder, 'draft.resolution'), 'utf8'), slips);
    });
  });
});

describe('atomic write (failures injected)', () => {
  let folder: string;
  let draft: string;
  const original = 'The old text.\n';
  const replacement = Buffer.from('The new text, longer than the old one.\n', 'utf8');
  beforeEach(() => {
    folder = makeTempFolder({ 'draft.resolution': original });
    draft = path.join(folder, 'draft.resolution');
  });
  afterEach(() => removeTempFolder(folder));

  const failing = (code: string) => (): never => {
    throw Object.assign(new Error(`${code}: injected`), { code });
  };

  it('replaces the contents, keeping the mode', () => {
    if (!isWindows) fs.chmodSync(draft, 0o640);
    const result = writeFileAtomic(draft, replacement);
    assert.deepEqual(result, { ok: true, writtenPath: draft });
    assert.deepEqual(fs.readFileSync(draft), replacement);
    if (!isWindows) assert.equal(fs.statSync(draft).mode & 0o777, 0o640);
    assert.deepEqual(namesIn(folder), ['draft.resolution']);
  });

  it('a failing rename (the run interrupted before the switch) leaves the old file and no temporary file', () => {
    let temporary = '';
    const result = writeFileAtomic(draft, replacement, {
      renameSync: (from) => {
        temporary = from;
        // The temporary file is complete at this point: only the switch is missing.
        assert.deepEqual(fs.readFileSync(from), replacement);
        failing('EIO')();
      },
    });
    assert.deepEqual(result, { ok: false, reason: 'input/output error' });
    assert.equal(path.dirname(temporary), folder, 'the temporary file is made beside the original');
    assert.equal(fs.readFileSync(draft, 'utf8'), original);
    assert.deepEqual(namesIn(folder), ['draft.resolution']);
  });

  it('a write that fails half-way (disk full) leaves the old file and no temporary file', () => {
    let calls = 0;
    const result = writeFileAtomic(draft, replacement, {
      writeSync: (fd, buffer, offset, length) => {
        calls++;
        if (calls > 1) failing('ENOSPC')();
        return fs.writeSync(fd, buffer, offset, Math.min(length, 5));
      },
    });
    assert.deepEqual(result, { ok: false, reason: 'no space left on the device' });
    assert.equal(fs.readFileSync(draft, 'utf8'), original);
    assert.deepEqual(namesIn(folder), ['draft.resolution']);
  });

  it('a failing fsync or chmod does the same', () => {
    for (const hook of [{ fsyncSync: failing('EIO') }, { fchmodSync: failing('EPERM') }]) {
      const result = writeFileAtomic(draft, replacement, hook);
      assert.equal(result.ok, false);
      assert.equal(fs.readFileSync(draft, 'utf8'), original);
      assert.deepEqual(namesIn(folder), ['draft.resolution']);
    }
  });

  it('a temporary file that cannot be created leaves everything as it was', () => {
    const result = writeFileAtomic(draft, replacement, { openSync: failing('EACCES') });
    assert.deepEqual(result, { ok: false, reason: 'permission denied' });
    assert.equal(fs.readFileSync(draft, 'utf8'), original);
    assert.deepEqual(namesIn(folder), ['draft.resolution']);
  });

  it('refuses what is not an existing regular file', () => {
    assert.deepEqual(writeFileAtomic(folder, replacement), { ok: false, reason: 'not a regular file' });
    assert.deepEqual(writeFileAtomic(path.join(folder, 'missing.resolution'), replacement), { ok: false, reason: 'no such file' });
    assert.deepEqual(namesIn(folder), ['draft.resolution']);
  });

  it('names the temporary file after the original, hidden, with the process id and a random part', () => {
    const name = path.basename(temporaryPathFor(draft));
    assert.match(name, new RegExp(`^\\.draft\\.resolution\\.resolint-${process.pid}-[0-9a-f]{12}\\.tmp$`));
    assert.notEqual(temporaryPathFor(draft), temporaryPathFor(draft));
  });
});

describe('line endings for inserted text', () => {
  it('the dominant line ending: the most frequent, the first on a tie, LF for one line', () => {
    assert.equal(dominantLineEnding('a\r\nb\r\nc\nd'), '\r\n');
    assert.equal(dominantLineEnding('a\nb\r\nc'), '\n');
    assert.equal(dominantLineEnding('a\r\nb\nc'), '\r\n');
    assert.equal(dominantLineEnding('a\rb\rc\n'), '\r');
    assert.equal(dominantLineEnding('one line'), '\n');
  });

  it('turns a fix\'s bare LF into the ending and keeps a CRLF it carries', () => {
    const span = { start: 0, end: 0 };
    assert.equal(withLineEnding({ span, newText: 'A,\n\n' }, '\r\n').newText, 'A,\r\n\r\n');
    assert.equal(withLineEnding({ span, newText: 'A,\r\nB\n' }, '\r').newText, 'A,\r\nB\r');
    assert.equal(withLineEnding({ span, newText: 'A,\n' }, '\n').newText, 'A,\n');
  });
});

describe('files the command line does not read', () => {
  const tempFolders: string[] = [];
  after(() => tempFolders.forEach(removeTempFolder));

  it(`a file over ${maxTextFileMegabytes} MB: one line, not read, the others still linted, exit 2; --help states the limit`, () => {
    const folder = makeTempFolder({ 'good.resolution': clean, 'huge.txt': '' });
    tempFolders.push(folder);
    // A sparse file: its size is past the limit without writing megabytes.
    fs.truncateSync(path.join(folder, 'huge.txt'), maxTextFileBytes + 1);
    for (const args of [['--format', 'json'], ['--fix', '--format', 'json']]) {
      const run = runResolint([...args, folder]);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `resolint: ${path.join(folder, 'huge.txt')}: larger than ${maxTextFileMegabytes} MB; not read\n`);
      assert.deepEqual(parseJsonOutput(run).map((result) => path.basename(result.filePath)), ['good.resolution']);
    }
    assert.equal(fs.statSync(path.join(folder, 'huge.txt')).size, maxTextFileBytes + 1);
    assert.match(runResolint(['--help']).stdout, new RegExp(`larger than ${maxTextFileMegabytes} MB`));

    const piped = runResolint(['--fix', '-'], { input: Buffer.alloc(maxTextFileBytes + 1, 0x61) });
    assert.equal(piped.status, 2);
    assert.equal(piped.stderr, `resolint: <text>: larger than ${maxTextFileMegabytes} MB; not linted\n`);
    assert.equal(piped.stdout, '');
  });

  it('the limit holds for exactly-sized and larger files alike, whatever they are', () => {
    const folder = makeTempFolder({ 'ten.txt': '0123456789', 'eleven.txt': '0123456789A' });
    tempFolders.push(folder);
    assert.deepEqual(readTextFile(path.join(folder, 'ten.txt'), 10), { ok: true, text: '0123456789', hadByteOrderMark: false });
    assert.deepEqual(readTextFile(path.join(folder, 'eleven.txt'), 10), { ok: false, reason: 'larger than 10 bytes; not read' });
  });

  it('symbolic-link loops end: a -> b -> a is skipped, folders linking to each other are walked once', function () {
    const folder = makeTempFolder({ 'one/x.resolution': slips, 'two/y.resolution': clean });
    tempFolders.push(folder);
    try {
      fs.symlinkSync('b.resolution', path.join(folder, 'a.resolution'), 'file');
      fs.symlinkSync('a.resolution', path.join(folder, 'b.resolution'), 'file');
      fs.symlinkSync(path.join('..', 'two'), path.join(folder, 'one', 'to-two'), 'dir');
      fs.symlinkSync(path.join('..', 'one'), path.join(folder, 'two', 'to-one'), 'dir');
    } catch {
      this.skip(); // no right to make links
    }
    const run = runResolint(['--format', 'json', folder]);
    assert.equal(run.status, 1, run.stderr);
    const found = parseJsonOutput(run).map((result) => fs.realpathSync(result.filePath));
    assert.deepEqual(found.sort(), [path.join(folder, 'one', 'x.resolution'), path.join(folder, 'two', 'y.resolution')]);

    const fixed = runResolint(['--fix', folder]);
    assert.equal(fixed.status, 0, fixed.stderr + fixed.stdout);
    assert.equal(fs.readFileSync(path.join(folder, 'one', 'x.resolution'), 'utf8'), slipsFixed);
    assert.ok(fs.lstatSync(path.join(folder, 'a.resolution')).isSymbolicLink());
  });
});
