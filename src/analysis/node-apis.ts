import { builtinModules } from 'node:module';
import path from 'node:path';
import type { namedTypes as N } from 'ast-types';
import { parseModule } from '../../codemods/_shared/ast.js';
import { moduleSource } from '../../codemods/_shared/relative-imports.js';
import { walkWithAncestors } from '../../codemods/_shared/walk.js';

/**
 * Which project modules a file reaches through its imports, and which Node-only APIs each one uses. zfb runs
 * paths() and pages in an embedded V8 without Node (reference: zfb-engine.md §3.4): a Node module import fails
 * there, `fetch()` throws, `process` is undefined but for `process.env.NODE_ENV`, and the CommonJS globals do
 * not exist. A page that reads its data through a helper module (`lib/posts.ts` calling `fs.readFileSync`)
 * fails as surely as one that calls it itself, so the helper is named.
 *
 * Files are paths as the caller's `read` takes them (project-relative with forward slashes in the codemods,
 * absolute elsewhere). Only the project's own modules are followed: relative imports, and the `paths` aliases
 * of the tsconfig.json or jsconfig.json beside the files (`@/lib/posts`); packages are not.
 */

/** One use of a Node-only API in a module. */
export interface NodeApiUse {
  /** As a reader names it: `'fs'` (a Node module), `fetch()`, `process`, `__dirname`. */
  api: string;
  /** 1-based line in its module. */
  line: number;
}

/** A Node-only API use found in a parsed module, with the node and the statement (of a block) holding it. */
export interface NodeApiSite extends NodeApiUse {
  node: N.Node;
  statement: N.Node;
  /** Why zfb cannot run it, as a marker says it. */
  reason: string;
}

const NODE_BUILTINS = new Set(builtinModules);
const CODE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const COMMONJS_GLOBALS = new Set(['__dirname', '__filename']);

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]!);
}

const moduleReason = (specifier: string): string =>
  `'${specifier}' is a Node module; zfb runs paths() and pages in V8 without Node: load this data before the build`;

/** The statement (a direct child of a block or the program) that holds a node, given its ancestors. */
function enclosingStatement(node: N.Node, ancestors: readonly N.Node[]): N.Node {
  let current = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i]!;
    if (parent.type === 'Program' || parent.type === 'BlockStatement') return current;
    current = parent;
  }
  return current;
}

/** `process.env.NODE_ENV`, the one part of `process` zfb defines (as "production"), given `process`'s ancestors. */
function isNodeEnv(ancestors: readonly N.Node[]): boolean {
  const named = (node: N.Node | undefined, name: string): boolean => {
    const property = node?.type === 'MemberExpression' ? (node as N.MemberExpression).property : undefined;
    return property?.type === 'Identifier' && property.name === name;
  };
  return named(ancestors[ancestors.length - 1], 'env') && named(ancestors[ancestors.length - 2], 'NODE_ENV');
}

const lineOf = (node: N.Node): number => node.loc?.start.line ?? 0;

