// Fixtures whose expectation is right (per ../shared/spec/rules.md and format.md) but that the rules
// do not meet yet. Each is skipped by name, with the reason, so the suite stays green while the bug
// stays in sight; remove an entry as soon as its fixture passes (run it with KNOWN_BUGS=run).
//
// Keys are fixture paths relative to test/fixtures/.

export const knownBugs: Readonly<Record<string, string>> = {
};

/**
 * Known bugs that the property tests meet. When a property fails on an input that `covers` a
 * known bug of that property, the failure is put down to that bug and the input passes; any other
 * failure still fails. Each bug's `example` is run as a named, skipped test (KNOWN_BUGS=run runs it).
 */
export interface KnownPropertyBug {
  readonly name: string;
  readonly reason: string;
  /** The property the bug breaks. */
  readonly property: 'fix-all converges' | 'fix edits do not overlap';
  readonly example: string;
  readonly covers: (text: string) => boolean;
}


export const knownPropertyBugs: readonly KnownPropertyBug[] = [];
