/**
 * JSON with comments and trailing commas, as tsconfig.json and jsconfig.json are written: comments and the
 * commas before a closing bracket are dropped outside strings, then the text is parsed as JSON.
 */
export function parseJsonc(text: string): unknown {
  return JSON.parse(dropTrailingCommas(dropComments(text.replace(/^\uFEFF/, ''))));
}

/** Copies `text` through `visit`, which sees each character outside strings (strings are copied whole). */
function outsideStrings(text: string, visit: (at: number) => { emit: string; next: number }): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const { emit, next } = visit(i);
    out += emit;
    i = next;
  }
  return out;
}

function dropComments(text: string): string {
  return outsideStrings(text, (i) => {
    if (text[i] === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      return { emit: '', next: end < 0 ? text.length : end };
    }
    if (text[i] === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      return { emit: ' ', next: end < 0 ? text.length : end + 2 };
    }
    return { emit: text[i]!, next: i + 1 };
  });
}

const CLOSING = /\s*[}\]]/y;

function dropTrailingCommas(text: string): string {
  return outsideStrings(text, (i) => {
    CLOSING.lastIndex = i + 1;
    if (text[i] === ',' && CLOSING.test(text)) return { emit: '', next: i + 1 };
    return { emit: text[i]!, next: i + 1 };
  });
}