/** Every use of a Node-only API in a parsed module, in source order. Type-only imports do not count. */
export function nodeApiSites(ast: N.File): NodeApiSite[] {
  const sites: NodeApiSite[] = [];
  walkWithAncestors(ast.program, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
      const kind = (node as { importKind?: string; exportKind?: string }).importKind ?? (node as { exportKind?: string }).exportKind;
      const source = moduleSource(node);
      if (kind !== 'type' && source && isNodeBuiltin(source.value)) {
        sites.push({ api: `'${source.value}'`, line: lineOf(node), node, statement: node, reason: moduleReason(source.value) });
      }
      // An import's names are not uses; an export's declaration is looked into.
      return node.type === 'ExportNamedDeclaration' ? undefined : false;
    }
    if (node.type === 'CallExpression' || node.type === 'ImportExpression') {
      const call = node as N.CallExpression;
      const source = moduleSource(node);
      if (source && isNodeBuiltin(source.value)) {
        sites.push({ api: `'${source.value}'`, line: lineOf(node), node, statement: enclosingStatement(node, ancestors), reason: moduleReason(source.value) });
      } else if (call.callee?.type === 'Identifier' && call.callee.name === 'fetch') {
        sites.push({
          api: 'fetch()',
          line: lineOf(node),
          node,
          statement: enclosingStatement(node, ancestors),
          reason: 'fetch() throws in zfb (no network during the build): load this data before the build',
        });
      }
      return undefined;
    }
    // An identifier's own children (a type annotation) are not looked into; types are erased.
    if (node.type.startsWith('TS') && node.type !== 'TSAsExpression' && node.type !== 'TSSatisfiesExpression' && node.type !== 'TSNonNullExpression') return false;
    if (node.type !== 'Identifier') return undefined;
    const name = (node as N.Identifier).name;
    if (name !== 'process' && !COMMONJS_GLOBALS.has(name)) return false;
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && (parent as N.MemberExpression).property === node) return false;
    if (parent && (parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod') && (parent as N.ObjectProperty).key === node && !(parent as N.ObjectProperty).shorthand) return false;
    if (name === 'process' && isNodeEnv(ancestors)) return false;
    const reason =
      name === 'process'
        ? '`process` is undefined in zfb (only process.env.NODE_ENV is set): pass this value in another way'
        : `\`${name}\` does not exist in zfb (no Node, no CommonJS): load this data before the build`;
    sites.push({ api: name, line: lineOf(node), node, statement: enclosingStatement(node, ancestors), reason });
    return false;
  });
  return sites;
}

/** A module of the graph: what it imports (specifiers of value imports) and what it uses. */
interface ModuleFacts {
  text: string;
  imports: string[];
  uses: NodeApiUse[];
}

/** What one import reaches: each module with Node-only uses, and the import chain from the importer to it. */
export interface ReachedUse {
  file: string;
  uses: NodeApiUse[];
  /** The modules between the import and `file`, both ends included (`[file]` when the import itself uses them). */
  chain: string[];
}

/** tsconfig `paths` aliases: `@/*` → `src/*`, resolved against the config's folder and its baseUrl. */
interface Alias {
  prefix: string;
  suffix: string;
  targets: string[];
}

/** A JSON file that may hold comments and trailing commas (tsconfig.json allows both). */
function parseLenientJson(text: string): unknown {
  const stripped = text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string: string | undefined) => string ?? '');
  return JSON.parse(stripped.replace(/,(\s*[}\]])/g, '$1'));
}

/**
 * What the modules read so far import and use, by path, kept across graphs: the pages of a run import the same
 * helpers, and each is parsed once (again only when its text differs). The oldest go past this many.
 */
const FACTS_KEPT = 2_000;
const knownFacts = new Map<string, ModuleFacts>();

/**
 * The import graph of a project's modules, read through `read`; a module already parsed with the same text
 * (by this graph or another) is not parsed again.
 */
export class ModuleGraph {
  private aliases: Alias[] | undefined;

  constructor(
    private readonly read: (file: string) => string | undefined,
    /** The folder holding tsconfig.json / jsconfig.json, as `read` names paths ('' for project-relative paths). */
    private readonly root = '',
  ) {}

