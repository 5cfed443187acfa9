import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';
import { relativeSpecifier } from './module-edits.js';
import { isBuiltin, ModuleGraph, nodeOnlyPackages, packageName } from './analysis.js';
import type { MigrationContext } from './context.js';
import { ModuleResolver } from './resolve.js';
import type { PathAliases } from './tsconfig.js';
import type { NodeOnlyImport } from './types.js';

/**
 * What the zfb pages' bundle cannot take: a module that a page or layout component reaches (lib/content.ts
 * for its sectionTitle(), say) may also import fs, path or a package such as gray-matter for its data
 * functions, and zfb's bundler (esbuild for V8, no Node) fails the whole build on the first of them. Each
 * such import gets a stand-in module in next-shims/node-only/ that the next-data plugin aliases for the
 * pages' bundle only (zfb's addAlias); the data code keeps running in Node with the real module. Calling a
 * stand-in while a page renders fails the build with a message naming the call.
 */

const STUB_DIR = 'next-shims/node-only';
/** Bare specifiers the zfb project itself provides, or that never need Node. */
const PROVIDED = /^(?:next(?:\/.*)?|react(?:-dom)?(?:\/.*)?|@takazudo\/zfb(?:-runtime)?(?:\/.*)?|virtual:.*)$/;

export async function stubNodeOnlyImports(ctx: MigrationContext, aliases: PathAliases, entries: readonly string[]): Promise<NodeOnlyImport[]> {
  const resolver = new ModuleResolver(new Set(ctx.tree.paths()), aliases);
  const read = (file: string) => ctx.tree.text(file) ?? ctx.read(file);
  const graph = new ModuleGraph(read, resolver);
  const modules = graph.reachable(entries.filter((file) => ctx.tree.has(file)));
  const used = new Map<string, { names: Set<string>; from: Set<string> }>();
  for (const file of modules) {
    for (const item of graph.info(file).imports) {
      if (item.resolved || item.specifier.startsWith('.') || PROVIDED.test(item.specifier) || item.specifier.startsWith('node:')) continue;
      const entry = used.get(item.specifier) ?? { names: new Set<string>(), from: new Set<string>() };
      for (const name of item.names) entry.names.add(name);
      entry.from.add(file);
      used.set(item.specifier, entry);
    }
  }
  const packages = [...new Set([...used.keys()].filter((s) => !isBuiltin(s)).map(packageName))].sort();
  const { nodeOnly, missing } = await nodeOnlyPackages(ctx.root, packages);
  for (const name of missing) {
    ctx.notMigrated.push({ file: 'package.json', reason: `the package ${name} is not installed in the source project, so whether the zfb pages can bundle it was not checked: run npm install there first` });
  }
  const stubs: NodeOnlyImport[] = [];
  for (const [specifier, { names, from }] of [...used].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!isBuiltin(specifier) && !nodeOnly.has(packageName(specifier))) continue;
    const file = `${STUB_DIR}/${specifier.replace(/[^A-Za-z0-9._-]+/g, '__')}.js`;
    // path is string work: its real functions serve the pages as well as Node.
    const pathModule = /^(?:node:)?path(?:\/posix)?$/.test(specifier) && [...names].every((name) => name === 'default' || name === '*' || PATH_EXPORTS.has(name));
    ctx.tree.write(file, pathModule ? template('path.js') : stubSource(specifier, names));
    ctx.aliases.set(specifier, file);
    stubs.push({ specifier, stub: file, importedBy: [...from].sort() });
  }
  // Modules that read `process` while they load get one: the pages import it before anything else.
  if (modules.some((file) => graph.info(file).uses.includes('process'))) {
    ctx.tree.write(GLOBALS, template('globals.js'));
    for (const page of ctx.tree.paths().filter((file) => /^pages\/.*\.tsx$/.test(file))) {
      const text = ctx.tree.text(page);
      if (text === undefined) continue;
      ctx.tree.write(page, `import '${relativeSpecifier(page, GLOBALS.replace(/\.js$/, ''))}';\n${text}`);
    }
  }
  return stubs;
}

const GLOBALS = `${STUB_DIR}/globals.js`;
const PATH_EXPORTS = new Set(['sep', 'delimiter', 'normalize', 'join', 'isAbsolute', 'resolve', 'dirname', 'basename', 'extname', 'relative', 'parse', 'format', 'toNamespacedPath', 'posix']);

function template(name: string): string {
  return readFileSync(path.join(PACKAGE_ROOT, 'src/migrate/templates/node-only', name), 'utf8');
}

function stubSource(specifier: string, names: ReadonlySet<string>): string {
  const named = [...names].filter((name) => name !== 'default' && name !== '*' && /^[A-Za-z_$][\w$]*$/.test(name)).sort();
  // A namespace import of a built-in reads its exports by name: give it every one.
  if (names.has('*') && isBuiltin(specifier)) {
    for (const key of builtinExports(specifier)) if (!named.includes(key)) named.push(key);
  }
  return [
    `// Written by zfb-next migrate. '${specifier}' needs Node, and zfb renders pages in V8 without it. The`,
    `// next-data plugin puts this module in its place for the pages' bundle only; data code runs in Node with`,
    `// the real one. Calling anything here while a page renders fails the build: move that call into the`,
    `// page's data (next-data/).`,
    `function nodeOnly(name) {`,
    `  return function () {`,
    `    throw new Error(\`\${name} needs Node, which zfb does not have while it renders a page: call it from the page's data (next-data/) instead\`);`,
    `  };`,
    `}`,
    `const stub = new Proxy(nodeOnly(${JSON.stringify(specifier)}), {`,
    `  get: (target, key) => (typeof key === 'symbol' || key === '__esModule' || key === 'then' ? undefined : nodeOnly(${JSON.stringify(specifier)} + '.' + String(key))),`,
    `});`,
    `export default stub;`,
    ...named.map((name) => `export const ${name} = stub.${name};`),
    '',
  ].join('\n');
}

function builtinExports(specifier: string): string[] {
  const name = specifier.replace(/^node:/, '');
  if (!builtinModules.includes(name)) return [];
  try {
    // Node's own modules, loaded to list their exports: nothing of the project runs here.
    return Object.keys(process.getBuiltinModule?.(name) ?? {}).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
  } catch {
    return [];
  }
}
