// The npm package: `npm pack` gives a tarball of the two bundles, bin/, README and LICENSE only, and
// `npm install -g` of that tarball, offline, yields working `resolint` and
// `resolint-language-server` commands.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assert, exampleDraft, readLspMessage, repoRoot, run } from './lib.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @param {import('./lib.mjs').Checks} checks */
export async function runNpmPackage(checks) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-e2e-npm-'));
  const prefix = path.join(temp, 'prefix');
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  try {
    let tarball;
    const packed = await checks.check('npm pack: the tarball holds the CLI and server bundles, bin/, README, LICENSE, package.json and nothing else', async () => {
      const result = await run(npm, ['pack', '--json', '--pack-destination', temp], { cwd: repoRoot, env });
      assert(result.status === 0, `npm pack exited ${result.status}: ${result.stderr}`);
      const [info] = JSON.parse(result.stdout);
      tarball = path.join(temp, info.filename);
      const files = info.files.map((file) => file.path).sort();
      // .npmignore is an allow-list: exactly these, so nothing new slips in unnoticed.
      const expected = ['LICENSE', 'README.md', 'bin/resolint-language-server.js', 'bin/resolint.js', 'dist/cli-main.js', 'dist/cli.js', 'dist/server-main.js', 'dist/server.js', 'package.json'];
      const missing = expected.filter((file) => !files.includes(file));
      assert(missing.length === 0, `missing from the tarball: ${missing.join(', ')}`);
      const unwanted = files.filter((file) => !expected.includes(file));
      assert(unwanted.length === 0, `the tarball carries files it does not need: ${unwanted.join(', ')}`);
      return `${info.filename}: ${files.length} files, ${(info.size / 1024).toFixed(1)} KiB packed (${files.join(', ')})`;
    });
    if (!packed) return;

    const installed = await checks.check('npm install -g --prefix <tmp> <tarball> --offline', async () => {
      const result = await run(npm, ['install', '-g', '--offline', '--prefix', prefix, tarball], { cwd: temp, env, timeoutMs: 120_000 });
      assert(result.status === 0, `npm install exited ${result.status}: ${result.stderr}`);
      for (const command of ['resolint', 'resolint-language-server']) {
        assert(fs.existsSync(path.join(prefix, 'bin', command)), `no ${command} in ${prefix}/bin`);
      }
      return `commands in ${path.join(prefix, 'bin')}`;
    });
    if (!installed) return;

    const bin = (command) => path.join(prefix, 'bin', command);
    const version = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
    // Run from the temporary folder, so nothing of the clone is on the commands' way.
    await checks.check('installed `resolint --version`', async () => {
      const result = await run(bin('resolint'), ['--version'], { cwd: temp });
      assert(result.status === 0, `exited ${result.status}: ${result.stderr}`);
      assert(result.stdout.includes(version), `printed ${JSON.stringify(result.stdout)}, not ${version}`);
      return result.stdout.trim();
    });

    await checks.check('installed `resolint examples/draft.resolution` exits 1 with the four findings', async () => {
      const draft = path.join(temp, 'draft.resolution');
      fs.copyFileSync(exampleDraft, draft);
      const result = await run(bin('resolint'), [draft], { cwd: temp });
      assert(result.status === 1, `exited ${result.status}: ${result.stdout}${result.stderr}`);
      const missing = ['preambular-phrase', 'operative-verb', 'operative-numbering', 'footnote-unused'].filter((id) => !result.stdout.includes(id));
      assert(missing.length === 0, `the output lacks ${missing.join(', ')}: ${result.stdout}`);
      return result.stdout.trim().split('\n').pop();
    });

    await checks.check('installed `resolint-language-server --stdio` answers initialize', async () => {
      const server = spawn(bin('resolint-language-server'), ['--stdio'], { cwd: temp, stdio: ['pipe', 'pipe', 'pipe'] });
      try {
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
        server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        const message = await readLspMessage(server.stdout, 15_000);
        assert(message.result?.serverInfo?.name === 'resolint', `unexpected answer: ${JSON.stringify(message).slice(0, 300)}`);
        return `serverInfo ${JSON.stringify(message.result.serverInfo)}`;
      } finally {
        server.kill('SIGKILL');
      }
    });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
