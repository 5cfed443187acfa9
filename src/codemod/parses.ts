import { parse } from '@babel/parser';
import { babelOptions } from '../../codemods/_shared/ast.js';

/**
 * Whether a transform's output is a module the project's tooling will accept, by the same parser settings
 * the transforms read it with: only the verdict counts. Throws the parser's error otherwise.
 */
export function assertParses(code: string, file: string): void {
  parse(code, babelOptions(file, false));
}
