import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import astTypes from 'ast-types';
import recastUtil from 'recast/lib/util.js';
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../codemods/_shared/ast.js';
import { fieldValue, originalGetFieldValue, originalGetUnionOfKeys, unionOfKeys } from '../../codemods/_shared/recast-fast-paths.js';
import { REPO_ROOT } from '../helpers/engines.js';
import { fixtureModules } from '../helpers/files.js';

/**
 * codemods/_shared/recast-fast-paths.ts replaces two helpers inside recast and ast-types. Held here to the
 * functions they replace, over every node of every module the codemod fixtures hold (each copy beside its
 * original, as recast compares them), and to the one way recast calls them.
 */

type Obj = Record<string, unknown>;

/** Every object in a parsed module (nodes, comments, `extra`), copies and their originals alike. */
function objectsOf(root: unknown): Obj[] {
  const seen = new Set<Obj>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const object = value as Obj;
    if (seen.has(object)) continue;
    seen.add(object);
    for (const key of Object.keys(object)) if (key !== 'loc' && key !== 'tokens') stack.push(object[key]);
    stack.push(object.original);
  }
  return [...seen];
}

const files = fixtureModules(REPO_ROOT);
const trees = files.map((file) => parseModule(readFileSync(file, 'utf8'), file) as unknown as Obj);

/** What findChildReprints in recast/lib/patcher.js loops over: the union without `tokens` (a File's) and `loc`. */
function comparedKeys(union: Record<string, true>, a: Obj, b: Obj): string[] {
  const keys = { ...union } as Record<string, true>;
  if (a.type === 'File' || b.type === 'File') delete keys.tokens;
  delete keys.loc;
  return Object.keys(keys);
}

describe('recast fast paths', () => {
  it('are what recast and ast-types call, and recast calls them the way they were written for', () => {
    expect((recastUtil as unknown as Obj).getUnionOfKeys).toBe(unionOfKeys);
    expect((astTypes as unknown as Obj).getFieldValue).toBe(fieldValue);
    // The originals compared against below are recast's and ast-types' own, also where an earlier copy of the
    // module (another test file's) already put its replacements in place.
    expect(originalGetUnionOfKeys.name).toBe('getUnionOfKeys');
    expect(originalGetFieldValue.name).toBe('getFieldValue');
    // The union's only caller deletes `tokens` before `loc`, which unionOfKeys adds last, in that order.
    const lib = path.dirname(createRequire(import.meta.url).resolve('recast/lib/patcher.js'));
    const callers = readdirSync(lib).filter((name) => name.endsWith('.js') && name !== 'util.js' && readFileSync(path.join(lib, name), 'utf8').includes('getUnionOfKeys'));
    expect(callers).toEqual(['patcher.js']);
    const patcher = readFileSync(path.join(lib, 'patcher.js'), 'utf8');
    expect(patcher).toMatch(/getUnionOfKeys\)\(oldNode, newNode\);[\s\S]{0,400}delete keys\.tokens;[\s\S]{0,200}delete keys\.loc;\s*var originalReprintCount/);
  });

  it(`unionOfKeys gives recast the keys it compares, in its order, over ${files.length} fixture modules`, () => {
    // Compared in plain code and reported together: an expect() per pair would take seconds.
    const differences: string[] = [];
    let pairs = 0;
    for (const tree of trees) {
      const objects = objectsOf(tree);
      for (let i = 0; i < objects.length; i++) {
        const node = objects[i]!;
        // Each object beside its original (the pair recast compares) and beside an unrelated neighbour.
        for (const other of [(node.original as Obj | undefined) ?? node, objects[(i + 1) % objects.length]!]) {
          const ours = unionOfKeys(other, node);
          const theirs = originalGetUnionOfKeys(other, node);
          const sameSet = Object.keys(ours).sort().join() === Object.keys(theirs).sort().join();
          const sameOrder = comparedKeys(ours, other, node).join() === comparedKeys(theirs, other, node).join();
          if (!sameSet || !sameOrder) differences.push(`${String(other.type)} / ${String(node.type)}: ${Object.keys(ours).join()} vs ${Object.keys(theirs).join()}`);
          pairs++;
        }
      }
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(pairs).toBeGreaterThan(10_000);
  });

  it('fieldValue gives what getFieldValue gives, for present and missing fields', () => {
    const differences: string[] = [];
    let checked = 0;
    let defaults = 0;
    for (const tree of trees) {
      for (const object of objectsOf(tree)) {
        const names = new Set([...Object.keys(object), ...astTypes.getFieldNames(object), 'optional', 'comments', 'typeAnnotation', 'nope']);
        for (const name of names) {
          const ours = fieldValue(object, name);
          const theirs = originalGetFieldValue(object, name);
          // A missing field's default may be a fresh array or object each time.
          const fresh = typeof theirs === 'object' && theirs !== null && object[name] === undefined;
          if (fresh) defaults++;
          const same = fresh ? JSON.stringify(ours) === JSON.stringify(theirs) : ours === theirs;
          if (!same) differences.push(`${String(object.type)}.${name}`);
          checked++;
        }
      }
    }
    for (const value of [null, undefined, 0, '', 'text', 42]) {
      if (fieldValue(value, 'length') !== originalGetFieldValue(value, 'length')) differences.push(`${String(value)}.length`);
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(50_000);
    expect(defaults).toBeGreaterThan(0);
  });
});
