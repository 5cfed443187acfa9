/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Project text as a Markdown code span for GitHub: inside code GitHub neither turns a URL into a link nor an
 * `@name` into a notification, and HTML and Markdown punctuation stay literal. Invisible characters (a lone
 * CR would end the line, NUL and ESC would pass through) are written as escapes first; the fence is one
 * backtick longer than any run of backticks inside, padded with a space when the text starts or ends with
 * a backtick or a space (CommonMark strips one such space from each side). In a table cell a `|` must be
 * written `\|` even inside code: GFM splits the row before it reads the spans, and turns `\|` back into `|`.
 */
export function markdownCode(text: string, { inTable }: { inTable: boolean }): string {
  const visible = escapeInvisible(text);
  if (visible === '') return '';
  const longestRun = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[ `]|[ `]$/.test(visible) && !/^ +$/.test(visible) ? ' ' : '';
  const span = `${fence}${pad}${visible}${pad}${fence}`;
  return inTable ? span.replace(/\|/g, '\\|') : span;
}

/** Text for XML content and attributes; characters XML 1.0 cannot carry at all are replaced with U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` is written as `\u003c`, so no string
 * in the data can close the script element (`</script>`) or open a comment (`<!--`); U+2028/U+2029 are
 * escaped as well so the text stays valid even if someone evaluates it as JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Characters a terminal or a reader cannot see as themselves: C0 and C1 controls (ESC starts an ANSI
 * escape sequence, a lone CR returns to the start of the line), DEL, the line and paragraph separators,
 * bidirectional overrides and isolates, the byte order mark, and lone surrogates.
 */
const INVISIBLE_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const INVISIBLE = new RegExp(INVISIBLE_SOURCE, 'g');
const HAS_INVISIBLE = new RegExp(INVISIBLE_SOURCE);

const SHORT_ESCAPES: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function jsonEscape(c: string): string {
  return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Project text (a URL, a param, a file name, a message) for a human-readable output: every invisible
 * character is written as its JSON escape (`\u001b`, `\r`), so an ANSI sequence in a param cannot colour or
 * rewrite a terminal line. `keepNewlines` leaves line feeds alone, for multi-line messages.
 */
export function escapeInvisible(text: string, { keepNewlines = false } = {}): string {
  return text.replace(INVISIBLE, (c) => (keepNewlines && c === '\n' ? c : jsonEscape(c)));
}

/**
 * One value in a space-separated list: as it is when it has no whitespace, quote or backslash and every
 * character is visible, else as a JSON string (`"/en/posts/a b"`), so that a URL with a space never reads
 * as two URLs and every character shows.
 */
export function quoteIfNeeded(text: string): string {
  if (text !== '' && !/[\s"'\\]/.test(text) && !HAS_INVISIBLE.test(text)) return text;
  return JSON.stringify(text).replace(INVISIBLE, jsonEscape);
}
