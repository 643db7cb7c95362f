// Every regular expression of the server through recheck (npm): none may backtrack
// catastrophically (ReDoS) on a hostile draft. The patterns come from three places:
//   - the source: regular expression literals and `RegExp("…")` with literal arguments in
//     server/src/**/*.ts, read with TypeScript's parser;
//   - the lexicons: the regex sources in server/src/core/lexicon/*.json (keys named "…pattern…"),
//     which lexicon.ts compiles with `new RegExp`;
//   - run time: test/support/capture-regexps.ts records, in a process of its own, every RegExp the
//     code builds from templates and lexicon data while it lints the corpus and the fixtures.
// A "vulnerable" pattern fails the test, with its attack string, once V8 confirms it: recheck's
// fuzz checker (patterns with lookarounds) times its attacks, and on a loaded machine it reported
// attacks that V8 matches in 3 ms; "unknown" ones (recheck could
// not decide in time, or does not support the syntax) are listed. REGEX_SAFETY_VERBOSE=1 lists all;
// REGEX_SAFETY_JSON=file writes every pattern with its status.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { repositoryRoot } from './check';

interface Pattern {
  readonly source: string;
  readonly flags: string;
  /** "server/src/…/file.ts:line", "server/src/core/lexicon/languages.json $.0.closingPatterns.1", … */
  readonly sites: string[];
  readonly origin: 'literal' | 'lexicon' | 'run time';
}

const serverSource = path.join(repositoryRoot, 'server', 'src');

function filesUnder(folder: string, extension: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full, extension);
    return entry.isFile() && entry.name.endsWith(extension) ? [full] : [];
  });
}

const relative = (file: string): string => path.relative(repositoryRoot, file).replace(/\\/g, '/');

/** Regular expression literals and `RegExp(…)` calls with literal arguments; the other calls are built at run time. */
function sourcePatterns(): { patterns: Pattern[]; dynamicSites: string[]; files: number } {
  const patterns: Pattern[] = [];
  const dynamicSites: string[] = [];
  const files = filesUnder(serverSource, '.ts');
  for (const file of files) {
    const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const siteOf = (node: ts.Node): string => `${relative(file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sourceFile);
        const lastSlash = text.lastIndexOf('/');
        patterns.push({ source: text.slice(1, lastSlash), flags: text.slice(lastSlash + 1), sites: [siteOf(node)], origin: 'literal' });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const literal = (argument: ts.Expression | undefined): argument is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
          argument !== undefined && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument));
        if (literal(pattern) && (flags === undefined || literal(flags))) {
          patterns.push({ source: pattern.text, flags: flags?.text ?? '', sites: [siteOf(node)], origin: 'literal' });
        } else {
          dynamicSites.push(siteOf(node));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { patterns, dynamicSites, files: files.length };
}

/** The regex sources of the lexicons: string values under a key that names a pattern. lexicon.ts compiles them with "iu". */
function lexiconPatterns(): Pattern[] {
  const patterns: Pattern[] = [];
  const walk = (value: unknown, jsonPath: string, file: string, underPatternKey: boolean): void => {
    if (typeof value === 'string') {
      if (underPatternKey) patterns.push({ source: value, flags: 'iu', sites: [`${relative(file)} ${jsonPath}`], origin: 'lexicon' });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${jsonPath}[${index}]`, file, underPatternKey));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, `${jsonPath}.${key}`, file, /pattern/i.test(key));
    }
  };
  for (const file of filesUnder(path.join(serverSource, 'core', 'lexicon'), '.json')) {
    walk(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, '$', file, false);
  }
  return patterns;
}

/** What the code builds at run time, recorded by test/support/capture-regexps.ts in a process of its own. */
function runTimePatterns(): { patterns: Pattern[]; problems: string[]; texts: number } {
  const script = path.join(repositoryRoot, 'out', 'test', 'support', 'capture-regexps.js');
  const output = execFileSync(process.execPath, ['--enable-source-maps', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const captured = JSON.parse(output) as { patterns: { source: string; flags: string; sites: string[] }[]; problems: string[]; texts: number };
  return { patterns: captured.patterns.map((pattern) => ({ ...pattern, origin: 'run time' as const })), problems: captured.problems, texts: captured.texts };
}

/** One entry per source and flags, with every place it comes from. */
function unique(patterns: readonly Pattern[]): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const pattern of patterns) {
    const key = `${pattern.flags}/${pattern.source}`;
    const known = byKey.get(key);
    if (known) known.sites.push(...pattern.sites.filter((site) => !known.sites.includes(site)));
    else byKey.set(key, { ...pattern, sites: [...pattern.sites] });
  }
  return [...byKey.values()];
}

/**
 * recheck's checker in a worker thread of this process, not its native agent: the first checks, four
 * at once, each started an agent process, and once (2026-11-29) the suite stopped there with four idle
 * agents and never ended. The same checker, compiled to JavaScript, gives the same verdicts (266 safe
 * of 266 then) in some seconds more. An explicit RECHECK_BACKEND is left as it is.
 */
process.env['RECHECK_BACKEND'] ??= 'worker';

