// The parser's chunks: runs of body lines that belong together (one paragraph, sub-paragraph,
// heading or closing block), kept from the line walk to the classification. They are kept as
// columns of numbers, not as objects: on a 10 MB draft, 31,000 chunk objects with their lines were
// megabytes that every young-generation collection copied until the old generation took them;
// typed arrays live outside the collected heap.
import type { Span } from '../model';
import { grown } from './lines';

export type ChunkRegion = 'body' | 'annex';

/** Bits of a chunk's flags. */
const inAnnex = 1;
const closingLike = 2;
/** A number line waits in `numberLines`: most chunks have none, and are answered without a lookup. */
const numbered = 4;

export class ChunkTable {
  count = 0;
  private starts: Int32Array;
  private ends: Int32Array;
  private firstBounds: Int32Array;
  private lineCounts: Int32Array;
  private partIndexes: Int32Array;
  /** `inAnnex`, `closingLike`, `numbered`. */
  private flags: Uint8Array;
  /** Each chunk's lines, content start and end of one line after another. */
  private bounds: Int32Array;
  private boundCount = 0;
  /** A paragraph number that stood alone on its line before the chunk ("2."), by chunk: a few at most. */
  private readonly numberLines = new Map<number, Span>();

  /** `lineCount`: the text's lines, which bound the chunks' and their lines' count but for a rare split line. */
  constructor(lineCount: number) {
    const capacity = Math.max(16, lineCount);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.firstBounds = new Int32Array(capacity);
    this.lineCounts = new Int32Array(capacity);
    this.partIndexes = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.bounds = new Int32Array(2 * capacity);
  }

  /**
   * A chunk of the first `lineBounds` numbers of `lines` (not none: each line's content start and end,
   * one after another; the walk reuses one list for every chunk), in `region`
   * and resolution part `partIndex`; `opensLikeClosing`: whether its text opens like a closing line
   * ("84th plenary meeting"), asked while the walk has the text at hand (see Parser.opensLikeClosing).
   */
  add(lines: readonly number[], lineBounds: number, region: ChunkRegion, partIndex: number, numberLine: Span | undefined, opensLikeClosing: boolean): void {
    if (this.count === this.starts.length) this.growChunks();
    while (this.boundCount + lineBounds > this.bounds.length) this.bounds = grown(this.bounds, 2 * this.bounds.length);
    const chunk = this.count++;
    this.firstBounds[chunk] = this.boundCount;
    for (let index = 0; index < lineBounds; index++) this.bounds[this.boundCount++] = lines[index] as number;
    this.starts[chunk] = lines[0] ?? 0;
    this.ends[chunk] = lines[lineBounds - 1] ?? 0;
    this.lineCounts[chunk] = lineBounds >> 1;
    this.partIndexes[chunk] = partIndex;
    this.flags[chunk] = (region === 'annex' ? inAnnex : 0) | (opensLikeClosing ? closingLike : 0) | (numberLine ? numbered : 0);
    if (numberLine) this.numberLines.set(chunk, numberLine);
  }

  /** Its first line's first non-space character. */
  start(chunk: number): number {
    return this.starts[chunk] ?? 0;
  }

  /** Just past its last line's last non-space character. */
  end(chunk: number): number {
    return this.ends[chunk] ?? 0;
  }

  region(chunk: number): ChunkRegion {
    return ((this.flags[chunk] ?? 0) & inAnnex) !== 0 ? 'annex' : 'body';
  }

  opensLikeClosing(chunk: number): boolean {
    return ((this.flags[chunk] ?? 0) & closingLike) !== 0;
  }

  partIndex(chunk: number): number {
    return this.partIndexes[chunk] ?? 0;
  }

  numberLine(chunk: number): Span | undefined {
    return ((this.flags[chunk] ?? 0) & numbered) !== 0 ? this.numberLines.get(chunk) : undefined;
  }

  /** Its lines, their content's bounds and text (made when asked for: rarely). */
  linesOf(chunk: number, text: string): { contentStart: number; contentEnd: number; content: string }[] {
    const lines: { contentStart: number; contentEnd: number; content: string }[] = [];
    const first = this.firstBounds[chunk] ?? 0;
    for (let line = 0; line < (this.lineCounts[chunk] ?? 0); line++) {
      const contentStart = this.bounds[first + 2 * line] ?? 0;
      const contentEnd = this.bounds[first + 2 * line + 1] ?? 0;
      lines.push({ contentStart, contentEnd, content: text.slice(contentStart, contentEnd) });
    }
    return lines;
  }

  private growChunks(): void {
    this.starts = grown(this.starts, 2 * this.starts.length);
    this.ends = grown(this.ends, 2 * this.ends.length);
    this.firstBounds = grown(this.firstBounds, 2 * this.firstBounds.length);
    this.lineCounts = grown(this.lineCounts, 2 * this.lineCounts.length);
    this.partIndexes = grown(this.partIndexes, 2 * this.partIndexes.length);
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.flags = flags;
  }
}

