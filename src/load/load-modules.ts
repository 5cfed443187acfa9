import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';
import { bundle, DEFAULT_BUNDLE_SETTINGS, type BundleSettings, type Layer } from './bundle.js';
import { CallGuard, faultCode, type CallInfo, type FaultCode } from './call-guard.js';
import { ImportGraph } from './import-graph.js';
import { missingAliasTarget } from './path-aliases.js';

/**
 * Loads user modules the way `next build` compiles them (bundle.ts) and evaluates them in this process.
 * Meant to run inside the isolated host (host-main.ts); tests of our own fixtures also use it directly.
 */

export interface LoadError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** `pages/a.tsx -> lib/b.ts -> some-package`: how the route file reached the failing import. */
  chain?: string;
  /** Set when loading hung or ended the process rather than failing. */
  fault?: FaultCode;
}

export type Loaded = { ok: true; module: Record<string, unknown> } | { ok: false; error: LoadError };

export interface SessionOptions {
  settings?: BundleSettings;
  /** Time limit and the parent's watch; by default a 60 s limit (Next's staticPageGenerationTimeout). */
  guard?: CallGuard;
  /** Where bundles are written; a fresh folder in the OS temporary directory when not given. */
  tmpDir?: string;
  /** The process stays in the root for the whole session (a project's host process does). */
  inRoot?: boolean;
}

const DEFAULT_LIMIT_MS = 60_000;

export class ModuleSession {
  readonly guard: CallGuard;
  private readonly settings: BundleSettings;
  private readonly outdir: string;
  private readonly ownsOutdir: boolean;
  private batch = 0;

  private readonly inRoot: boolean;

  constructor(
    readonly root: string,
    options: SessionOptions = {},
  ) {
    this.settings = options.settings ?? DEFAULT_BUNDLE_SETTINGS;
    this.guard = options.guard ?? new CallGuard(DEFAULT_LIMIT_MS);
    this.inRoot = options.inRoot ?? false;
    this.ownsOutdir = !options.tmpDir;
    this.outdir = options.tmpDir ?? mkdtempSync(path.join(tmpdir(), 'zfb-next-'));
  }

  /**
   * Loads every file (absolute paths) and returns its module namespace or a located error. One bundle serves
   * all files; if it fails, each file is bundled alone so one bad file cannot hide the others, and its error
   * comes with the chain of imports that led to it.
   */
  async load(files: readonly string[], layer: Layer = 'pages'): Promise<Map<string, Loaded>> {
    const results = new Map<string, Loaded>();
    if (files.length === 0) return results;
    let outputs: Map<string, string>;
    try {
      outputs = await this.bundle(files, layer);
    } catch {
      outputs = new Map();
      for (const file of files) {
        const graph = new ImportGraph();
        try {
          for (const [k, v] of await this.bundle([file], layer, graph)) outputs.set(k, v);
        } catch (error) {
          results.set(file, { ok: false, error: this.bundleError(error, file, graph) });
        }
      }
    }
    for (const file of files) {
      const out = outputs.get(file);
      if (!out) continue;
      const call: CallInfo = { file: this.relative(file), function: 'import' };
      try {
        const module = await this.run(() => this.guard.run(call, () => import(pathToFileURL(out).href) as Promise<Record<string, unknown>>));
        results.set(file, { ok: true, module });
      } catch (error) {
        results.set(file, { ok: false, error: await this.runtimeError(error, file, layer) });
      }
    }
    return results;
  }

