// `npm run fuzz -- --runs N`: N hostile cases through every property of test/support/fuzz.ts,
// spread over worker processes, in chunks of their own seed, so a long run can be split and any
// failure replayed alone. Needs the compiled tests (`npm run fuzz` builds first).
//
//   --runs N      cases in all (default 10000)
//   --seed S      seed of the first chunk; chunk k runs with seed S + k (default: from the clock)
//   --jobs J      worker processes (default: the number of CPUs, at most 8)
//   --chunk C     cases per chunk (default 25000, or fewer to give every worker one)
//   --source TXT  only the sources whose name contains TXT
//   --json FILE   also write the figures as JSON
//   --trace       write each case to a file in the temporary folder before checking it, and say so
//                 (a case that hangs is left there: replay the stalled chunk with --trace)
//
// Exit 0 when every case holds every property; 1 on the first exception or property violation,
// after fast-check has shrunk it to a minimal counterexample (printed with the command that replays it).
// A failure that a known bug of test/support/fuzz.ts (knownFuzzBugs) explains is counted apart, with
// its first examples, and the run goes on.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const harnessPath = path.join(repositoryRoot, 'out', 'test', 'support', 'fuzz.js');
/** A worker silent this long is stuck on one case: no case takes minutes (the slowest of a million took seconds). */
const stallMs = 5 * 60 * 1000;

