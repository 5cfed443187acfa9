import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import * as recast from 'recast';
import { withUnchangedReused } from './reuse-unchanged.js';
import { lineEndOf } from './plain-text.js';
import { installRecastFastPaths } from './recast-fast-paths.js';
import { parseWithOriginals } from './twin-parse.js';

// Every module is printed through this one (printModule below), so recast's helpers are replaced here.
installRecastFastPaths();

/**
 * The parser settings every transform reads a module with (and the output check, src/codemod/parses.ts):
 * TypeScript and JSX by extension, `tokens` where recast needs them.
 */
export function babelOptions(path: string, tokens: boolean): ParserOptions {
  // .ts keeps `<T>value` casts legal, so JSX is on only where the extension allows it.
  const language: ParserPlugin[] = /\.[mc]?ts$/.test(path) ? ['typescript'] : /\.tsx$/.test(path) ? ['typescript', 'jsx'] : ['jsx'];
  return {
    sourceType: 'module',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    startLine: 1,
    tokens,
    // recast attaches the comments itself (from ast.comments); babel's own attachment would only be copied.
    attachComment: false,
    plugins: [...language, 'decorators-legacy', 'importAttributes', 'explicitResourceManagement'],
  };
}

/** Parses `code` as the original recast reprints from: with its tokens, each with its text. */
export function parseOriginal(code: string, path: string): Record<string, unknown> {
  const file = babelParse(code, babelOptions(path, true));
  fillTokenValues(code, file.tokens as Token[]);
  return file as unknown as Record<string, unknown>;
}

/** Parses a module only to read it (a layout's exports, say): babel's tree, without what reprinting needs. */
export function readModule(source: string, path: string): recast.types.namedTypes.File {
  return babelParse(source, babelOptions(path, false)) as unknown as recast.types.namedTypes.File;
}

/**
 * Parse with @babel/parser (TypeScript + JSX) into recast's form (codemods/_shared/twin-parse.ts), so printing
 * reuses the original text of every node a transform did not touch: comments and formatting survive.
 */
export function parseModule(source: string, path = 'file.tsx'): recast.types.namedTypes.File {
  const style = styleOf(source, path);
  const tree = parseWithOriginals(
    source,
    (code, withTokens) => (withTokens ? parseOriginal(code, path) : (babelParse(code, babelOptions(path, false)) as unknown as Record<string, unknown>)),
    style.tabWidth,
  );
  styles.set(tree, style);
  return tree as unknown as recast.types.namedTypes.File;
}

/**
 * How a module is laid out, so that what recast prints anew looks like the rest: recast keeps lines without
 * their ends and joins them with one terminator (os.EOL unless told), so a CRLF module would come back all LF;
 * and it indents new lines with spaces unless told to use tabs.
 */
interface Style {
  lineTerminator: string;
  /** Indented with tabs: printed with tabs, one for each two columns (the snippets' indent step). */
  tabs: boolean;
  tabWidth: number;
  /** A tab-indented module's own text and path, for indentWithTabs. */
  source?: string;
  path: string;
}

const styles = new WeakMap<object, Style>();

function styleOf(source: string, path: string): Style {
  const lineTerminator = lineEndOf(source);
  const tabs = indentedWithTabs(source);
  // recast's default width where spaces lead, as before; with tabs, the width of the snippets' indent step.
  return { lineTerminator, tabs, tabWidth: tabs ? 2 : 4, source: tabs ? source : undefined, path };
}

/** More lines start with a tab than with an indent of spaces (a block comment's ` * ` lines do not count). */
export function indentedWithTabs(source: string): boolean {
  return (source.match(/^\t/gm)?.length ?? 0) > (source.match(/^ {2}/gm)?.length ?? 0);
}

/**
 * recast indents with tabs when told to, except where it joins a line onto another (Lines.concat writes the
 * joined line's indent as spaces, after whatever indent the other line had: a block's first statement, an
 * object's first property), and a snippet's lines keep the spaces they were written with (codemods/_shared/
 * snippet.ts). In a tab-indented module, a line whose indent ends in a tab's width of spaces or more, and that
 * is not one of the module's own lines, gets that indent in tabs, unless it lies inside a template literal or
 * string, whose spaces are part of its value.
 */
function indentWithTabs(printed: string, style: Style): string {
  let text: Set<number>;
  try {
    text = linesInsideValues(printed, style.path);
  } catch {
    // Output that does not parse is the runner's to report (src/codemod/parses.ts), as printed.
    return printed;
  }
  const own = new Set(style.source!.split(/\r\n|\r|\n/));
  return printed
    .split(style.lineTerminator)
    .map((line, i) => {
      const [indent, tabs, spaces] = /^(\t*)( *)/.exec(line)!;
      if (spaces!.length < style.tabWidth || own.has(line) || text.has(i + 1)) return line;
      const columns = tabs!.length * style.tabWidth + spaces!.length;
      return '\t'.repeat(Math.floor(columns / style.tabWidth)) + ' '.repeat(columns % style.tabWidth) + line.slice(indent.length);
    })
    .join(style.lineTerminator);
}

/**
 * The lines (1-based) that begin inside a template literal's text or a string. It parses the printed code
 * once more (the runner's output check parses it again later): only tab-indented modules pay for that.
 */
function linesInsideValues(code: string, path: string): Set<number> {
  const tokens = babelParse(code, babelOptions(path, true)).tokens as { type: string | { label: string }; loc: { start: { line: number }; end: { line: number } } }[];
  const lines = new Set<number>();
  for (const token of tokens) {
    const label = typeof token.type === 'string' ? token.type : token.type.label;
    if (label !== 'template' && label !== 'string') continue;
    for (let line = token.loc.start.line + 1; line <= token.loc.end.line; line++) lines.add(line);
  }
  return lines;
}

interface Token {
  value?: unknown;
  start: number;
  end: number;
  loc: { start: { line: number }; end: { line: number } };
}

/**
 * Babel leaves punctuation tokens without a string value, and recast fills each in from its line table,
 * normalising its whole options object once per token: a quarter of recast's own parse time. A token on one
 * line is the same slice of the parsed text; one spanning lines is left to recast, which joins lines its way.
 */
function fillTokenValues(code: string, tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (typeof token.value !== 'string' && token.loc.start.line === token.loc.end.line) token.value = code.slice(token.start, token.end);
  }
}

export function printModule(ast: recast.types.namedTypes.File): string {
  const style = styles.get(ast);
  const layout = style?.tabs ? { tabWidth: style.tabWidth, useTabs: true } : {};
  const printed = withUnchangedReused(ast, () => recast.print(ast, { quote: 'single', lineTerminator: style?.lineTerminator ?? '\n', ...layout }).code);
  return style?.tabs ? indentWithTabs(printed, style) : printed;
}
