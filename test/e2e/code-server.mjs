// A real VS Code for the end-to-end checks: code-server 4.100.3 with a home, extensions and user
// data of its own under a temporary folder, the given .vsix files installed, opened on a workspace
// in Debian's Chromium through playwright-core. Shared by the English run (vscode.e2e.mjs) and the
// French one (vscode-french.e2e.mjs), each a code-server of its own (the display language is chosen
// when code-server starts).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assert, freePort, isAlive, killGroup, repoRoot, run, waitFor } from './lib.mjs';

const chromiumPath = process.env.RESOLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const settings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'files.autoSave': 'off',
  'update.mode': 'none',
};

/**
 * A code-server of its own under `temp` (home, extensions, user data), not started yet: `start()`
 * installs `vsixes`, starts code-server and a Chromium page (the install and the start are checks)
 * and resolves with the URL that opens `workspace`, or undefined when a check failed; `stop()` is to
 * be called either way, in a `finally`.
 * @param {object} options
 * @param {import('./lib.mjs').Checks} options.checks
 * @param {string} options.codeServer the installed code-server folder
 * @param {string[]} options.vsixes the packages to install, in order
 * @param {string} options.temp the run's own temporary folder, removed by `stop()`
 * @param {string} options.workspace the folder to open
 * @param {string} options.serverLog where code-server's output goes
 * @param {string[]} [options.extraArguments] more code-server arguments (`--locale fr`)
 * @param {(userDataDir: string, extensionsDir: string) => void} [options.beforeStart] called once the packages are installed
 * @param {string} [options.what] how the checks name this code-server ("code-server", "code-server in French")
 */
export function codeServerSession({ checks, codeServer, vsixes, temp, workspace, serverLog, extraArguments = [], beforeStart, what = 'code-server' }) {
  const home = path.join(temp, 'home');
  const extensionsDir = path.join(temp, 'extensions');
  const userDataDir = path.join(temp, 'user-data');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
  const entry = path.join(codeServer, 'out', 'node', 'entry.js');
  const common = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];

  let codeServerProcess;
  let browserServer;
  let browser;
  let page;
  // If the run is stopped (Ctrl+C, a CI timeout), what this part started goes with it.
  const killOnExit = () => {
    if (browserServer) killGroup(browserServer.process().pid);
    if (codeServerProcess) killGroup(codeServerProcess.pid);
    fs.rmSync(temp, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);

  return {
    userDataDir,
    /** The Chromium page, once `start()` has made it. */
    get page() {
      return page;
    },

    async start() {
      const installed = await checks.check(`the .vsix installs into ${what} offline`, async () => {
        for (const vsix of vsixes) {
          const result = await run(process.execPath, [entry, '--install-extension', vsix, ...common], { env, timeoutMs: 120_000 });
          assert(result.status === 0, `--install-extension ${path.basename(vsix)} exited ${result.status}: ${result.stdout}${result.stderr}`);
        }
        const folder = fs.readdirSync(extensionsDir).find((name) => name.startsWith('resolint.resolint-'));
        assert(folder, `no resolint extension in ${extensionsDir}: ${fs.readdirSync(extensionsDir).join(', ')}`);
        return folder;
      });
      if (!installed) return undefined;
      beforeStart?.(userDataDir, extensionsDir);

      const port = await freePort();
      const logFd = fs.openSync(serverLog, 'w');
      codeServerProcess = spawn(
        process.execPath,
        [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...extraArguments, ...common, workspace],
        { env, stdio: ['ignore', logFd, logFd], detached: true },
      );
      fs.closeSync(logFd);
      const base = `http://127.0.0.1:${port}`;
      const started = await checks.check(`${what} starts (/healthz answers)`, async () => {
        await waitFor(
          'code-server /healthz',
          async () => {
            if (codeServerProcess.exitCode !== null) throw new Error(`code-server exited with ${codeServerProcess.exitCode} (see ${serverLog})`);
            const response = await fetch(`${base}/healthz`).catch(() => undefined);
            return response?.ok;
          },
          { timeoutMs: 60_000, intervalMs: 200 },
        );
        return `pid ${codeServerProcess.pid}, port ${port}`;
      });
      if (!started) return undefined;

      const { chromium } = await import('playwright-core');
      browserServer = await chromium.launchServer({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
      browser = await chromium.connect(browserServer.wsEndpoint());
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      page = await context.newPage();
      return `${base}/?folder=${encodeURIComponent(workspace)}`;
    },

    /** A screenshot of the page as it is, named in the run's output. */
    async takeScreenshot(file) {
      if (!page) return;
      await page.screenshot({ path: file }).catch(() => undefined);
      if (fs.existsSync(file)) console.log(`  screenshot: ${path.relative(repoRoot, file)}`);
    },

    /** Closes the browser and code-server, keeps the logs in `logsKept` (for a failed check), removes `temp`. */
    async stop(logsKept) {
      await browser?.close().catch(() => undefined);
      const browserPid = browserServer?.process().pid;
      await browserServer?.close().catch(() => undefined);
      if (browserPid && isAlive(browserPid)) killGroup(browserPid);
      if (codeServerProcess?.pid) {
        killGroup(codeServerProcess.pid, 'SIGTERM');
        await waitFor('code-server to exit', () => !isAlive(codeServerProcess.pid), { timeoutMs: 5_000 }).catch(() => killGroup(codeServerProcess.pid, 'SIGKILL'));
      }
      process.off('exit', killOnExit);
      // The workbench's and the extension host's logs (the "Resolint" output channel among them).
      fs.rmSync(logsKept, { recursive: true, force: true });
      if (fs.existsSync(path.join(userDataDir, 'logs'))) fs.cpSync(path.join(userDataDir, 'logs'), logsKept, { recursive: true });
      fs.rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
