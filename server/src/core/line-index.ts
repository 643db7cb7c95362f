// Offsets to lines and columns and back, for adapters that speak in positions.
import type { LineTable } from './parse/lines';

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

export class LineIndex {
  private readonly lineStarts: ArrayLike<number>;
  readonly lineCount: number;

  /**
   * `table`: the parser's lines of the same text, whose starts are the index's (an editing session
   * keeps them from keystroke to keystroke: LintSession.lineIndex); without it, the text is searched.
   */
  constructor(
    private readonly text: string,
    table?: LineTable,
  ) {
    if (table) {
      this.lineStarts = table.columns.starts;
      this.lineCount = table.count;
      return;
    }
    const starts = [0];
    if (!text.includes('\r')) {
      // Line feeds only, the common case: from one to the next with the native search (a megabyte draft's
      // index is built on every keystroke).
      for (let offset = text.indexOf('\n'); offset >= 0; offset = text.indexOf('\n', offset + 1)) starts.push(offset + 1);
      this.lineStarts = starts;
      this.lineCount = starts.length;
      return;
    }
    for (let offset = 0; offset < text.length; offset++) {
      const code = text.charCodeAt(offset);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(offset + 1) === 10) offset++;
        starts.push(offset + 1);
      } else if (code === 10 /* \n */) {
        starts.push(offset + 1);
      }
    }
    this.lineStarts = starts;
    this.lineCount = starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.text.length;
    const lineStart = this.lineStarts[position.line] ?? 0;
    // A character past the line's end is its end, before the line break ("if the character value is
    // greater than the line length it defaults back to the line length", as the protocol says).
    let lineEnd = position.line + 1 < this.lineCount ? (this.lineStarts[position.line + 1] ?? 0) : this.text.length;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 10 /* \n */) lineEnd--;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 13 /* \r */) lineEnd--;
    return Math.max(lineStart, Math.min(lineStart + Math.max(0, position.character), lineEnd));
  }
}
