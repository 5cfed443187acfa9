import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseModule } from '../../codemods/_shared/ast.js';
import { findExport } from '../../codemods/_shared/find-export.js';
import { resolvePluginNames } from '../load/mdx.js';
import type { NextProjectConfig } from '../project/types.js';
import type { MigrationContext } from './context.js';
import { relativeSpecifier } from './module-edits.js';
import type { LossyChange } from './types.js';

/**
 * MDX pages (app/**\/page.mdx and pages/**\/*.mdx through @next/mdx) as JavaScript modules the migration
 * takes like any page.tsx. zfb 0.1.0-next.89 renders an `.mdx` page with no shell at all (no layout, no
 * <head>), so the MDX is compiled here, by @mdx-js/mdx as @next/mdx's loader compiles it: the project's
 * remark, rehype and recma plugins, and `useMDXComponents` from its `mdx-components` file (@next/mdx's
 * `next-mdx-import-source-file`: src/mdx-components first, then mdx-components, then @mdx-js/react). The
 * output keeps JSX (`jsx: true`) so that it reads like the page a person would write, and its exports
 * (`metadata`) stay exports.
 */

export interface CompiledMdx {
  /** The page as a JavaScript module with JSX. */
  code: string;
  /** What the compiled page may render differently from the Next.js build. */
  lossy: LossyChange[];
}

export type MdxPages = Map<string, CompiledMdx | { error: string }>;

const PASSED_OPTIONS = ['remarkPlugins', 'rehypePlugins', 'recmaPlugins', 'remarkRehypeOptions', 'format', 'mdExtensions', 'mdxExtensions', 'elementAttributeNameCase', 'stylePropertyNameCase', 'tableCellAlignToStyle'];
const PLUGIN_LISTS = ['remarkPlugins', 'rehypePlugins', 'recmaPlugins'];

/** Compiles every `.mdx` page of `files` (source-relative); a page that does not compile gets its error. */
export async function compileMdxPages(ctx: MigrationContext, files: readonly string[], next: NextProjectConfig, all: readonly string[]): Promise<MdxPages> {
  const pages: MdxPages = new Map();
  if (files.length === 0) return pages;
  const { compile } = await import('@mdx-js/mdx');
  const given = next.bundle.mdx?.options ?? {};
  const options: Record<string, unknown> = {};
  const lossy: LossyChange[] = [];
  for (const key of PASSED_OPTIONS) if (given[key] !== undefined) options[key] = given[key];
  for (const key of PLUGIN_LISTS) {
    const list = options[key];
    if (!Array.isArray(list)) continue;
    // Plugins given as functions do not survive the trip from the config's process: only named ones do.
    const named = list.filter((entry: unknown) => typeof entry === 'string' || (Array.isArray(entry) && typeof entry[0] === 'string'));
    if (named.length < list.length) lossy.push({ kind: 'other', detail: `${list.length - named.length} of the ${key} in ${next.configFileName} are functions, not package names: the page was compiled without them` });
    options[key] = named;
  }
  let resolved: Record<string, unknown>;
  try {
    resolved = await resolvePluginNames(ctx.root, options);
  } catch (error) {
    const message = `the MDX plugins of ${next.configFileName} could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    for (const file of files) pages.set(file, { error: message });
    return pages;
  }
  for (const file of files) {
    const provider = providerSpecifier(ctx, all, codeFileOf(file));
    try {
      const compiled = await compile({ value: ctx.read(file)!, path: ctx.abs(file) }, { ...resolved, jsx: true, development: false, ...(provider ? { providerImportSource: provider } : {}) });
      pages.set(file, { code: String(compiled.value), lossy });
    } catch (error) {
      pages.set(file, { error: `the MDX does not compile: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return pages;
}

/** The name the compiled page goes by in the migration (JavaScript with JSX). */
export function codeFileOf(file: string): string {
  return file.replace(/\.mdx?$/, '.jsx');
}

/** @next/mdx's alias for `next-mdx-import-source-file`, as an import the compiled page can make. */
function providerSpecifier(ctx: MigrationContext, files: readonly string[], from: string): string | undefined {
  for (const base of ['src/mdx-components', 'mdx-components']) {
    const found = ['.tsx', '.ts', '.jsx', '.js', '.mjs'].map((ext) => base + ext).find((f) => files.includes(f));
    if (found) return relativeSpecifier(from, base);
  }
  try {
    createRequire(path.join(ctx.root, 'package.json')).resolve('@mdx-js/react');
    return '@mdx-js/react';
  } catch {
    return undefined;
  }
}

/**
 * zfb 0.1.0-next.89 imports the default export of a root `mdx-components.tsx` into every bundle (the
 * components of its own .md/.mdx pages: `import __zfb_mdx_components from "./mdx-components.tsx"`), and the
 * build fails when there is none; @next/mdx's file has only `useMDXComponents`. A default export is added:
 * what `useMDXComponents()` returns, or no components when it cannot be called outside a render.
 */
export function addZfbMdxComponents(ctx: MigrationContext): void {
  const file = 'mdx-components.tsx';
  if (!ctx.tree.has(file)) return;
  const text = ctx.tree.text(file) ?? ctx.read(file);
  if (text === undefined) return;
  let ast;
  try {
    ast = parseModule(text, file);
  } catch {
    return;
  }
  if (findExport(ast, 'default')) return;
  const value = findExport(ast, 'useMDXComponents') ? '(() => {\n  try {\n    return useMDXComponents();\n  } catch {\n    return {};\n  }\n})()' : '{}';
  const added = `${text.endsWith('\n') ? text : `${text}\n`}\n// zfb imports this file's default export for its own .md/.mdx pages (added by zfb-next migrate).\nexport default ${value};\n`;
  ctx.tree.write(file, added, statSync(ctx.abs(file)).mode & 0o7777);
}
