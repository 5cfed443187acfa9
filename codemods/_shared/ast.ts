import { parse as babelParse, type ParserPlugin } from '@babel/parser';
import * as recast from 'recast';
import { withUnchangedReused } from './reuse-unchanged.js';

/**
 * Parse with @babel/parser (TypeScript + JSX) through recast, so printing reuses the original text of every
 * node a transform did not touch: comments and formatting survive.
 */
export function parseModule(source: string, path = 'file.tsx'): recast.types.namedTypes.File {
  // .ts keeps `<T>value` casts legal, so JSX is on only where the extension allows it.
  const language: ParserPlugin[] = /\.[mc]?ts$/.test(path)
    ? ['typescript']
    : /\.tsx$/.test(path)
      ? ['typescript', 'jsx']
      : ['jsx'];
  return recast.parse(source, {
    parser: {
      parse(code: string) {
        return babelParse(code, {
          sourceType: 'module',
          allowImportExportEverywhere: true,
          allowReturnOutsideFunction: true,
          startLine: 1,
          tokens: true,
          // recast attaches the comments itself (from ast.comments); babel's own attachment would only be copied.
          attachComment: false,
          plugins: [...language, 'decorators-legacy', 'importAttributes', 'explicitResourceManagement'],
        });
      },
    },
  }) as recast.types.namedTypes.File;
}

export function printModule(ast: recast.types.namedTypes.File): string {
  return withUnchangedReused(ast, () => recast.print(ast, { quote: 'single' }).code);
}