  /** The module a specifier names, seen from `from`; undefined for a package, a builtin or a missing file. */
  resolve(from: string, specifier: string): string | undefined {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      return this.file(path.posix.join(path.posix.dirname(from), specifier));
    }
    for (const alias of this.aliasList()) {
      if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix) || specifier.length < alias.prefix.length + alias.suffix.length) continue;
      const star = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
      for (const target of alias.targets) {
        const found = this.file(target.replace('*', star));
        if (found) return found;
      }
    }
    return undefined;
  }

  /** A module path as written, or with an extension or /index added (`./x.js` may name `x.ts`). */
  private file(base: string): string | undefined {
    const ext = path.posix.extname(base);
    const candidates = [base];
    if (CODE_EXTENSIONS.includes(ext)) candidates.push(...['.ts', '.tsx'].map((e) => base.slice(0, -ext.length) + e));
    candidates.push(...CODE_EXTENSIONS.map((e) => base + e), ...CODE_EXTENSIONS.map((e) => `${base}/index${e}`));
    return candidates.find((candidate) => CODE_EXTENSIONS.includes(path.posix.extname(candidate)) && this.read(candidate) !== undefined);
  }

  private aliasList(): Alias[] {
    if (this.aliases) return this.aliases;
    this.aliases = [];
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const config = path.posix.join(this.root, name);
      const text = this.read(config);
      if (text === undefined) continue;
      let options: { baseUrl?: string; paths?: Record<string, string[]> } | undefined;
      try {
        options = (parseLenientJson(text) as { compilerOptions?: typeof options }).compilerOptions;
      } catch {
        break;
      }
      const base = path.posix.join(this.root, options?.baseUrl ?? '.');
      for (const [pattern, targets] of Object.entries(options?.paths ?? {})) {
        const [prefix, suffix = ''] = pattern.split('*');
        this.aliases.push({ prefix: prefix!, suffix, targets: targets.map((t) => path.posix.join(base, t)) });
      }
      break;
    }
    return this.aliases;
  }

  /** A module's imports and Node-only uses; null when it cannot be read or parsed. */
  private factsOf(file: string): ModuleFacts | null {
    const text = this.read(file);
    if (text === undefined) return null;
    const known = knownFacts.get(file);
    if (known?.text === text) return known;
    let facts: ModuleFacts;
    try {
      const ast = parseModule(text, file);
      const imports: string[] = [];
      walkWithAncestors(ast.program, (node) => {
        const source = moduleSource(node);
        const typeOnly = (node as { importKind?: string; exportKind?: string }).importKind === 'type' || (node as { exportKind?: string }).exportKind === 'type';
        if (source && !typeOnly) imports.push(source.value);
        return undefined;
      });
      facts = { text, imports, uses: nodeApiSites(ast).map(({ api, line }) => ({ api, line })) };
    } catch {
      return null;
    }
    if (knownFacts.size >= FACTS_KEPT) knownFacts.delete(knownFacts.keys().next().value!);
    knownFacts.set(file, facts);
    return facts;
  }

  /**
   * Every project module reachable from `file` through its imports, itself included, breadth first (the
   * nearest first), each with its Node-only uses and the chain of imports that leads to it.
   */
  reachable(file: string): ReachedUse[] {
    const found: ReachedUse[] = [];
    const chains = new Map<string, string[]>([[file, [file]]]);
    const queue = [file];
    while (queue.length > 0) {
      const current = queue.shift()!;
      const facts = this.factsOf(current);
      if (!facts) continue;
      const chain = chains.get(current)!;
      found.push({ file: current, uses: facts.uses, chain });
      for (const specifier of facts.imports) {
        const next = this.resolve(current, specifier);
        if (next === undefined || chains.has(next)) continue;
        chains.set(next, [...chain, next]);
        queue.push(next);
      }
    }
    return found;
  }

  /** The modules of reachable(file) that use a Node-only API. */
  usesReachedFrom(file: string): ReachedUse[] {
    return this.reachable(file).filter((r) => r.uses.length > 0);
  }
}

/**
 * For an entry file (a page): the project modules it reaches through its imports, itself included, and the
 * Node-only APIs each of them uses (an empty list for a module that uses none).
 */
export function nodeApisReached(entry: string, read: (file: string) => string | undefined, root = ''): { file: string; uses: NodeApiUse[] }[] {
  return new ModuleGraph(read, root).reachable(entry).map(({ file, uses }) => ({ file, uses }));
}
