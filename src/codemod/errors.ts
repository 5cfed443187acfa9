/** The codemod could not run as asked (unknown transform, missing path, dirty tree): the CLI exits 2. */
export class CodemodUsageError extends Error {
  override name = 'CodemodUsageError';
}
