// What every output format receives, and returns: the output in pieces, written one after the other.
import type { Rule } from '../../core/index';
import type { FileReport } from '../report';

export interface FormatContext {
  /** Every registered rule, for formats that describe them (SARIF). */
  readonly rules: readonly Rule[];
  readonly toolVersion: string;
  /** Whether ANSI colours may be used (stdout is a terminal and NO_COLOR is not set). */
  readonly colors: boolean;
}

/**
 * The output as pieces to write in order. A whole output can outgrow the longest string JavaScript
 * has (about 512 MB): a fix that every finding of a rule shares (the renumbering of a whole draft) is
 * written out with each of them in JSON and SARIF, and 5,000 of them on a long draft passed that.
 */
export type Formatter = (reports: readonly FileReport[], context: FormatContext) => Iterable<string>;

/**
 * `JSON.stringify(container, null, indent)` with the array at `key` (empty in `container`) filled
 * with `items`, yielded piece by piece: the container around it, then one item at a time. Joined,
 * the pieces are exactly what stringifying the filled container gives. The array filled is the first
 * empty one under that key in the JSON: no other key of that name may hold an empty array before it
 * (strings may hold anything: their quotes are escaped).
 */
export function* jsonWithArray(container: object, key: string, items: Iterable<unknown>, indent = 0): Generator<string> {
  const whole = JSON.stringify(container, null, indent);
  const placeholder = `${JSON.stringify(key)}:${indent > 0 ? ' ' : ''}[]`;
  const at = whole.indexOf(placeholder);
  // A look-alike inside a string cannot match: its quotes are escaped.
  if (at < 0) throw new Error(`jsonWithArray: no empty array at ${key}`);
  const lineStart = whole.lastIndexOf('\n', at) + 1;
  const depth = indent > 0 ? ' '.repeat(at - lineStart) : '';
  const itemIndent = indent > 0 ? `\n${depth}${' '.repeat(indent)}` : '';
  const open = at + placeholder.length - 1;
  let first = true;
  for (const item of items) {
    const json = JSON.stringify(item, null, indent);
    // Line breaks in pretty JSON stand only between tokens (a string's own are escaped): indent them all.
    const indented = indent > 0 ? json.replace(/\n/g, itemIndent) : json;
    yield first ? `${whole.slice(0, open)}${itemIndent}${indented}` : `,${itemIndent}${indented}`;
    first = false;
  }
  yield first ? whole : `${indent > 0 ? `\n${depth}` : ''}${whole.slice(open)}`;
}
