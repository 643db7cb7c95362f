#!/usr/bin/env node
// `npm run test:e2e`: Resolint end to end in real editors and as real packages.
//
//   node scripts/e2e/run.mjs [part...]     parts: readme snippets package vscode neovim emacs (default: all)
//
// Builds and packages the .vsix (`npm run package`), then runs each part's checks and prints one
// line per check, one result line per part, and last the line "N passed, N failed" (", N skipped"
// when a check waits on a server feature not there yet). Exits 1 when a check failed or none
// passed. The counts are also written to test-results/e2e-counts.json for .ci/run.
//
// The VS Code part installs code-server 4.100.3 into ~/.cache/resolint-e2e (or
// $RESOLINT_E2E_CACHE) the first time (scripts/e2e/install-code-server.sh) and reuses it after.
// Debian packages it needs: chromium, ripgrep, libkrb5-dev, neovim, emacs-nox, elpa-eglot
// (.ci/run installs the missing ones).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Checks, repoRoot, run as runCommand, serverCapabilities, zipEntries } from '../../test/e2e/lib.mjs';

const allParts = ['readme', 'snippets', 'package', 'vscode', 'neovim', 'emacs'];
const requested = process.argv.slice(2);
const unknown = requested.filter((part) => !allParts.includes(part));
if (unknown.length > 0) {
  console.error(`unknown part(s): ${unknown.join(', ')}; parts: ${allParts.join(' ')}`);
  process.exit(2);
}
const parts = requested.length > 0 ? requested : allParts;
const resultsDir = path.join(repoRoot, 'test-results');
const countsFile = path.join(resultsDir, 'e2e-counts.json');
fs.mkdirSync(resultsDir, { recursive: true });
fs.rmSync(countsFile, { force: true });

// Stopped from outside: exit, so that the parts' exit handlers kill what they started.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nstopped by ${signal}`);
    process.exit(1);
  });
}

/** @type {Checks[]} */
const allChecks = [];
const timings = [];
const runStarted = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command with its output shown; resolves with its status and the last line of stdout. */
function step(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], ...options });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', (error) => resolve({ status: -1, last: '', error }));
    child.on('close', (status) => resolve({ status, last: stdout.trim().split('\n').pop() ?? '' }));
  });
}

async function part(name, fn) {
  console.log(`\n== e2e: ${name}`);
  const checks = new Checks(name);
  allChecks.push(checks);
  const started = Date.now();
  try {
    await fn(checks);
  } catch (error) {
    checks.fail('the part ran to its end', error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  const elapsed = Date.now() - started;
  timings.push([name, elapsed]);
  const { passed, failed, skipped } = checks.counts();
  console.log(`${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (${seconds(elapsed)})`);
}

// ---------------------------------------------------------------------------------------------
console.log('== e2e: npm run package (build + .vsix)');
const packaging = await step('npm', ['run', 'package']);
const vsix = path.join(repoRoot, 'resolint.vsix');
const built = packaging.status === 0 && fs.existsSync(vsix);
let capabilities = {};

await part('build', async (checks) => {
  if (!built) {
    checks.fail('npm run package builds the bundles and resolint.vsix', `exited ${packaging.status}`);
    return;
  }
  checks.pass('npm run package builds the bundles and resolint.vsix');
  await checks.check('the language server answers initialize (capabilities)', async () => {
    capabilities = await serverCapabilities();
    const offered = ['codeActionProvider', 'hoverProvider', 'documentSymbolProvider'].filter((key) => capabilities[key]);
    return `offers: ${offered.length > 0 ? offered.join(', ') : 'diagnostics only'}`;
  });
});

if (parts.includes('readme')) {
  await part('readme', async (checks) => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const tested = [
      ['lua', 'test/e2e/editors/neovim-0.7.lua'],
      ['elisp', 'test/e2e/editors/eglot.el'],
    ];
    for (const [language, file] of tested) {
      await checks.check(`README quotes ${file} verbatim (the snippet the e2e test runs)`, () => {
        const snippet = fs.readFileSync(path.join(repoRoot, file), 'utf8');
        if (!readme.includes('```' + language + '\n' + snippet + '```')) throw new Error(`README.md has no \`\`\`${language} block equal to ${file}`);
      });
    }
  });
}

if (parts.includes('snippets')) {
  await part('snippets', async (checks) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const contributed = manifest.contributes?.snippets ?? [];
    const ok = await checks.check('package.json contributes the snippets for the resolution language', () => {
      if (!contributed.some((entry) => entry.language === 'resolution' && fs.existsSync(path.join(repoRoot, entry.path)))) {
        throw new Error('no contributes.snippets entry for "resolution" whose file exists');
      }
    });
    if (!ok) return;
    const snippets = JSON.parse(fs.readFileSync(path.join(repoRoot, contributed[0].path), 'utf8'));
    // A snippet's text as inserted when every placeholder keeps its default (first choice).
    const expand = (body) =>
      body
        .join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '');
    await checks.check('the "Resolution skeleton" snippet, inserted as it is, lints clean', async () => {
      const text = expand(snippets['Resolution skeleton'].body);
      const result = await runCommand(process.execPath, [path.join(repoRoot, 'bin', 'resolint.js'), '--format', 'json', '--stdin-filename', 'new.resolution', '-'], { input: text });
      const [report] = JSON.parse(result.stdout || '[{}]');
      if (result.status !== 0 || report.messages?.length) throw new Error(`exit ${result.status}: ${JSON.stringify(report.messages ?? result.stderr)}`);
    });
    await checks.check('the "Operative paragraph" snippet starts with a number placeholder and an operative verb', () => {
      const body = snippets['Operative paragraph']?.body?.[0] ?? '';
      if (!/^\$\{1:\d+\}\. \$\{2\|Requests,/.test(body)) throw new Error(`its first line is ${JSON.stringify(body)}`);
    });
  });
}