  /**
   * Runs user code with the project root as `process.cwd()`, as `next build` does. The host process of a
   * project (host-main.ts) is in the root already; asking the system for the cwd on every call (a call per
   * URL) would cost more than the call, so only a session told it is elsewhere changes directory.
   */
  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    if (this.inRoot) return await fn();
    const previous = process.cwd();
    if (previous === this.root) return await fn();
    process.chdir(this.root);
    try {
      return await fn();
    } finally {
      process.chdir(previous);
    }
  }

  /** One call of user code through the guard, with the root as cwd (a call per URL: no wrapper is made). */
  callGuarded<R>(call: CallInfo, fn: () => R): Promise<Awaited<R>> {
    if (this.inRoot) return this.guard.run(call, fn) as Promise<Awaited<R>>;
    return this.run(() => this.guard.run(call, fn) as Promise<Awaited<R>>);
  }

  /** A user function, called through the guard (time limit, the parent's watch) with the root as cwd. */
  guarded<A extends unknown[], R>(call: CallInfo, fn: (...args: A) => R): (...args: A) => Promise<Awaited<R>> {
    return (...args: A) => this.callGuarded(call, () => fn(...args));
  }

  close(): void {
    if (this.ownsOutdir) rmSync(this.outdir, { recursive: true, force: true });
  }

  relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  private bundle(files: readonly string[], layer: Layer, graph?: ImportGraph): Promise<Map<string, string>> {
    return bundle({
      root: this.root,
      entries: files,
      outdir: path.join(this.outdir, String(this.batch++)),
      layer,
      settings: this.settings,
      ...(graph ? { graph } : {}),
    });
  }

  private bundleError(error: unknown, entry: string, graph: ImportGraph): LoadError {
    const first = (error as Partial<esbuild.BuildFailure>).errors?.[0];
    if (!first) return { message: error instanceof Error ? error.message : String(error) };
    const located = first.location ? path.resolve(this.root, first.location.file.replace(/^[a-z-]+:/, '')) : undefined;
    const loadError: LoadError = { message: withoutMdxSettings(missingPackageText(this.root, first.text), this.settings) };
    if (located) {
      loadError.file = this.relative(located);
      loadError.line = first.location!.line;
      loadError.column = first.location!.column + 1;
      const unresolved = /^Could not resolve "([^"]+)"/.exec(first.text)?.[1];
      const chain = graph.describe(this.root, entry, unresolved && graph.find((n) => n === unresolved) ? unresolved : located);
      if (chain) withChain(loadError, chain);
    }
    return loadError;
  }

  /** An error while evaluating the bundle: which import of the route file led to it, where that can be told. */
  private async runtimeError(error: unknown, entry: string, layer: Layer): Promise<LoadError> {
    const message = error instanceof Error ? error.message : String(error);
    const loadError: LoadError = { message: message.split('\n')[0]! };
    const fault = faultCode(error);
    if (fault) return { message, fault };
    const culprit = runtimeCulprit(message);
    if (!culprit) return loadError;
    const graph = new ImportGraph();
    try {
      await this.bundle([entry], layer, graph);
    } catch {
      return loadError;
    }
    const target = graph.find((node) => node === culprit || node.includes(`${path.sep}node_modules${path.sep}${culprit}${path.sep}`));
    const chain = target ? graph.describe(this.root, entry, target) : undefined;
    if (chain) withChain(loadError, chain);
    return loadError;
  }
}

function withChain(error: LoadError, chain: string): void {
  error.chain = chain;
  error.message += ` (import chain: ${chain})`;
}

/**
 * An `.mdx` module with no MDX settings: the project's next.config has no @next/mdx rule, so something else
 * compiles its MDX under `next build` (a loader its webpack() function adds, as Nextra does), and that is
 * not run here.
 */
function withoutMdxSettings(text: string, settings: BundleSettings): string {
  if (settings.mdx || !/^No loader is configured for "\.mdx?" files/.test(text)) return text;
  return `${text}. zfb-next compiles MDX with the @next/mdx options it reads from next.config, and this project's next.config has none: its MDX is compiled by something else (such as a loader its webpack() function adds, as Nextra does), which zfb-next does not run`;
}

/** esbuild's "Could not resolve" for a package or a path alias says what a user can do about it. */
function missingPackageText(root: string, text: string): string {
  const specifier = /^Could not resolve "([^"]+)"$/.exec(text)?.[1];
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/')) return text;
  const alias = missingAliasTarget(root, specifier);
  if (alias) return alias;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return `Cannot find package '${name}'${name === specifier ? '' : ` (importing '${specifier}')`}: is it installed in the project's node_modules?`;
}

/** The package named by a Node loading error ("Cannot find module 'x'", "... imported from /…/node_modules/p/…"). */
function runtimeCulprit(message: string): string | undefined {
  const inPackage = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/'"\s]+)/.exec(message)?.[1];
  if (inPackage) return inPackage.replace(/\\/g, '/');
  return /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
}
