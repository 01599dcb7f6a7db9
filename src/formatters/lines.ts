/**
 * Lines of a report joined into pieces of about 64 KiB: a report of a large cluster is more text than one
 * string can hold (V8's limit is about 512 MiB), so the text, Markdown and JUnit formatters make their
 * lines one at a time and the CLI writes each piece as it is made.
 * @module
 */

/** Size of the pieces, in characters (about). */
const CHUNK = 64 * 1024;

/** The lines, each followed by a newline, in pieces of about 64 KiB. */
export function* linesInChunks(lines: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const line of lines) {
    pending.push(line);
    size += line.length + 1;
    if (size >= CHUNK) {
      yield `${pending.join('\n')}\n`;
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield `${pending.join('\n')}\n`;
}

/** The pieces as one string. */
export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}
