import astTypes from 'ast-types';
import recastUtil from 'recast/lib/util.js';

/**
 * Two helpers recast calls through their modules' exports on every node it compares or prints, replaced by
 * versions that return the same values faster.
 *
 * Before reprinting a changed node, recast compares it with its original key by key (findChildReprints in
 * recast/lib/patcher.js): it takes the union of both nodes' keys as an object (util.getUnionOfKeys), deletes
 * `loc` and, for a File, `tokens` from it, loops over it with for…in and reads each key of both nodes with
 * ast-types' getFieldValue. A property deleted from the middle of an object turns it into a dictionary, whose
 * for…in V8 runs several times slower; and getFieldValue looks up the node's type definition even for a value
 * that is there, where the definition only matters for a missing one (its default).
 *
 * - The union holds the same keys, `loc` and `tokens` added last: deleting them undoes the last additions and
 *   the object keeps its fast layout. The order of the other keys, which recast compares in, is unchanged.
 * - A value that is present is returned at once; a missing one still gets its field's default from ast-types.
 *
 * On the 500 bench pages, a cold pages-to-app pass took 1,354 ms before and 1,302 ms after (medians of eight
 * interleaved runs). test/codemod/recast-fast-paths.test.ts holds both to the functions they replace.
 */

type UnionOfKeys = (...objects: object[]) => Record<string, true>;
type FieldValue = (object: unknown, fieldName: string) => unknown;

const exportsOfUtil = recastUtil as unknown as { getUnionOfKeys: UnionOfKeys };
const exportsOfTypes = astTypes as unknown as { getFieldValue: FieldValue };

/**
 * Each replacement keeps the function it replaced under this key. recast's modules are loaded once per process,
 * this one may be loaded again (a test runner gives each test file its own copy): a later copy finds the
 * replacement in place and takes the original from it.
 */
const REPLACED = Symbol.for('zfb-next.recast-fast-paths.replaced');

function originalOf<T extends object>(current: T): T {
  return (current as { [REPLACED]?: T })[REPLACED] ?? current;
}

export const originalGetUnionOfKeys: UnionOfKeys = originalOf(exportsOfUtil.getUnionOfKeys);
export const originalGetFieldValue: FieldValue = originalOf(exportsOfTypes.getFieldValue);

export function unionOfKeys(...objects: object[]): Record<string, true> {
  const union: Record<string, true> = {};
  let loc = false;
  let tokens = false;
  for (const object of objects) {
    const keys = Object.keys(object);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === 'loc') loc = true;
      else if (key === 'tokens') tokens = true;
      else union[key] = true;
    }
  }
  // recast deletes `tokens` (a File's) before `loc`: each is then the last key added.
  if (loc) union.loc = true;
  if (tokens) union.tokens = true;
  return union;
}

export function fieldValue(object: unknown, fieldName: string): unknown {
  if (object) {
    const value = (object as Record<string, unknown>)[fieldName];
    if (value !== undefined) return value;
  }
  return originalGetFieldValue(object, fieldName);
}

/** Puts both in place of recast's and ast-types' own. */
export function installRecastFastPaths(): void {
  Object.assign(unionOfKeys, { [REPLACED]: originalGetUnionOfKeys });
  Object.assign(fieldValue, { [REPLACED]: originalGetFieldValue });
  exportsOfUtil.getUnionOfKeys = unionOfKeys;
  exportsOfTypes.getFieldValue = fieldValue;
}