if (parts.includes('package')) {
  await part('package', async (checks) => {
    const { runNpmPackage } = await import('../../test/e2e/npm-package.e2e.mjs');
    if (built) {
      await checks.check('the .vsix carries the bundled client and server and nothing it does not need', () => {
        const entries = zipEntries(vsix).filter((entry) => !entry.name.endsWith('/'));
        const names = entries.map((entry) => entry.name);
        const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
        const required = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/server-main.js', 'extension/language-configuration.json', 'extension/syntaxes/resolution.tmLanguage.json'];
        for (const snippet of manifest.contributes?.snippets ?? []) required.push(path.posix.join('extension', snippet.path));
        const missing = required.filter((name) => !names.includes(name));
        if (missing.length > 0) throw new Error(`missing from the .vsix: ${missing.join(', ')}`);
        const unwanted = names.filter((name) => /node_modules\/|\.map$|\.ts$|^extension\/(server|client|test|out|docs|examples)\//.test(name));
        if (unwanted.length > 0) throw new Error(`the .vsix carries ${unwanted.join(', ')}`);
        const size = fs.statSync(vsix).size;
        return `resolint.vsix: ${size} bytes (${(size / 1024).toFixed(1)} KiB), ${entries.length} files: ${entries.map((entry) => `${entry.name} (${entry.size})`).join(', ')}`;
      });
    }
    await runNpmPackage(checks);
  });
}

if (parts.includes('vscode')) {
  await part('vscode', async (checks) => {
    if (!built) {
      checks.fail('VS Code end to end', 'no .vsix: the build failed');
      return;
    }
    const installStarted = Date.now();
    const install = await step('bash', [path.join(repoRoot, 'scripts', 'e2e', 'install-code-server.sh')]);
    const installTime = Date.now() - installStarted;
    timings.push(['code-server install (part of vscode)', installTime]);
    if (install.status !== 0 || !fs.existsSync(path.join(install.last, 'out', 'node', 'entry.js'))) {
      checks.fail('code-server 4.100.3 is installed offline', `install-code-server.sh exited ${install.status}`);
      return;
    }
    checks.pass('code-server 4.100.3 is installed offline', `${install.last} (${seconds(installTime)})`);
    const { runVscode } = await import('../../test/e2e/vscode.e2e.mjs');
    await runVscode({ checks, codeServer: install.last, vsix, capabilities, resultsDir });
    const { runVscodeInFrench } = await import('../../test/e2e/vscode-french.e2e.mjs');
    await runVscodeInFrench({ checks, codeServer: install.last, vsix, resultsDir });
  });
}

if (parts.includes('neovim')) {
  await part('neovim', async (checks) => {
    const { runNeovim } = await import('../../test/e2e/editors.e2e.mjs');
    await runNeovim(checks, resultsDir);
  });
}

if (parts.includes('emacs')) {
  await part('emacs', async (checks) => {
    const { runEmacs } = await import('../../test/e2e/editors.e2e.mjs');
    await runEmacs(checks, resultsDir);
  });
}

// ---------------------------------------------------------------------------------------------
const total = { passed: 0, failed: 0, skipped: 0 };
for (const checks of allChecks) {
  const counts = checks.counts();
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
const skippedChecks = allChecks.flatMap((checks) => checks.results.filter((r) => r.status === 'skipped').map((r) => `[${checks.part}] ${r.name}: ${r.detail}`));
const failedChecks = allChecks.flatMap((checks) => checks.results.filter((r) => r.status === 'failed').map((r) => `[${checks.part}] ${r.name}`));
console.log('\n== e2e: times');
for (const [name, ms] of timings) console.log(`  ${name}: ${seconds(ms)}`);
console.log(`  total: ${seconds(Date.now() - runStarted)}`);
if (skippedChecks.length > 0) console.log(`\nskipped (waiting on server features):\n  ${skippedChecks.join('\n  ')}`);
if (failedChecks.length > 0) console.log(`\nfailed:\n  ${failedChecks.join('\n  ')}`);
fs.writeFileSync(countsFile, JSON.stringify(total) + '\n');
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
