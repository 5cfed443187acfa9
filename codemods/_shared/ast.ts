import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import * as recast from 'recast';
import { withUnchangedReused } from './reuse-unchanged.js';
import { parseWithOriginals } from './twin-parse.js';

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

/**
 * Parse with @babel/parser (TypeScript + JSX) into recast's form (codemods/_shared/twin-parse.ts), so printing
 * reuses the original text of every node a transform did not touch: comments and formatting survive.
 */
export function parseModule(source: string, path = 'file.tsx'): recast.types.namedTypes.File {
  const style = styleOf(source);
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
}

const styles = new WeakMap<object, Style>();

function styleOf(source: string): Style {
  const end = source.indexOf('\n');
  const lineTerminator = end > 0 && source[end - 1] === '\r' ? '\r\n' : '\n';
  const tabs = (source.match(/^\t/gm)?.length ?? 0) > (source.match(/^ /gm)?.length ?? 0);
  // recast's default width where spaces lead, as before; with tabs, the width of the snippets' indent step.
  return { lineTerminator, tabs, tabWidth: tabs ? 2 : 4 };
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
  return withUnchangedReused(ast, () => recast.print(ast, { quote: 'single', lineTerminator: style?.lineTerminator ?? '\n', ...layout }).code);
}
