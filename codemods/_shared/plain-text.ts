import type { Transform } from './types.js';

/**
 * A transform reads and writes plain text: no byte order mark, every line ended by \n. The text of a module
 * written otherwise is made plain for the transform, and the transform's output gets the module's own line
 * end (the first one it has) and mark back. Transforms join generated code with \n, and an inserted import
 * would otherwise land before the mark. Markers keep their line numbers: a line is a line either way.
 */
export function onPlainText(transform: Transform): Transform {
  return (input) => {
    const mark = input.source.startsWith('\uFEFF') ? '\uFEFF' : '';
    const lineEnd = /\r\n|\r|\n/.exec(input.source)?.[0] ?? '\n';
    if (!mark && !input.source.includes('\r')) return transform(input);
    const plain = input.source.slice(mark.length).replace(/\r\n?/g, '\n');
    const result = transform({ ...input, source: plain });
    if (result.source === null) return result;
    // Text the transform left as it was stays byte for byte as it was, even where the module mixed its line ends.
    if (result.source === plain) return { ...result, source: input.source };
    return { ...result, source: mark + (lineEnd === '\n' ? result.source : result.source.replace(/\n/g, lineEnd)) };
  };
}
