// The language server's collection of the young generation before a long draft's lint (lsp/young-generation.ts).
import * as assert from 'node:assert/strict';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { freshYoungGeneration, freshYoungGenerationMinimumLength } from '../server/src/lsp/young-generation';

/** The kinds of the collections V8 made while `action` ran and a moment after. */
async function collectionsDuring(action: () => void): Promise<number[]> {
  const kinds: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) kinds.push((entry as PerformanceEntry & { readonly detail?: { readonly kind?: number } }).detail?.kind ?? -1);
  });
  observer.observe({ entryTypes: ['gc'] });
  action();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return kinds;
}

describe('the young generation collected before a long draft\'s lint', () => {
  it('is collected, once, for a text of the length it is worth it for', async () => {
    let collected = false;
    const kinds = await collectionsDuring(() => {
      collected = freshYoungGeneration(freshYoungGenerationMinimumLength);
    });
    assert.equal(collected, true);
    assert.ok(kinds.includes(constants.NODE_PERFORMANCE_GC_MINOR), `collections seen: ${kinds.join(', ') || 'none'}`);
  });

  it('is left to V8 for a shorter text', () => {
    // (V8 may collect on its own at any moment: only the answer is asserted.)
    assert.equal(freshYoungGeneration(freshYoungGenerationMinimumLength - 1), false);
  });
});
