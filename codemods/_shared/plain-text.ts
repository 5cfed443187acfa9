import type { Transform } from './types.js';

/**
 * A transform reads and writes plain text: no byte order mark, every line ended by \n. The module's text (and
 * that of the modules it reads beside, such as the layouts above a page) is made plain for the transform, and
 * the transform's output gets the module's own line end (the first one it has) and mark back. Transforms join
 * generated code with \n, and an inserted import would otherwise land before the mark. Markers keep their line
 * numbers: a line is a line either way.
 */
export function onPlainText(transform: Transform): Transform {
  return (input) => {
    const readFile = (file: string): string | undefined => {
      const text = input.readFile(file);
      return text === undefined ? undefined : plainText(text);
    };
    const plain = plainText(input.source);
    const result = transform({ ...input, source: plain, readFile });
    if (result.source === null || plain === input.source) return result;
    // Text the transform left as it was stays byte for byte as it was, even where the module mixed its line ends.
    if (result.source === plain) return { ...result, source: input.source };
    const mark = input.source.startsWith('\uFEFF') ? '\uFEFF' : '';
    const lineEnd = lineEndOf(input.source);
    return { ...result, source: mark + (lineEnd === '\n' ? result.source : result.source.replace(/\n/g, lineEnd)) };
  };
}

function plainText(text: string): string {
  return (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/** A module's line end: the first it has (\n for a single line). */
export function lineEndOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