function parseArguments(argv) {
  const options = { runs: 10000, seed: Date.now() % 2 ** 31, jobs: Math.min(8, os.availableParallelism?.() ?? os.cpus().length), chunk: 25000, source: undefined, json: undefined, trace: false, worker: undefined };
  for (let index = 0; index < argv.length; index++) {
    const name = argv[index];
    const value = () => {
      const found = argv[++index];
      if (found === undefined) throw new Error(`${name} needs a value`);
      return found;
    };
    const count = () => {
      const number = Number(value());
      if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${name} needs a whole number`);
      return number;
    };
    switch (name) {
      case '--runs': options.runs = count(); break;
      case '--seed': options.seed = count(); break;
      case '--jobs': options.jobs = Math.max(1, count()); break;
      case '--chunk': options.chunk = Math.max(1, count()); break;
      case '--source': options.source = value(); break;
      case '--json': options.json = value(); break;
      case '--trace': options.trace = true; break;
      case '--worker': options.worker = JSON.parse(value()); break;
      default: throw new Error(`unknown option ${name}; see the top of scripts/fuzz.mjs`);
    }
  }
  return options;
}

// ---- worker: runs its chunks in one process, reports JSON lines on stdout ---------------------

async function runWorker({ chunks, source, trace }) {
  const require = createRequire(import.meta.url);
  const fc = require('fast-check');
  const harness = require(harnessPath);
  const cases = harness.mixedCases(source);
  const traceFile = path.join(os.tmpdir(), `resolint-fuzz-case-${process.pid}.json`);
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  for (const { seed, runs } of chunks) {
    const bySource = {};
    let checked = 0;
    let characters = 0;
    let slowest = { ms: 0, source: '', length: 0 };
    let lastReport = Date.now();
    let failing = false;
    const knownBugs = {};
    const started = Date.now();
    const property = fc.property(cases, (fuzzCase) => {
      if (trace) {
        // The case on disk before it is checked: a case that hangs the process is left there.
        fs.writeFileSync(traceFile, JSON.stringify({ seed, case: checked + 1, fuzzCase }));
        process.stderr.write(`case ${checked + 1}: ${fuzzCase.source}, ${fuzzCase.text.length} characters (in ${traceFile})\n`);
      }
      // Once a case fails, fast-check shrinks it: those calls are not cases of the run.
      if (failing) {
        const failure = harness.failureOf(fuzzCase);
        if (failure && !harness.knownBugExplaining(fuzzCase, failure)) throw failure;
        return;
      }
      const caseStarted = Date.now();
      const failure = harness.failureOf(fuzzCase);
      const ms = Date.now() - caseStarted;
      if (failure) {
        const bug = harness.knownBugExplaining(fuzzCase, failure);
        if (!bug) {
          failing = true;
          throw failure;
        }
        // Counted apart, with its first examples: the run goes on.
        const known = (knownBugs[bug.name] ??= { cases: 0, properties: {}, examples: [] });
        known.cases++;
        known.properties[failure.property] = (known.properties[failure.property] ?? 0) + 1;
        if (known.examples.length < 3) known.examples.push(harness.describeCase(harness.minimizeText(fuzzCase, 10000), 300));
      }
      checked++;
      characters += fuzzCase.text.length;
      bySource[fuzzCase.source] = (bySource[fuzzCase.source] ?? 0) + 1;
      if (ms > slowest.ms) slowest = { ms, source: fuzzCase.source, length: fuzzCase.text.length, seed, case: checked, start: harness.literal(fuzzCase.text.slice(0, 60)) };
      if (Date.now() - lastReport > 2000) {
        send({ type: 'progress', seed, checked });
        lastReport = Date.now();
      }
    });
    const result = fc.check(property, { numRuns: runs, seed });
    const done = { type: 'chunk', seed, runs: checked, ms: Date.now() - started, characters, bySource, slowest, knownBugs };
    if (!result.failed) {
      send(done);
      continue;
    }
    const error = result.errorInstance;
    // fast-check shrinks the generator's choices; the text itself is then cut down further.
    const counterexample = result.counterexample?.[0] && harness.minimizeText(result.counterexample[0]);
    send({
      ...done,
      type: 'failure',
      kind: error?.kind ?? 'exception',
      property: error?.property ?? 'fast-check',
      // The cut-down case's own failure, when cutting it down kept it failing.
      message: (counterexample && harness.failureOf(counterexample)?.message) ?? (error instanceof Error ? error.message : String(error)),
      counterexample: counterexample ? harness.describeCase(counterexample) : undefined,
      counterexamplePath: result.counterexamplePath,
      shrinks: result.numShrinks,
    });
    return;
  }
}

// ---- main: splits the runs into chunks, keeps the workers busy, adds up -------------------------

function plan({ runs, seed, jobs, chunk }) {
  const size = Math.max(1, Math.min(chunk, Math.ceil(runs / jobs)));
  const chunks = [];
  for (let done = 0, index = 0; done < runs; done += size, index++) chunks.push({ seed: seed + index, runs: Math.min(size, runs - done) });
  const perWorker = Array.from({ length: Math.min(jobs, chunks.length) }, () => []);
  chunks.forEach((item, index) => perWorker[index % perWorker.length].push(item));
  return perWorker;
}

function formatDuration(ms) {
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.worker) return runWorker({ ...options.worker, source: options.source, trace: options.trace });
  if (!fs.existsSync(harnessPath)) {
    process.stderr.write(`fuzz: ${path.relative(repositoryRoot, harnessPath)} is missing: run "npm run build" first.\n`);
    process.exitCode = 2;
    return;
  }
  const workers = plan(options);
  const started = Date.now();
  const totals = { runs: 0, characters: 0, bySource: {}, slowest: { ms: 0, source: '', length: 0 }, chunks: 0, knownBugs: {} };
  const progress = new Map();
  let failure;
  let stalled;
  process.stderr.write(`fuzz: ${options.runs} cases, seeds ${options.seed}…${options.seed + workers.flat().length - 1}, ${workers.length} workers, chunks of ≤ ${workers[0]?.[0]?.runs ?? 0}\n`);

  const ticker = setInterval(() => {
    const checked = totals.runs + [...progress.values()].reduce((sum, value) => sum + value.checked, 0);
    const elapsed = Date.now() - started;
    process.stderr.write(`fuzz: ${checked} / ${options.runs} cases, ${formatDuration(elapsed)}, ${Math.round(checked / (elapsed / 1000))} cases/s\n`);
  }, 30000);

  const children = [];
  await Promise.all(
    workers.map(
      (chunks, workerIndex) =>
        new Promise((resolve) => {
          const args = [fileURLToPath(import.meta.url), '--worker', JSON.stringify({ chunks }), ...(options.source ? ['--source', options.source] : []), ...(options.trace ? ['--trace'] : [])];
          const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
          children.push(child);
          let lastHeard = Date.now();
          const watchdog = setInterval(() => {
            if (Date.now() - lastHeard < stallMs) return;
            stalled ??= { worker: workerIndex, progress: progress.get(workerIndex) };
            child.kill('SIGKILL');
          }, 10000);
          let buffered = '';
          child.stdout.on('data', (data) => {
            lastHeard = Date.now();
            buffered += data.toString();
            let newline;
            while ((newline = buffered.indexOf('\n')) !== -1) {
              const message = JSON.parse(buffered.slice(0, newline));
              buffered = buffered.slice(newline + 1);
              if (message.type === 'progress') {
                progress.set(workerIndex, message);
                continue;
              }
              progress.delete(workerIndex);
              totals.runs += message.runs;
              totals.characters += message.characters;
              totals.chunks++;
              for (const [name, count] of Object.entries(message.bySource)) totals.bySource[name] = (totals.bySource[name] ?? 0) + count;
              if (message.slowest.ms > totals.slowest.ms) totals.slowest = message.slowest;
              for (const [name, known] of Object.entries(message.knownBugs ?? {})) {
                const total = (totals.knownBugs[name] ??= { cases: 0, properties: {}, examples: [] });
                total.cases += known.cases;
                for (const [property, count] of Object.entries(known.properties)) total.properties[property] = (total.properties[property] ?? 0) + count;
                total.examples.push(...known.examples.slice(0, Math.max(0, 3 - total.examples.length)));
              }
              if (message.type === 'failure' && !failure) {
                failure = { ...message, chunkRuns: chunks.find((item) => item.seed === message.seed)?.runs };
                for (const other of children) if (other !== child) other.kill();
              }
            }
          });
          child.on('exit', (code, signal) => {
            clearInterval(watchdog);
            if (code !== 0 && !failure && !stalled && signal !== 'SIGTERM') failure ??= { kind: 'exception', property: 'worker process', message: `worker ${workerIndex} exited with ${code ?? signal}` };
            resolve();
          });
        }),
    ),
  );
  clearInterval(ticker);

  const elapsed = Date.now() - started;
  const summary = {
    date: new Date().toISOString(),
    node: process.version,
    runs: totals.runs,
    requested: options.runs,
    seed: options.seed,
    workers: workers.length,
    chunks: totals.chunks,
    seconds: Math.round(elapsed / 1000),
    casesPerSecond: Math.round(totals.runs / (elapsed / 1000)),
    megabytes: Math.round(totals.characters / 1e6),
    bySource: totals.bySource,
    slowestCase: totals.slowest,
    exceptions: failure?.kind === 'exception' ? 1 : 0,
    propertyViolations: failure?.kind === 'property violation' ? 1 : 0,
    knownBugs: totals.knownBugs,
    stalled: stalled
      ? `worker ${stalled.worker} made no progress for ${stallMs / 60000} min (chunk seed ${stalled.progress?.seed ?? '?'}, after ${stalled.progress?.checked ?? '?'} cases): ` +
        `replay that chunk: node scripts/fuzz.mjs --jobs 1 --runs ${options.chunk} --chunk ${options.chunk} --seed ${stalled.progress?.seed ?? '?'} --trace`
      : undefined,
    failure,
  };
  if (options.json) fs.writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);

  const lines = [
    `fuzz: ${summary.runs} cases in ${formatDuration(elapsed)} (${summary.casesPerSecond} cases/s, ${summary.megabytes} M characters, ${workers.length} workers, ${totals.chunks} chunks from seed ${options.seed})`,
    ...Object.entries(totals.bySource).sort((a, b) => b[1] - a[1]).map(([name, count]) => `  ${String(count).padStart(9)}  ${name}`),
    `  slowest case: ${totals.slowest.ms} ms (${totals.slowest.source}, ${totals.slowest.length} characters${totals.slowest.seed === undefined ? '' : `, case ${totals.slowest.case} of the chunk of seed ${totals.slowest.seed}, starting ${totals.slowest.start}`})`,
    `  exceptions: ${summary.exceptions}, property violations: ${summary.propertyViolations}${Object.keys(totals.knownBugs).length > 0 ? ' (apart from the known bugs below)' : ''}`,
  ];
  for (const [name, known] of Object.entries(totals.knownBugs)) {
    lines.push('', `known bug "${name}": ${known.cases} cases (${Object.entries(known.properties).map(([property, count]) => `${count} × ${property}`).join(', ')}); first examples, cut down:`);
    for (const example of known.examples) lines.push(example.replace(/^/gm, '    '));
  }
  if (failure) {
    lines.push('', `FAILED: ${failure.kind} — ${failure.property}`, failure.message ?? '', '', `minimal counterexample (${failure.shrinks ?? 0} shrinks):`, failure.counterexample ?? '(none)');
    if (failure.seed !== undefined) lines.push('', `replay: node scripts/fuzz.mjs --jobs 1 --runs ${failure.chunkRuns} --chunk ${failure.chunkRuns} --seed ${failure.seed}${options.source ? ` --source ${JSON.stringify(options.source)}` : ''}`);
  }
  if (summary.stalled) lines.push('', `STALLED: ${summary.stalled}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = failure || stalled || summary.runs < options.runs ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
