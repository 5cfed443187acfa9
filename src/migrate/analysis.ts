import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import type { namedTypes as N } from 'ast-types';
import type * as Esbuild from 'esbuild';
import { esbuild } from '../load/esbuild.js';
import { parseModule } from '../../codemods/_shared/ast.js';
import { moduleSource } from '../../codemods/_shared/relative-imports.js';
import { walkWithAncestors } from '../../codemods/_shared/walk.js';
import type { ModuleResolver } from './resolve.js';
import { topLevelItems, type Item } from './split.js';

/**
 * Which modules reach Node. zfb renders pages in an embedded V8 where `fetch()` throws, `process` is
 * undefined and Node's modules cannot be bundled (zfb-engine.md §3.4; a bare `fs` import fails the whole
 * build). The analysis follows each project module's imports (relative and tsconfig-aliased ones, through
 * the project's own files) and records what it uses of Node: built-in modules, packages that cannot be
 * bundled without Node (found by bundling them as zfb does, esbuild with the neutral platform), `fetch()` and
 * `process` (but `process.env.NODE_ENV`, which zfb defines).
 */

const BUILTINS = new Set(builtinModules);

export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!);
}

export function packageName(specifier: string): string {
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
}

export interface ImportInfo {
  specifier: string;
  /** Imported names: 'default', '*' (namespace or require), or a named export. */
  names: string[];
  /** Local bindings the import declares. */
  locals: string[];
  /** Project file it resolves to. */
  resolved?: string;
}

export interface ModuleInfo {
  imports: ImportInfo[];
  /** What of Node the module uses itself: `fetch()`, `process`. */
  uses: string[];
  /** Set when the module does not parse. */
  error?: string;
}

export class ModuleGraph {
  private readonly infos = new Map<string, ModuleInfo>();
  private readonly reach = new Map<string, string[]>();

  constructor(
    private readonly read: (file: string) => string | undefined,
    private readonly resolver: ModuleResolver,
    /** Packages that cannot be bundled without Node (see nodeOnlyPackages). */
    private readonly nodePackages: ReadonlySet<string> = new Set(),
  ) {}

  info(file: string): ModuleInfo {
    let info = this.infos.get(file);
    if (!info) {
      info = readModuleInfo(file, this.read(file) ?? '', this.resolver);
      this.infos.set(file, info);
    }
    return info;
  }

  /**
   * Why a module reaches Node, as short chains (`lib/posts.ts imports fs`), [] when it does not. Imports of
   * project files are followed; a cycle counts as not reaching.
   */
  nodeReach(file: string, stack: Set<string> = new Set()): string[] {
    const known = this.reach.get(file);
    if (known) return known;
    if (stack.has(file)) return [];
    stack.add(file);
    const info = this.info(file);
    const reasons: string[] = info.uses.map((use) => `${file} uses ${use}`);
    for (const item of info.imports) {
      if (item.resolved) {
        const inner = this.nodeReach(item.resolved, stack);
        if (inner.length > 0) reasons.push(inner[0]!);
      } else if (isBuiltin(item.specifier)) {
        reasons.push(`${file} imports ${item.specifier}`);
      } else if (this.nodePackages.has(packageName(item.specifier))) {
        reasons.push(`${file} imports ${item.specifier}, which needs Node`);
      }
    }
    stack.delete(file);
    this.reach.set(file, reasons);
    return reasons;
  }

