// Fuzzing, the CI share: a few thousand hostile texts through every property of test/support/fuzz.ts
// (parse, every rule, every fix, fix all, formatting, symbols, folding, hover, completion,
// definition … never throw, answer inside the text, keep every word). `npm run fuzz -- --runs N`
// runs as many as asked (scripts/fuzz.mjs); FUZZ_RUNS=N here sets the runs of every source.
import fc from 'fast-check';
import { checkCase, corpusTexts, describeCase, fuzzCases, fuzzSources } from './support/fuzz';

const runsOverride = Number(process.env['FUZZ_RUNS'] ?? '') || undefined;

describe('fuzzing: no input breaks the core (test/support/fuzz.ts)', function () {
  this.timeout(120000);

  for (const source of fuzzSources) {
    const numRuns = source.heavy ? source.defaultRuns : (runsOverride ?? source.defaultRuns);
    it(`${source.name}: ${numRuns} cases, every property`, function () {
      if (source.needsCorpus && corpusTexts.length === 0) this.skip();
      fc.assert(
        fc.property(fuzzCases(source.texts), (fuzzCase) => {
          checkCase(fuzzCase);
        }),
        { numRuns, reporter: (details) => {
          if (!details.failed) return;
          const counterexample = details.counterexample?.[0];
          throw new Error(`${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\nminimal counterexample (seed ${details.seed}, path "${details.counterexamplePath ?? ''}", ${details.numShrinks} shrinks):\n${counterexample ? describeCase(counterexample) : '?'}`);
        } },
      );
    });
  }
});
