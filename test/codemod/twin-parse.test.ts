import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as recast from 'recast';
import { describe, expect, it } from 'vitest';
import { parseModule, parseOriginal, printModule } from '../../codemods/_shared/ast.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * parseModule builds recast's parse result from a second parse (codemods/_shared/twin-parse.ts). Held here to
 * recast.parse itself, over every module the codemod fixtures hold: the same copy (keys in order, values,
 * comments), the same originals, and the same loc objects (positions, token ranges, indents), shared between
 * copy and original as recast shares them. The one documented difference: a plain data object (`extra`) has
 * no link to an original.
 */

type Obj = Record<string, unknown>;
interface Loc {
  start: { line: number; column: number; token?: number };
  end: { line: number; column: number; token?: number };
  lines?: { toString(): string };
  tokens?: unknown[];
  indent?: number;
}

function modules(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) modules(full, out);
    else if (/\.(tsx|ts|jsx|js|mjs)$/.test(name) && full.includes('__fixtures__')) out.push(full);
  }
  return out;
}

function recastParse(source: string, file: string): Obj {
  return recast.parse(source, { parser: { parse: (code: string) => parseOriginal(code, file) } }) as Obj;
}

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const ownOriginal = (v: Obj): unknown => Object.getOwnPropertyDescriptor(v, 'original')?.value;

function sameLoc(ours: Loc | null | undefined, theirs: Loc | null | undefined, at: string): void {
  if (!theirs) return void expect(ours ?? null, at).toBe(theirs ?? null);
  expect(ours, at).toBeTruthy();
  const pick = (loc: Loc) => ({
    start: [loc.start.line, loc.start.column, loc.start.token],
    end: [loc.end.line, loc.end.column, loc.end.token],
    indent: loc.indent,
    tokens: loc.tokens?.length,
    lines: loc.lines?.toString(),
  });
  expect(pick(ours!), at).toEqual(pick(theirs));
}

/**
 * Compares two trees. `copies` says whether they are recast's copies (each object links to an original) or
 * the originals; linked originals are collected for their own comparison.
 */
function compare(ours: unknown, theirs: unknown, at: string, copies: boolean, originals: [unknown, unknown][]): void {
  if (!isObject(theirs)) return void expect(ours, at).toBe(theirs);
  expect(isObject(ours), at).toBe(true);
  if (Array.isArray(theirs)) {
    expect(Array.isArray(ours) && ours.length, at).toBe(theirs.length);
    theirs.forEach((item, i) => compare((ours as unknown[])[i], item, `${at}[${i}]`, copies, originals));
    return;
  }
  const mine = ours as Obj;
  expect(Object.getPrototypeOf(mine), `${at} prototype`).toBe(Object.getPrototypeOf(theirs));
  expect(Object.keys(mine), `${at} keys`).toEqual(Object.keys(theirs));
  if (copies) {
    const theirOriginal = ownOriginal(theirs);
    if (isObject(theirOriginal) && typeof theirOriginal.type === 'string') {
      expect(isObject(mine.original), `${at} has an original`).toBe(true);
      originals.push([mine.original, theirOriginal]);
      // recast shares loc between a copy and its original.
      expect(mine.loc, `${at} shares loc`).toBe((mine.original as Obj).loc);
    } else {
      expect(mine.original, `${at} data object without a link`).toBeUndefined();
    }
  }
  for (const key of Object.keys(theirs)) {
    if (key === 'loc') sameLoc(mine.loc as Loc, theirs.loc as Loc, `${at}.loc`);
    else if (key === 'tokens' && theirs.type === 'File') expect((mine.tokens as unknown[]).length).toBe((theirs.tokens as unknown[]).length);
    else compare(mine[key], theirs[key], `${at}.${key}`, copies, originals);
  }
}

const files = modules(path.join(REPO_ROOT, 'codemods'));

describe('parseModule matches recast.parse', () => {
  it('finds the fixture modules', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it.each(files.map((f) => [path.relative(REPO_ROOT, f)]))('%s', (relative) => {
    const source = readFileSync(path.join(REPO_ROOT, relative), 'utf8');
    const ours = parseModule(source, relative) as unknown as Obj;
    const theirs = recastParse(source, relative);
    const originals: [unknown, unknown][] = [];
    compare(ours, theirs, 'file', true, originals);
    // The originals, each once: the root's holds every other one, so comparing it covers the lot.
    compare(ours.original, ownOriginal(theirs), 'original', false, []);
    expect(originals.length).toBeGreaterThan(0);
    // Unchanged, the module prints as it was written.
    expect(printModule(ours as never)).toBe(source);
  });
});

describe('twin-parse keeps recast semantics a transform relies on', () => {
  it('a changed node is reprinted, the rest keeps its text and comments', () => {
    const source = "// lead\nconst a = { x: 1,   y: 2 }; // trail\nexport default function Page() {\n  return   null;\n}\n";
    const ast = parseModule(source, 'page.tsx');
    const declaration = ast.program.body[0] as unknown as { declarations: { id: { name: string } }[] };
    declaration.declarations[0]!.id.name = 'b';
    expect(printModule(ast)).toBe("// lead\nconst b = { x: 1,   y: 2 }; // trail\nexport default function Page() {\n  return   null;\n}\n");
  });

  it('a node whose original is set to null is printed anew', () => {
    const source = 'const a = {   x: 1 };\n';
    const ast = parseModule(source, 'a.ts');
    const declaration = ast.program.body[0] as unknown as { declarations: { init: Obj }[] };
    declaration.declarations[0]!.init.original = null;
    expect(printModule(ast)).toBe('const a = {\n  x: 1\n};\n');
  });

  it('a literal whose raw text was dropped is printed from its value', () => {
    const source = "import x from './a';\n";
    const ast = parseModule(source, 'a.ts');
    const literal = (ast.program.body[0] as unknown as { source: Obj }).source;
    literal.value = '../a';
    literal.extra = undefined;
    expect(printModule(ast)).toBe("import x from '../a';\n");
  });
});
