import { parse as babelParse } from '@babel/parser';
import type { namedTypes as N } from 'ast-types';
import { babelOptions, languagePlugins } from './babel-options.js';

export { babelOptions };

/**
 * Parses a module with @babel/parser (TypeScript + JSX by extension): babel's tree, positions included.
 * The trees are read, never changed (edits are text edits by offset, edited-module.ts), so the same text is
 * parsed once: migrate reads a page for its API, its data, its split and its layout in turn, and parsing
 * was most of its time.
 */
export function parseModule(source: string, path: string): N.File {
  const key = `${languagePlugins(path).join()}\0${source}`;
  const kept = recentTrees.get(key);
  if (kept) return kept;
  const ast = babelParse(source, babelOptions(path, false)) as unknown as N.File;
  if (recentTrees.size >= RECENT_TREES_KEPT) recentTrees.delete(recentTrees.keys().next().value!);
  recentTrees.set(key, ast);
  return ast;
}

const recentTrees = new Map<string, N.File>();
const RECENT_TREES_KEPT = 16;


// Modules read beside the ones transformed, by path, with the text they were parsed from.
const neighbours = new Map<string, { source: string; ast: N.File }>();
const NEIGHBOURS_KEPT = 64;

/**
 * parseModule for a module read beside the one being transformed (a layout above a page, a component a hoist
 * looks into): the pages of a folder read the same ones, so the last few trees are kept and given again
 * while their text is the same. Callers only read the tree.
 */
export function readModule(source: string, path: string): N.File {
  const kept = neighbours.get(path);
  if (kept?.source === source) return kept.ast;
  const ast = parseModule(source, path);
  if (neighbours.size >= NEIGHBOURS_KEPT) neighbours.delete(neighbours.keys().next().value!);
  neighbours.set(path, { source, ast });
  return ast;
}

/** More lines start with a tab than with an indent of spaces (a block comment's ` * ` lines do not count). */
export function indentedWithTabs(source: string): boolean {
  return (source.match(/^\t/gm)?.length ?? 0) > (source.match(/^ {2}/gm)?.length ?? 0);
}
