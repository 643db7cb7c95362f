// The starters of dist/server.js and dist/cli.js run their bundles with V8's code cache
// (server/src/node/code-cache.ts). Whatever the cache's state, the bundle runs, as `require` would run
// it; a cache is used only from this user's own folder and only for the very source it was made from.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const codeCacheModule = path.join(repoRoot, 'out', 'server', 'src', 'node', 'code-cache.js');

interface Run {
  /** What runWithCodeCache answered; undefined where it threw. */
  readonly use?: { readonly file?: string; readonly used: boolean; readonly written: boolean };
  /** What the bundle recorded of each run of it: [mark, what it required, __filename, __dirname]. */
  readonly runs: unknown[];
  readonly thrown?: string;
}

/**
 * `runWithCodeCache` in a process of its own, as each start is: in one process V8 compiles a source
 * it has compiled before from its own memory, and never looks at the cache.
 */
function runWithCodeCache(bundle: string, cacheFolder: string): Run {
  const script = `globalThis.codeCacheTestRuns = [];
let use, thrown;
try { use = require(${JSON.stringify(codeCacheModule)}).runWithCodeCache(${JSON.stringify(bundle)}, { folder: ${JSON.stringify(cacheFolder)} }); }
catch (error) { thrown = error.name + ': ' + error.message; }
process.stdout.write(JSON.stringify({ use, runs: globalThis.codeCacheTestRuns, thrown }));`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Run;
}

describe('running a bundle with the code cache', () => {
  let folder: string;
  let bundle: string;
  let cacheFolder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-code-cache-test-'));
    cacheFolder = path.join(folder, 'cache');
    bundle = path.join(folder, 'bundle.js');
    // The bundle requires a file beside it and sets `module.exports`, as a CommonJS module may.
    fs.writeFileSync(path.join(folder, 'helper.js'), "module.exports = 'helped';\n");
    fs.writeFileSync(bundle, bundleSource('first'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  function bundleSource(mark: string): string {
    return `const helper = require('./helper.js');\nglobalThis.codeCacheTestRuns.push([${JSON.stringify(mark)}, helper, __filename, __dirname]);\nmodule.exports = helper;\n`;
  }

  it('runs the bundle without a cache, writes one, and takes its code from it the next time', () => {
    const first = runWithCodeCache(bundle, cacheFolder);
    assert.equal(first.use?.used, false);
    assert.equal(first.use?.written, true);
    assert.ok(first.use?.file !== undefined && fs.existsSync(first.use.file), 'no cache file written');
    assert.equal(fs.statSync(cacheFolder).mode & 0o777, 0o700, 'the cache folder is open to other users');
    const second = runWithCodeCache(bundle, cacheFolder);
    assert.deepEqual(second.use, { file: first.use.file, used: true, written: false });
    for (const { runs } of [first, second]) assert.deepEqual(runs, [['first', 'helped', bundle, folder]]);
  });

  it('never runs a cache made for another source, even one of the same length', () => {
    const first = runWithCodeCache(bundle, cacheFolder).use;
    fs.writeFileSync(bundle, bundleSource('other'));
    const second = runWithCodeCache(bundle, cacheFolder);
    assert.equal(second.use?.used, false);
    assert.notEqual(second.use?.file, first?.file);
    assert.deepEqual(second.runs, [['other', 'helped', bundle, folder]]);
    // The earlier build's cache is removed: no start will read it again.
    assert.equal(fs.existsSync(first?.file as string), false);
    assert.deepEqual(fs.readdirSync(cacheFolder), [path.basename(second.use?.file as string)]);
  });

  it('runs the bundle past a damaged cache, and writes a good one in its place', () => {
    const first = runWithCodeCache(bundle, cacheFolder).use;
    fs.writeFileSync(first?.file as string, Buffer.from('not a code cache at all'));
    const second = runWithCodeCache(bundle, cacheFolder);
    assert.deepEqual(second.use, { file: first?.file, used: false, written: true });
    assert.deepEqual(second.runs, [['first', 'helped', bundle, folder]]);
    assert.equal(runWithCodeCache(bundle, cacheFolder).use?.used, true);
  });

  it('uses no folder that other users may write to', function () {
    if (process.platform === 'win32') this.skip();
    fs.mkdirSync(cacheFolder, { mode: 0o700 });
    fs.chmodSync(cacheFolder, 0o777);
    const { use, runs } = runWithCodeCache(bundle, cacheFolder);
    assert.deepEqual(use, { used: false, written: false });
    assert.deepEqual(fs.readdirSync(cacheFolder), []);
    assert.equal(runs.length, 1);
  });

  it('runs the bundle where no cache folder can be made', () => {
    const notAFolder = path.join(folder, 'a-file');
    fs.writeFileSync(notAFolder, '');
    const { use, runs } = runWithCodeCache(bundle, path.join(notAFolder, 'cache'));
    assert.deepEqual(use, { used: false, written: false });
    assert.equal(runs.length, 1);
  });

  it("throws the bundle's own exception, as require would", () => {
    fs.writeFileSync(bundle, "throw new RangeError('the bundle failed');\n");
    assert.equal(runWithCodeCache(bundle, cacheFolder).thrown, 'RangeError: the bundle failed');
  });

  it('starts the built command line and server with their caches in the temporary folder', function () {
    this.timeout(60_000);
    // The starters keep their caches in the temporary folder: a fresh one for this test.
    const env = { ...process.env, TMPDIR: folder };
    const draft = path.join(repoRoot, 'examples', 'draft.resolution');
    const runs = [0, 1].map(() => spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), '--format', 'json', draft], { env, encoding: 'utf8' }));
    assert.equal(runs[0]?.stdout, runs[1]?.stdout, 'the cached run answered differently');
    assert.ok((JSON.parse(runs[0]?.stdout ?? '') as unknown[]).length > 0);
    // The server writes its cache a few seconds after its start, or as it exits if that comes first:
    // here its input ends at once.
    const server = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { env, input: '', encoding: 'utf8' });
    assert.ok(server.status !== null, 'the server did not exit when its input ended');
    const caches = fs.readdirSync(path.join(folder, `resolint-code-cache-${process.getuid?.() ?? os.userInfo().username}`)).sort();
    assert.deepEqual(
      caches.map((name) => name.split('-main.js-')[0]),
      ['cli', 'server'],
    );
  });
});
