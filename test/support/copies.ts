// How copies of a text lay it out when they come out of a PDF viewer or a mail: the layouts the tests
// put the adopted texts into, to hold the reading of a copy to the reading of the text.

/** The text as a copy that lost its blank lines and its lines' indentation has it. */
export function withoutBlankLines(text: string): string {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => line.trimStart()).join('\n');
}

/** The text with every line longer than 80 columns wrapped at spaces (footnote texts aside), as a copy out of a PDF or a mail has it. */
export function wrappedAt80(text: string): string {
  return text.split('\n').flatMap((line) => {
    if (line.length <= 80 || line.startsWith('[^')) return [line];
    const lines: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current !== '' && current.length + 1 + word.length > 80) {
        lines.push(current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    if (current !== '') lines.push(current);
    return lines;
  }).join('\n');
}