  /** Every project file reachable from `entries` through imports, the entries included. */
  reachable(entries: readonly string[]): string[] {
    const seen = new Set<string>();
    const queue = [...entries];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const item of this.info(file).imports) if (item.resolved && !seen.has(item.resolved)) queue.push(item.resolved);
    }
    return [...seen].sort();
  }

  /**
   * The local names a module imports whose value reaches Node: an import of a Node built-in or package, or
   * an export of a project module whose own code (what it refers to in its module, and further imports)
   * reaches Node. `sectionTitle` from a module that also reads files with fs does not.
   */
  nodeOnlyBindings(file: string): Set<string> {
    const names = new Set<string>();
    for (const item of this.info(file).imports) {
      item.names.forEach((name, i) => {
        const local = item.locals[i];
        if (!local) return;
        const node = item.resolved ? (name === '*' ? this.nodeReach(item.resolved).length > 0 : this.exportReaches(item.resolved, name)) : isBuiltin(item.specifier) || this.nodePackages.has(packageName(item.specifier));
        if (node) names.add(local);
      });
    }
    return names;
  }

  private readonly exportReach = new Map<string, boolean>();

  /** Whether the export `name` of a project module reaches Node (see nodeOnlyBindings). */
  exportReaches(file: string, name: string, stack: Set<string> = new Set()): boolean {
    const key = `${file}\0${name}`;
    const known = this.exportReach.get(key);
    if (known !== undefined) return known;
    if (stack.has(key)) return false;
    stack.add(key);
    const result = this.computeExportReach(file, name, stack);
    stack.delete(key);
    this.exportReach.set(key, result);
    return result;
  }

  private computeExportReach(file: string, name: string, stack: Set<string>): boolean {
    const text = this.read(file);
    if (text === undefined) return false;
    let items: Item[];
    try {
      items = topLevelItems(parseModule(text, file.replace(/\.(?:mjs|cjs)$/, '.js')));
    } catch {
      return false;
    }
    const declaring = new Map<string, Item[]>();
    for (const item of items) for (const local of item.names) declaring.set(local, [...(declaring.get(local) ?? []), item]);
    const info = this.info(file);
    const importOf = (item: Item): ImportInfo | undefined => {
      if (item.statement.type !== 'ImportDeclaration') return undefined;
      const specifier = String((item.statement as N.ImportDeclaration).source.value);
      return info.imports.find((i) => i.specifier === specifier && i.locals.some((l) => item.names.includes(l)));
    };
    const reaches = (item: Item): boolean => {
      const imported = importOf(item);
      if (imported) {
        if (!imported.resolved) return isBuiltin(imported.specifier) || this.nodePackages.has(packageName(imported.specifier));
        const index = imported.locals.indexOf(item.names[0]!);
        const importedName = imported.names[index] ?? '*';
        return importedName === '*' ? this.nodeReach(imported.resolved).length > 0 : this.exportReaches(imported.resolved, importedName, stack);
      }
      if (item.statement.type === 'ExportNamedDeclaration' && (item.statement as N.ExportNamedDeclaration).source) {
        const reexport = info.imports.find((i) => i.specifier === String((item.statement as N.ExportNamedDeclaration).source!.value));
        return reexport?.resolved ? this.nodeReach(reexport.resolved).length > 0 : !!reexport && isBuiltin(reexport.specifier);
      }
      return usesNode(item.statement);
    };
    const roots = items.filter((item) => item.exported.includes(name));
    if (roots.length === 0) return this.nodeReach(file).length > 0;
    const seen = new Set<Item>();
    const queue = [...roots];
    while (queue.length > 0) {
      const item = queue.pop()!;
      if (seen.has(item)) continue;
      seen.add(item);
      if (reaches(item)) return true;
      for (const ref of item.refs) for (const declared of declaring.get(ref) ?? []) queue.push(declared);
    }
    return false;
  }
}

/** Whether a statement itself calls fetch() or uses `process` (but process.env.NODE_ENV). */
function usesNode(statement: N.Node): boolean {
  let found = false;
  walkWithAncestors(statement, (node, ancestors) => {
    if (found) return false;
    if (node.type === 'CallExpression' && (node as N.CallExpression).callee.type === 'Identifier' && ((node as N.CallExpression).callee as N.Identifier).name === 'fetch') found = true;
    if (node.type === 'Identifier' && (node as N.Identifier).name === 'process' && isProcessUse(node, ancestors)) found = true;
    return undefined;
  });
  return found;
}

