import type { ParserOptions, ParserPlugin } from '@babel/parser';

/**
 * The parser settings every transform reads a module with (and the output check, src/codemod/parses.ts):
 * TypeScript and JSX by extension, `tokens` when asked for. A module of its own, without the parser, so
 * that code which only needs the settings does not load it.
 */
export function babelOptions(path: string, tokens: boolean): ParserOptions {
  const language = languagePlugins(path);
  return {
    sourceType: 'module',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    startLine: 1,
    tokens,
    // The comments are read from the file's list (ast.comments), where each edit finds them by offset.
    attachComment: false,
    plugins: [...language, 'decorators-legacy', 'importAttributes', 'explicitResourceManagement'],
  };
}

export function languagePlugins(path: string): ParserPlugin[] {
  // .ts keeps `<T>value` casts legal, so JSX is on only where the extension allows it.
  return /\.[mc]?ts$/.test(path) ? ['typescript'] : /\.tsx$/.test(path) ? ['typescript', 'jsx'] : ['jsx'];
}
