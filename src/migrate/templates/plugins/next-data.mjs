/**
 * next-data: the Next.js data code of this project, run in Node while zfb builds.
 *
 * zfb renders pages in an embedded V8 without Node (no fs, no fetch, no process), but it runs plugins in
 * Node. This plugin bundles the modules listed in next-data/manifest.json with esbuild, calls their data
 * functions the way Next.js called them (getStaticPaths + getStaticProps, the generateStaticParams cascade,
 * the data an app page and its layouts awaited with their metadata, a route handler's GET, the default
 * export of a sitemap, robots or manifest module), and hands each
 * page the result as the virtual
 * module `virtual:next-data/<id>`, which the page's paths() or getStaticProps() returns.
 *
 * A data function that throws fails the build with its module and function named. notFound() leaves the
 * URL out and redirect() writes it into dist/_redirects, each with a warning.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv } from 'node:util';

const PREFIX = 'virtual:next-data/';
const MANIFEST = 'next-data/manifest.json';

/** Collected while the pages' data runs, written once the build is done. */
const redirects = [];

export default {
  name: 'next-data',
  setup(ctx) {
    if (ctx.command === 'preview') return;
    const runner = new Runner(ctx.projectRoot, ctx.logger);
    // Modules that need Node get a stand-in in the pages' bundle only (see next-shims/node-only/).
    for (const [from, to] of Object.entries(runner.manifest.aliases ?? {})) ctx.addAlias(from, path.join(ctx.projectRoot, to));
    for (const entry of runner.manifest.entries) {
      ctx.addVirtualModule(PREFIX + entry.id, async () => `export default ${toSource(await runner.run(entry), entry.id)};\n`);
    }
  },
  postBuild(ctx) {
    if (redirects.length === 0) return;
    const file = path.join(ctx.outDir, '_redirects');
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, redirects.map((r) => `${r.from} ${r.to} ${r.status}\n`).join(''));
  },
};

class Runner {
  constructor(root, logger) {
    this.root = root;
    this.logger = logger;
    this.manifest = JSON.parse(readFileSync(path.join(root, MANIFEST), 'utf8'));
    this.built = undefined;
  }

  /** Every data module in one esbuild run, the first time a page asks for its data. */
  modules() {
    this.built ??= this.build();
    return this.built;
  }

  async build() {
    loadEnv(this.root);
    const { build } = await import('esbuild');
    const outdir = path.join(this.root, 'node_modules', '.cache', 'next-data');
    rmSync(outdir, { recursive: true, force: true });
    const files = [...new Set(this.manifest.entries.map((entry) => entry.module))];
    const result = await build({
      absWorkingDir: this.root,
      entryPoints: files.map((file) => path.join(this.root, file)),
      outdir,
      outbase: this.root,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Packages load from node_modules as they did under `next build`; project files and the tsconfig
      // aliases (next/* among them) are bundled.
      packages: 'external',
      jsx: 'automatic',
      // Next.js compiles JSX in .js files, and so does this bundle.
      loader: { '.js': 'jsx' },
      write: true,
      metafile: true,
      logLevel: 'silent',
      outExtension: { '.js': '.mjs' },
      define: { __dirname: JSON.stringify(this.root), __filename: JSON.stringify(path.join(this.root, 'index.js')) },
      banner: { js: "import { createRequire as __nextDataRequire } from 'node:module'; const require = __nextDataRequire(import.meta.url);" },
      plugins: [inertAssets(this.root)],
    });
    const outputs = new Map();
    for (const [out, meta] of Object.entries(result.metafile.outputs)) {
      if (meta.entryPoint) outputs.set(path.relative(this.root, path.resolve(this.root, meta.entryPoint)).split(path.sep).join('/'), path.resolve(this.root, out));
    }
    return outputs;
  }

  async load(entry) {
    const out = (await this.modules()).get(entry.module);
    if (!out) throw new Error(`next-data: ${entry.module} was not bundled`);
    return import(pathToFileURL(out).href);
  }

  async run(entry) {
    const module = await this.load(entry);
    const where = `${entry.module} (for ${entry.page})`;
    const call = async (name, ...args) => {
      try {
        return await module[name](...args);
      } catch (error) {
        if (navigation(error)) throw error;
        const wrapped = new Error(`next-data: ${name}() of ${where} threw: ${error instanceof Error ? error.message : String(error)}`);
        wrapped.cause = error;
        throw wrapped;
      }
    };
    switch (entry.kind) {
      case 'paths': {
        const listed = await call('paths');
        if (!Array.isArray(listed)) throw new Error(`next-data: paths() of ${where} returned ${typeof listed}, not an array`);
        const entries = [];
        for (const item of listed) {
          if (!module.pageProps) {
            entries.push(item);
            continue;
          }
          const props = await this.pageProps(call, item.params, entry, where);
          if (props !== SKIPPED) entries.push({ ...item, props: { ...item.props, ...props } });
        }
        return entries;
      }
      case 'props': {
        let props = {};
        if (module.getStaticProps) {
          const result = (await call('getStaticProps', entry.context ?? {})) ?? {};
          if ('redirect' in result || 'notFound' in result) {
            throw new Error(`next-data: getStaticProps() of ${where} returned ${'redirect' in result ? 'a redirect' : 'notFound'}: a static zfb page is always built; move the page or its redirect`);
          }
          props = (await result.props) ?? {};
        }
        if (module.pageProps) {
          const more = await this.pageProps(call, {}, entry, where);
          if (more === SKIPPED) throw new Error(`next-data: ${where} called notFound() or redirect(): a static zfb page is always built`);
          props = { ...props, ...more };
        }
        return { props };
      }
      case 'route': {
        const url = new URL(entry.url, 'http://localhost');
        const response = await call('GET', new Request(url), { params: Promise.resolve(entry.params ?? {}) });
        if (!(response instanceof Response)) throw new Error(`next-data: GET of ${where} did not return a Response`);
        if (response.status !== 200) throw new Error(`next-data: GET of ${where} answered ${response.status} for ${entry.url}`);
        return response.text();
      }
      // next-metadata-route-loader.ts: `const data = await handler()`; the page serializes it as Next does.
      case 'metadata':
        return call('default');
      default:
        throw new Error(`next-data: unknown kind "${entry.kind}" for ${where}`);
    }
  }

