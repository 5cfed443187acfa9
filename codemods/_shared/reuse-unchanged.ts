/**
 * A parsed module is a copy of the parser's tree, each copied node linked to its original (recast's form,
 * codemods/_shared/twin-parse.ts), and recast on printing compares the two trees node by node through
 * ast-types' field lookups to find what changed: for a 40-line page that comparison costs more than the
 * parse. Most of a migrated file is unchanged, so before printing, every copied subtree that is still
 * exactly its original is swapped for the original itself: recast then sees the same object on both sides
 * and stops at once. An original given a link to itself is reprinted from its own text wherever it is
 * printed on its own. The output is the same text recast would print without this (codemods/fixtures.test.ts
 * holds every transform to its expected output).
 */

import { setOriginal } from './twin-parse.js';

type Value = unknown;
type Container = Record<string | number, Value>;
interface Copied {
  original?: Copied | null;
  [key: string]: Value;
}

interface Swap {
  container: Container;
  key: string | number;
  copy: Value;
}

function isObject(value: Value): value is Copied {
  return typeof value === 'object' && value !== null;
}

function linkToItself(original: Copied): void {
  if (original.original !== original) setOriginal(original, original);
}

class Settler {
  readonly swaps: Swap[] = [];
  private readonly seen = new Set<object>();

  /**
   * Swaps the child at container[key] for its original when nothing under it changed. Every swapped original
   * gets the link, not only the outermost: recast prints the children of a node it cannot reprint (an
   * exported declaration has no position of its own) one by one.
   */
  private child(container: Container, key: string | number): void {
    const value = container[key];
    if (!isObject(value) || !this.unchanged(value)) return;
    const original = value.original!;
    linkToItself(original);
    this.swaps.push({ container, key, copy: value });
    container[key] = original;
  }

  /** Whether `node` (a copy) still equals its original exactly: same keys, same loc, identical values. */
  unchanged(node: Copied): boolean {
    // A node met twice (the transform reused it) keeps its copy from the second place on.
    const seen = this.seen.size;
    if (this.seen.add(node).size === seen) return false;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) this.child(node as unknown as Container, i);
      return false;
    }
    const original = node.original;
    let same = original !== undefined && original !== null && original !== node;
    const keys = Object.keys(node);
    for (const key of keys) {
      const value = node[key];
      if (typeof value !== 'object' || value === null) {
        if (same && value !== original![key]) same = false;
        continue;
      }
      // File.tokens is the parser's token list, shared and never compared by recast either.
      if (key === 'tokens' && node.type === 'File') continue;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) this.child(value as unknown as Container, i);
        if (same) same = sameArray(value, original![key]);
      } else if (key !== 'loc' && typeof (value as Copied).type !== 'string') {
        // A plain data object (`extra`) has no link of its own (codemods/_shared/twin-parse.ts): its fields
        // are compared.
        if (same && !sameData(value as Copied, original![key])) same = false;
      } else {
        // `loc` is shared by copy and original, so it is compared by identity: a snippet whose position
        // was dropped must not be swapped back to the positioned original.
        if (key !== 'loc') this.child(node as Container, key);
        if (same && node[key] !== original![key]) same = false;
      }
    }
    if (same) same = sameKeys(keys, original!);
    return same;
  }
}

function sameKeys(keys: readonly string[], original: Copied): boolean {
  if (Object.keys(original).length !== keys.length) return false;
  for (const key of keys) if (!Object.prototype.hasOwnProperty.call(original, key)) return false;
  return true;
}

function sameData(value: Copied, other: Value): boolean {
  if (!isObject(other)) return false;
  const keys = Object.keys(value);
  if (!sameKeys(keys, other)) return false;
  for (const key of keys) {
    const a = value[key];
    const b = other[key];
    if (a !== b && !(isObject(a) && !Array.isArray(a) && sameData(a, b))) return false;
  }
  return true;
}

function sameArray(values: readonly Value[], other: Value): boolean {
  if (!Array.isArray(other) || other.length !== values.length) return false;
  for (let i = 0; i < values.length; i++) if (values[i] !== other[i]) return false;
  return true;
}

/**
 * Runs `print` over `root` with its unchanged subtrees swapped for their originals, then swaps the copies
 * back: the caller's tree is as it was (a transform may edit and print it again).
 */
export function withUnchangedReused<T>(root: object, print: () => T): T {
  const settler = new Settler();
  settler.unchanged(root as Copied);
  try {
    return print();
  } finally {
    for (let i = settler.swaps.length - 1; i >= 0; i--) {
      const { container, key, copy } = settler.swaps[i]!;
      container[key] = copy;
    }
  }
}