function readModuleInfo(file: string, text: string, resolver: ModuleResolver): ModuleInfo {
  let ast: N.File;
  try {
    ast = parseModule(text, file.replace(/\.(?:mjs|cjs)$/, '.js'));
  } catch (error) {
    return { imports: [], uses: [], error: error instanceof Error ? error.message : String(error) };
  }
  const imports: ImportInfo[] = [];
  const uses = new Set<string>();
  const add = (specifier: string, names: string[], locals: string[]) => {
    const resolved = specifier.startsWith('.') || !isBuiltin(specifier) ? resolver.resolve(file, specifier) : undefined;
    imports.push({ specifier, names, locals, ...(resolved ? { resolved } : {}) });
  };
  for (const statement of ast.program.body as N.Node[]) {
    if (statement.type === 'ImportDeclaration') {
      const declaration = statement as N.ImportDeclaration;
      if (declaration.importKind === 'type') continue;
      const specifiers = (declaration.specifiers ?? []).filter((s) => (s as { importKind?: string }).importKind !== 'type');
      if ((declaration.specifiers ?? []).length > 0 && specifiers.length === 0) continue;
      const names = specifiers.map((s) => (s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : String((s as N.ImportSpecifier).imported.name)));
      add(String(declaration.source.value), names, specifiers.map((s) => String(s.local?.name ?? '')));
    } else if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && (statement as { source?: N.StringLiteral | null }).source) {
      if ((statement as { exportKind?: string }).exportKind === 'type') continue;
      const names = statement.type === 'ExportAllDeclaration' ? ['*'] : ((statement as N.ExportNamedDeclaration).specifiers ?? []).map((s) => String(((s as N.ExportSpecifier).local ?? (s as N.ExportSpecifier).exported).name));
      add(String((statement as unknown as { source: N.StringLiteral }).source.value), names, []);
    }
  }
  walkWithAncestors(ast.program, (node, ancestors) => {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') return false;
    if (node.type === 'CallExpression' || node.type === 'ImportExpression') {
      const literal = moduleSource(node);
      if (literal) add(literal.value, ['*'], []);
      const callee = (node as N.CallExpression).callee;
      if (callee?.type === 'Identifier' && callee.name === 'fetch') uses.add('fetch()');
      return undefined;
    }
    if (node.type === 'Identifier' && (node as N.Identifier).name === 'process' && isProcessUse(node, ancestors)) uses.add('process');
    return undefined;
  });
  return { imports, uses: [...uses].sort() };
}

/** `process` used as a value, but for `process.env.NODE_ENV`, the one part zfb defines (zfb-engine.md §3.4). */
function isProcessUse(node: N.Node, ancestors: readonly N.Node[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (!parent) return true;
  const member = (n: N.Node | undefined): n is N.MemberExpression => n?.type === 'MemberExpression' || n?.type === 'OptionalMemberExpression';
  if (member(parent) && parent.property === node && !parent.computed) return false;
  if (parent.type === 'ObjectProperty' && (parent as N.ObjectProperty).key === node && !(parent as { computed?: boolean }).computed) return false;
  if (parent.type.startsWith('TS')) return false;
  const grand = ancestors[ancestors.length - 2];
  const named = (n: N.Node | undefined, name: string) => member(n) && n.property.type === 'Identifier' && (n.property as N.Identifier).name === name;
  return !(named(parent, 'env') && named(grand, 'NODE_ENV'));
}

/**
 * The packages among `names` that cannot be bundled without Node: each is bundled as zfb bundles a page
 * (esbuild, neutral platform, the main/module fields of zfb's React mode), and one whose code needs a Node
 * built-in fails. Resolved from the project's own node_modules; a package that is not installed is not
 * judged (the report says so).
 */
export async function nodeOnlyPackages(root: string, names: readonly string[]): Promise<{ nodeOnly: Set<string>; missing: string[] }> {
  const nodeOnly = new Set<string>();
  const missing: string[] = [];
  const require = createRequire(path.join(root, 'package.json'));
  const installed = names.filter((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return true;
    } catch {
      try {
        require.resolve(name);
        return true;
      } catch {
        missing.push(name);
        return false;
      }
    }
  });
  await Promise.all(
    installed.map(async (name) => {
      try {
        await esbuild.build({
          stdin: { contents: `import * as m from ${JSON.stringify(name)}; export default m;`, resolveDir: root, loader: 'js' },
          bundle: true,
          write: false,
          platform: 'neutral',
          mainFields: ['module', 'main'],
          logLevel: 'silent',
          // Styles and assets a package imports are zfb's business, not Node's.
          loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty', '.woff': 'empty', '.woff2': 'empty' },
        });
      } catch (error) {
        const errors = (error as Partial<Esbuild.BuildFailure>).errors ?? [];
        if (errors.some((e) => /built into node|Could not resolve "(?:node:)?[a-z_]+"/.test(`${e.text} ${e.notes.map((n) => n.text).join(' ')}`) && isBuiltin(/"([^"]+)"/.exec(e.text)?.[1] ?? ''))) nodeOnly.add(name);
      }
    }),
  );
  return { nodeOnly, missing: missing.sort() };
}
