// The parser's searches of a whole text, kept by an incremental session for the next version of the
// document: after a keystroke, only the stretch the edit touched is searched again (see
// whole-text-search.ts; the line table, lines.ts). The searches' results are the same as searching
// the whole text.
import { footnoteMarks, type FootnoteMarks } from './footnote-calls';
import { LineTable } from './lines';
import { changeBetween, literalPlaces, type TextChange } from './whole-text-search';

interface Searched {
  readonly text: string;
  marks?: FootnoteMarks;
  lines?: LineTable;
  readonly places: Map<string, readonly number[]>;
}

export class SearchMemo {
  private previous: Searched | undefined;
  private current: Searched | undefined;
  private change: TextChange | undefined;

  /** The footnote marks of `text` (the version being parsed). */
  footnoteMarks(text: string): FootnoteMarks {
    const current = this.versionOf(text);
    const earlier = this.previous?.marks;
    current.marks ??= footnoteMarks(text, earlier && { marks: earlier, change: this.changeSince(text) });
    return current.marks;
  }

  /** The lines of `text` (the version being parsed), read again only where the edit touched them. */
  lineTable(text: string): LineTable {
    const current = this.versionOf(text);
    const earlier = this.previous?.lines;
    current.lines ??= earlier ? LineTable.afterEdit(earlier, this.changeSince(text), text) : new LineTable(text);
    return current.lines;
  }

  /** Where `word` occurs in `text` (the version being parsed). */
  placesOf(text: string, word: string): readonly number[] {
    const current = this.versionOf(text);
    let places = current.places.get(word);
    if (!places) {
      const earlier = this.previous?.places.get(word);
      places = literalPlaces(text, word, earlier && { places: earlier, change: this.changeSince(text) });
      current.places.set(word, places);
    }
    return places;
  }

  /** The version is parsed: the one before it (its whole text) is let go. */
  endVersion(): void {
    this.previous = undefined;
    this.change = undefined;
  }

  /** What is kept for `text`: a new version begins when the parser asks with another text. */
  private versionOf(text: string): Searched {
    if (this.current?.text !== text) {
      this.previous = this.current;
      this.current = { text, places: new Map() };
      this.change = undefined;
    }
    return this.current;
  }

  private changeSince(text: string): TextChange {
    this.change ??= changeBetween(this.previous?.text ?? '', text);
    return this.change;
  }
}