  /**
   * What an app page renders with for one URL (the data it and its layouts awaited, its metadata);
   * notFound() and redirect() leave the URL out.
   */
  async pageProps(call, params, entry, where) {
    try {
      return await call('pageProps', { params });
    } catch (error) {
      const digest = navigation(error);
      if (!digest) throw error;
      const url = entry.route ? urlOf(entry.route, params) : entry.page;
      if (digest.startsWith('NEXT_REDIRECT')) {
        const [, , to, status] = digest.split(';');
        redirects.push({ from: url, to, status });
        this.logger.warn(`next-data: ${where} redirects ${url} to ${to}: written into _redirects`);
      } else {
        this.logger.warn(`next-data: ${where} called notFound() for ${url}: zfb does not build that URL`);
      }
      return SKIPPED;
    }
  }
}

const SKIPPED = Symbol('skipped');

/** The digest Next.js gives notFound() and redirect() errors (next-shims/navigation.tsx throws them too). */
function navigation(error) {
  const digest = error && typeof error === 'object' ? error.digest : undefined;
  return typeof digest === 'string' && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK)/.test(digest) ? digest : undefined;
}

function urlOf(route, params) {
  const parts = route.split('/').flatMap((segment) => {
    const name = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment)?.[1];
    if (name === undefined) return [segment];
    const value = params[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
  return parts.join('/') || '/';
}

/** `.env` files the way `next build` reads them: the first to set a variable wins, the environment over all. */
function loadEnv(root) {
  process.env.NODE_ENV ??= 'production';
  for (const name of ['.env.production.local', '.env.local', '.env.production', '.env']) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
      if (process.env[key] === undefined) process.env[key] = value;
    }
  }
}

/** Styles and files imported by data code: nothing to Node, as under Next's server build. */
function inertAssets(root) {
  return {
    name: 'next-data-assets',
    setup(build) {
      build.onResolve({ filter: /\.(css|scss|sass|less)$/i }, (args) => ({ path: path.resolve(args.resolveDir, args.path), namespace: 'next-data-style' }));
      build.onLoad({ filter: /.*/, namespace: 'next-data-style' }, (args) => ({
        contents: /\.module\.\w+$/i.test(args.path) ? 'export default new Proxy({}, { get: (_, key) => (typeof key === "string" ? key : undefined) });' : 'export {};',
        loader: 'js',
      }));
      build.onResolve({ filter: /\.(png|jpe?g|gif|webp|avif|ico|bmp|svg)$/i }, (args) => ({ path: path.resolve(args.resolveDir, args.path), namespace: 'next-data-image' }));
      build.onLoad({ filter: /.*/, namespace: 'next-data-image' }, (args) => ({
        contents: `export default ${JSON.stringify({ src: '/' + path.relative(root, args.path).split(path.sep).join('/'), width: 0, height: 0 })};`,
        loader: 'js',
      }));
    },
  };
}

/**
 * A value as JavaScript source that evaluates to an equal value in the page: what JSON carries, and also
 * undefined, Dates, Maps, Sets, RegExps, BigInts and the special numbers, which an async page may hand on.
 * Functions, class instances and React elements cannot cross from Node to the page: the build fails, naming
 * where the value was.
 */
export function toSource(value, where, seen = new Set()) {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'function':
    case 'symbol':
      throw new Error(`next-data: ${where} is a ${typeof value}; only data can be handed from Node to a zfb page`);
  }
  if (seen.has(value)) throw new Error(`next-data: ${where} refers to itself; only plain data can be handed to a zfb page`);
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${Array.from(value, (item, i) => toSource(item, `${where}[${i}]`, seen)).join(',')}]`;
    if (value instanceof Date) return `new Date(${Number.isNaN(value.getTime()) ? 'NaN' : JSON.stringify(value.toISOString())})`;
    if (value instanceof RegExp) return `new RegExp(${JSON.stringify(value.source)}, ${JSON.stringify(value.flags)})`;
    if (value instanceof Map) {
      return `new Map([${[...value].map(([k, v], i) => `[${toSource(k, `${where}<key ${i}>`, seen)},${toSource(v, `${where}<value ${i}>`, seen)}]`).join(',')}])`;
    }
    if (value instanceof Set) return `new Set([${[...value].map((v, i) => toSource(v, `${where}<item ${i}>`, seen)).join(',')}])`;
    if (value instanceof URL) return `new URL(${JSON.stringify(value.href)})`;
    if ('$$typeof' in value) throw new Error(`next-data: ${where} is a React element; hand the page its data and render it there`);
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new Error(`next-data: ${where} is a ${prototype?.constructor?.name ?? 'class'} object; only plain data can be handed to a zfb page`);
    }
    return `{${Object.keys(value).map((key) => `${JSON.stringify(key)}:${toSource(value[key], `${where}.${key}`, seen)}`).join(',')}}`;
  } finally {
    seen.delete(value);
  }
}
