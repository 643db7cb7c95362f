// The document model is read, never changed: one span object may stand in several places (a
// one-piece paragraph's span is its piece's; the footnote search reads the paragraphs' own pieces),
// so a rule or a feature that changed a node would change others (ARCHITECTURE.md, "Spans are
// values"). Every adopted text is parsed, its model frozen whole, and read by every rule and the
// editor features: a write anywhere throws (the compiled code is strict), and the findings must be
// those of the same text unfrozen.
import * as assert from 'node:assert/strict';
import {
  documentStatistics,
  documentSymbols,
  foldingRanges,
  internalErrorPrefix,
  lintDraft,
  parse,
  semanticTokens,
  type Draft,
} from '../server/src/core/index';
import { corpusTexts } from './support/fuzz';

/** Freezes the model reachable from `value`, but not the lexicon's entries it points at (shared by every draft). */
function deepFreeze(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    if (key === 'entry') continue;
    deepFreeze(child, seen);
  }
  Object.freeze(value);
}

function readEverything(draft: Draft): string[] {
  const findings = lintDraft(draft).map((finding) => `${finding.ruleId} ${finding.span.start}-${finding.span.end} ${finding.message}`);
  documentSymbols(draft);
  foldingRanges(draft);
  semanticTokens(draft);
  documentStatistics(draft);
  return findings;
}

describe('the document model is never changed by what reads it', () => {
  it('has texts to read', () => {
    assert.ok(corpusTexts.length >= 100, `only ${corpusTexts.length} corpus texts found`);
  });

  it('every rule and feature reads every adopted text with its model frozen, and finds the same', () => {
    for (const text of corpusTexts) {
      const frozen = parse(text);
      deepFreeze(frozen);
      assert.ok(Object.isFrozen(frozen.paragraphs[0]?.span ?? frozen), 'the model is frozen');
      const found = readEverything(frozen);
      assert.deepEqual(found.filter((finding) => finding.includes(internalErrorPrefix)), []);
      assert.deepEqual(found, readEverything(parse(text)));
    }
  });
});
