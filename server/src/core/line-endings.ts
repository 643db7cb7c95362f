// Line breaks in what an edit inserts, written the way the text writes its own: rules write "\n",
// and a draft typed on Windows (or saved so) has "\r\n". Shared by the command line's --fix and the
// language server's edits, so the faces agree.
import type { TextEdit } from './findings';

export type LineEnding = '\n' | '\r\n' | '\r';

/**
 * The line ending most lines of `text` use: "\r\n", "\n" or "\r"; on a tie, the one met first;
 * "\n" for a text of one line.
 */
export function dominantLineEnding(text: string): LineEnding {
  const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
  let first: LineEnding | undefined;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let ending: LineEnding;
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) {
        ending = '\r\n';
        index++;
      } else {
        ending = '\r';
      }
    } else if (code === 10) {
      ending = '\n';
    } else {
      continue;
    }
    counts[ending]++;
    first ??= ending;
  }
  let best: LineEnding = first ?? '\n';
  for (const ending of ['\n', '\r\n', '\r'] as const) if (counts[ending] > counts[best]) best = ending;
  return best;
}

/**
 * Rules write the line breaks they insert as "\n"; in a text that uses another ending, each such
 * bare "\n" becomes that ending. A "\r\n" or "\r" the fix carries (copied from the text) is kept.
 */
export function withLineEnding(edit: TextEdit, lineEnding: LineEnding): TextEdit {
  if (lineEnding === '\n' || !edit.newText.includes('\n')) return edit;
  return { span: edit.span, newText: edit.newText.replace(/\r?\n/g, (found) => (found === '\n' ? lineEnding : found)) };
}