/** Checks the patterns (recheck's worker takes them one at a time, in the order asked). */
async function checkAll(patterns: readonly Pattern[]): Promise<Array<{ pattern: Pattern; diagnostics: Diagnostics }>> {
  const results: Array<{ pattern: Pattern; diagnostics: Diagnostics }> = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < patterns.length) {
      const pattern = patterns[next++];
      if (!pattern) break;
      results.push({ pattern, diagnostics: await check(pattern.source, pattern.flags, { timeout: 20000 }) });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return results;
}

/**
 * Whether V8 takes over 2 s on recheck's attack string (run in a child process, stopped at 10 s).
 * A real attack of recheck's size (up to 300,000 characters) takes minutes; a spurious one, ms.
 */
function attackHoldsOnV8(pattern: Pattern, attack: string): boolean {
  const script = `const r = new RegExp(process.argv[1], process.argv[2]); const s = require('fs').readFileSync(0, 'utf8'); if (r.global || r.sticky) { for (const _ of s.matchAll(new RegExp(r.source, r.flags.includes('g') ? r.flags : r.flags + 'g'))) {} } else r.exec(s);`;
  const started = Date.now();
  const run = spawnSync(process.execPath, ['-e', script, pattern.source, pattern.flags], { input: attack, timeout: 10000 });
  return run.error !== undefined || run.status !== 0 || Date.now() - started > 2000;
}

const describePattern = (pattern: Pattern): string => `/${pattern.source}/${pattern.flags} (${pattern.sites.slice(0, 3).join(', ')}${pattern.sites.length > 3 ? ', …' : ''})`;

describe('regular expressions: none can backtrack catastrophically (recheck)', function () {
  this.timeout(300000);

  let fromSource: ReturnType<typeof sourcePatterns>;
  let fromRunTime: ReturnType<typeof runTimePatterns>;
  let patterns: Pattern[];
  let results: Awaited<ReturnType<typeof checkAll>>;

  before(async () => {
    fromSource = sourcePatterns();
    fromRunTime = runTimePatterns();
    patterns = unique([...fromSource.patterns, ...lexiconPatterns(), ...fromRunTime.patterns]);
    results = await checkAll(patterns);
    const count = (origin: Pattern['origin']): number => patterns.filter((pattern) => pattern.origin === origin).length;
    const statuses = (status: Diagnostics['status']): number => results.filter((result) => result.diagnostics.status === status).length;
    // The figures docs/reliability.md quotes.
    console.log(
      `      recheck: ${patterns.length} distinct patterns (${count('literal')} in ${fromSource.files} source files, ${count('lexicon')} more from lexicon/*.json, ${count('run time')} more built at run time over ${fromRunTime.texts} texts): ` +
        `${statuses('safe')} safe, ${statuses('vulnerable')} vulnerable, ${statuses('unknown')} unknown`,
    );
    const jsonPath = process.env['REGEX_SAFETY_JSON'];
    if (jsonPath) fs.writeFileSync(jsonPath, JSON.stringify(results.map(({ pattern, diagnostics }) => ({ ...pattern, status: diagnostics.status, checker: diagnostics.checker })), null, 1));
    for (const { pattern, diagnostics } of results) {
      if (diagnostics.status === 'unknown') console.log(`      unknown (${diagnostics.error.kind}): ${describePattern(pattern)}`);
      else if (process.env['REGEX_SAFETY_VERBOSE']) console.log(`      ${diagnostics.status} (${diagnostics.checker}): ${describePattern(pattern)}`);
    }
  });

  it('finds the patterns of the source, the lexicons and those built at run time', () => {
    assert.ok(fromSource.patterns.length > 50, `only ${fromSource.patterns.length} regular expression literals found: is the scanner broken?`);
    assert.ok(fromRunTime.patterns.length > 10, `only ${fromRunTime.patterns.length} patterns built at run time were seen`);
    assert.deepEqual(fromRunTime.problems, [], 'loading the modules and linting the texts went without an error');
  });

  it('every RegExp(…) built from a template or from data is reached at run time, so it is checked too', () => {
    const reached = new Set(fromRunTime.patterns.flatMap((pattern) => pattern.sites));
    const missed = fromSource.dynamicSites.filter((site) => !reached.has(site));
    assert.deepEqual(missed, [], 'these RegExp calls were not reached while linting the corpus and fixtures: extend test/support/capture-regexps.ts');
  });

  it('no pattern is vulnerable', function () {
    this.timeout(600000);
    const vulnerable = results.filter((result) => result.diagnostics.status === 'vulnerable' && attackHoldsOnV8(result.pattern, result.diagnostics.attack.string));
    assert.deepEqual(
      vulnerable.map(({ pattern, diagnostics }) =>
        diagnostics.status === 'vulnerable'
          ? `${describePattern(pattern)}: ${diagnostics.complexity.type} backtracking, attack ${diagnostics.attack.pattern}${diagnostics.hotspot.length > 0 ? `, hotspot ${JSON.stringify(diagnostics.hotspot.map((spot) => pattern.source.slice(spot.start, spot.end)))}` : ''}`
          : '',
      ),
      [],
    );
  });
});
