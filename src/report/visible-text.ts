/**
 * The text a reader sees on a page, so that two engines' HTML for the same page compare equal when they
 * show the same words: the `<head>`, scripts, styles, templates and comments go (Next's RSC payload and
 * `__NEXT_DATA__` are scripts; React separates adjacent text with `<!-- -->`), every tag becomes a space,
 * the common entities are decoded and whitespace runs collapse to one space.
 */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(head|script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/?[a-zA-Z!][^>]*>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

export interface TextExcerpt {
  base: string;
  head: string;
}

const CONTEXT = 30;
const MAX_CHANGE = 80;

/**
 * The first place two texts differ, with a little context on each side, as each side shows it. The
 * common prefix and suffix are skipped in linear time (pages can be long; a word diff is not needed to
 * point a reviewer at the change).
 */
export function changeExcerpt(base: string, head: string): TextExcerpt {
  let start = 0;
  const shorter = Math.min(base.length, head.length);
  while (start < shorter && base[start] === head[start]) start++;
  let endBase = base.length;
  let endHead = head.length;
  while (endBase > start && endHead > start && base[endBase - 1] === head[endHead - 1]) {
    endBase--;
    endHead--;
  }
  const from = wordStart(base, Math.max(0, start - CONTEXT));
  return { base: cut(base, from, start, endBase), head: cut(head, from, start, endHead) };
}

function wordStart(text: string, index: number): number {
  if (index === 0) return 0;
  const space = text.lastIndexOf(' ', index);
  return space === -1 ? 0 : space + 1;
}

function cut(text: string, from: number, changeStart: number, changeEnd: number): string {
  let end = Math.min(text.length, Math.min(changeEnd, changeStart + MAX_CHANGE) + CONTEXT);
  // End on a word boundary too, unless the change itself runs up to the cut.
  const space = end < text.length ? text.lastIndexOf(' ', end) : -1;
  if (space > changeEnd) end = space;
  return (from > 0 ? '…' : '') + text.slice(from, end) + (end < text.length ? '…' : '');
}
