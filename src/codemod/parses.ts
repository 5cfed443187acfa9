import { parse, type ParserPlugin } from '@babel/parser';

/**
 * Whether a transform's output is a module the project's tooling will accept, by the same parser settings
 * the transforms read it with (codemods/_shared/ast.ts), without recast's extra work: only the verdict counts.
 * Throws the parser's error otherwise.
 */
export function assertParses(code: string, file: string): void {
  const language: ParserPlugin[] = /\.[mc]?ts$/.test(file) ? ['typescript'] : /\.tsx$/.test(file) ? ['typescript', 'jsx'] : ['jsx'];
  parse(code, {
    sourceType: 'module',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    attachComment: false,
    plugins: [...language, 'decorators-legacy', 'importAttributes', 'explicitResourceManagement'],
  });
}
