import type { namedTypes as N } from 'ast-types';
import { posix } from 'node:path';
import { parseModule, readModule } from '../_shared/ast.js';
import { moduleSource, resolveModule } from '../_shared/relative-imports.js';
import type { TransformInput } from '../_shared/types.js';
import { referencedNames, walk } from '../_shared/walk.js';

/** The next/navigation functions that end a render by throwing; getStaticProps has a result for each. */
export const NAVIGATION = ['notFound', 'redirect', 'permanentRedirect'];

/**
 * The next/navigation functions a module can call: those it imports by name, all of them for a namespace
 * import, a `require()` or an `import()` of next/navigation. Keyed by local name (`*` when there is none).
 */
function navigationBindings(ast: N.File): Map<string, string[]> {
  const bindings = new Map<string, string[]>();
  walk(ast.program, (node) => {
    if (moduleSource(node)?.value !== 'next/navigation') return undefined;
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration') {
      for (const s of ((node as N.ImportDeclaration).specifiers ?? []) as N.Node[]) {
        if (s.type === 'ImportSpecifier' || s.type === 'ExportSpecifier') {
          const imported = String(((s as N.ImportSpecifier).imported as N.Identifier).name ?? ((s as N.ImportSpecifier).imported as unknown as N.StringLiteral).value);
          const local = s.type === 'ImportSpecifier' ? String((s as N.ImportSpecifier).local?.name ?? imported) : '*';
          if (NAVIGATION.includes(imported)) bindings.set(local, [...(bindings.get(local) ?? []), imported]);
        } else {
          bindings.set(String((s as N.ImportNamespaceSpecifier).local?.name ?? '*'), NAVIGATION);
        }
      }
    } else {
      bindings.set('*', NAVIGATION);
    }
    return false;
  });
  return bindings;
}

/** The navigation functions the modules `path` imports relatively (and those they import) can call. */
function importedNavigation(ast: N.File, path: string, readFile: TransformInput['readFile'], seen: Set<string>, found: Set<string>): void {
  walk(ast.program, (node) => {
    const specifier = moduleSource(node)?.value;
    if (!specifier || !/^\.\.?(?:\/|$)/.test(specifier)) return undefined;
    const target = resolveModule(posix.join(posix.dirname(path), specifier), readFile);
    if (!target || seen.has(target.path)) return false;
    seen.add(target.path);
    let imported: N.File;
    try {
      imported = readModule(target.source, target.path);
    } catch {
      return false;
    }
    for (const names of navigationBindings(imported).values()) for (const name of names) found.add(name);
    importedNavigation(imported, target.path, readFile, seen, found);
    return false;
  });
}

/**
 * The next/navigation functions the data path of the page at `input.path` may still call once its own
 * `notFound()` / `redirect()` statements are turned into results: through the module's remaining references
 * to them (`stillUsed`, which the moved loading code is part of), in a local helper or inside an expression,
 * or through the modules it imports relatively. Imports through path aliases or packages are not followed.
 */
export function navigationReach(ast: N.File, input: TransformInput, stillUsed: (name: string) => boolean): Set<string> {
  const found = new Set<string>();
  for (const [local, names] of navigationBindings(ast)) if (local === '*' || stillUsed(local)) for (const name of names) found.add(name);
  importedNavigation(ast, input.path, input.readFile, new Set([input.path]), found);
  return found;
}

/**
 * A function turning the error next/navigation's notFound(), redirect() and permanentRedirect() throw into the
 * pages router's result; anything else is thrown again. The digests are the ones Next.js writes and reads:
 * `NEXT_HTTP_ERROR_FALLBACK;404` (next/dist/client/components/http-access-fallback/http-access-fallback.js
 * isHTTPAccessFallbackError) and `NEXT_REDIRECT;<push|replace>;<url>;<307|308>;`, whose url may hold `;`
 * (redirect-error.js isRedirectError; redirect() gives 307, permanentRedirect() 308).
 */
export function navigationResultFunction(name: string, typescript: boolean): string {
  return [
    "// next/navigation's notFound() and redirect() throw; getStaticProps returns what they mean instead.",
    typescript
      ? `function ${name}(error: unknown): { notFound: true } | { redirect: { destination: string; permanent: boolean } } {`
      : `function ${name}(error) {`,
    typescript
      ? "  const digest = typeof (error as { digest?: unknown } | null)?.digest === 'string' ? (error as { digest: string }).digest.split(';') : [];"
      : "  const digest = typeof error?.digest === 'string' ? error.digest.split(';') : [];",
    "  if (digest[0] === 'NEXT_HTTP_ERROR_FALLBACK' && digest[1] === '404') return { notFound: true };",
    '  const status = digest[digest.length - 2];',
    "  if (digest[0] === 'NEXT_REDIRECT' && (digest[1] === 'push' || digest[1] === 'replace') && (status === '307' || status === '308')) {",
    "    return { redirect: { destination: digest.slice(2, -2).join(';'), permanent: status === '308' } };",
    '  }',
    '  throw error;',
    '}',
  ].join('\n');
}

/**
 * The names the moved loading code refers to (not its object keys: `{ notFound: true }` calls nothing). It is a
 * function body's statements, parsed as one; should that fail, every name counts as used.
 */
export function loadReferences(load: string, path: string): (name: string) => boolean {
  try {
    const names = referencedNames(parseModule(`async function load() {\n${load}\n}`, path).program);
    return (name) => names.has(name);
  } catch {
    return () => true;
  }
}

/** A name for the function above that the module does not use yet. */
export function freeName(source: string, base: string): string {
  let name = base;
  for (let i = 2; new RegExp(`\\b${name}\\b`).test(source); i++) name = `${base}${i}`;
  return name;
}
