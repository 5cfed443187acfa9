import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as recast from 'recast';
import { describe, expect, it } from 'vitest';
import { indentedWithTabs, parseModule, parseOriginal, printModule } from '../../codemods/_shared/ast.js';
import { assertParses } from '../../src/codemod/parses.js';
import { REPO_ROOT } from '../helpers/engines.js';
import { fixtureModules } from '../helpers/files.js';

/**
 * parseModule builds recast's parse result from a second parse (codemods/_shared/twin-parse.ts). Held here to
 * recast.parse itself, over every module the codemod fixtures hold: the same copy (keys in order, values,
 * comments), the same originals, and the same loc objects (positions, token ranges, indents), shared between
 * copy and original as recast shares them. The documented differences: a plain data object (`extra`) has
 * no link to an original, and where the parser reads a normalised text (tab indents, CRLF, a byte order mark)
 * start and end index the source as written (checked on edge shapes below).
 */

type Obj = Record<string, unknown>;
interface Loc {
  start: { line: number; column: number; token?: number };
  end: { line: number; column: number; token?: number };
  lines?: { toString(): string };
  tokens?: unknown[];
  indent?: number;
}

/** recast.parse with parseModule's parser and tab width (2 where tabs lead, codemods/_shared/ast.ts). */
function recastParse(source: string, file: string): Obj {
  const tabWidth = indentedWithTabs(source) ? 2 : 4;
  return recast.parse(source, { tabWidth, parser: { parse: (code: string) => parseOriginal(code, file) } }) as Obj;
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
function compare(ours: unknown, theirs: unknown, at: string, copies: boolean, originals: [unknown, unknown][], offsets = true): void {
  if (!isObject(theirs)) return void expect(ours, at).toBe(theirs);
  expect(isObject(ours), at).toBe(true);
  if (Array.isArray(theirs)) {
    expect(Array.isArray(ours) && ours.length, at).toBe(theirs.length);
    theirs.forEach((item, i) => compare((ours as unknown[])[i], item, `${at}[${i}]`, copies, originals, offsets));
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
    // Where the parsed text is not the source (tabs, CRLF), offsets point into the source: checked below.
    if (!offsets && (key === 'start' || key === 'end' || key === 'parenStart')) continue;
    if (key === 'loc') sameLoc(mine.loc as Loc, theirs.loc as Loc, `${at}.loc`);
    else if (key === 'tokens' && theirs.type === 'File') expect((mine.tokens as unknown[]).length).toBe((theirs.tokens as unknown[]).length);
    else compare(mine[key], theirs[key], `${at}.${key}`, copies, originals, offsets);
  }
}

const files = fixtureModules(REPO_ROOT);

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

/** Shapes the fixtures may not hold: each is compared with recast.parse the same way. */
const EDGES: Record<string, [string, string]> = {
  empty: ['', 'a.ts'],
  'comments only': ['// one\n/* two */\n', 'a.ts'],
  hashbang: ['#!/usr/bin/env node\nconsole.log(1);\n', 'a.js'],
  'tab indents': ['function f() {\n\tif (a) {\n\t\treturn `x${a}y`;\n\t}\n}\n', 'a.ts'],
  'CRLF line ends': ['const a = 1;\r\n// c\r\nexport default a;\r\n', 'a.ts'],
  'byte order mark and tabs': ['\uFEFFimport x from "./x";\nfunction f() {\n\t/* c */ return x("\\t");\n}\n', 'a.ts'],
  'mixed line ends': ['const a = "a";\r\nconst b = "b";\nconst c = "c";\r// end\n', 'a.ts'],
  decorators: ['@sealed\nclass A {\n  @log m() {}\n}\n', 'a.ts'],
  'JSX with comments': ['export const A = () => (\n  <div>\n    {/* inner */}\n    <b>{x /* t */}</b>\n  </div>\n);\n', 'a.tsx'],
  'types and casts': ['type T<A> = { [K in keyof A]?: A[K] };\nconst x = <T>y;\nlet z = w as unknown as T<string>;\n', 'a.ts'],
  'object methods and shorthand': ['const o = { a, b() {}, get c() { return 1; }, async *d() {} };\n', 'a.js'],
  'for heads': ['for (let i = 0; i < 1; i++) {}\nfor (const k in o);\n', 'a.js'],
  'exported decorated classes': ['@a export class A {}\nexport default @b class B {}\n', 'a.ts'],
  'code after a comment on its line': ['/* a */ const x = 1;\n  /* b */ f(\n  x, /* c */ y);\n', 'a.ts'],
  'blank and whitespace-only lines': ['\n   \nconst a = [\n\t\n  1,\n    \n];\n', 'a.ts'],
};

/** Checks that start and end index `source`: names, string literals and comments read as themselves there. */
function offsetsIndexSource(tree: Obj, source: string): number {
  let checked = 0;
  const visit = (value: unknown): void => {
    if (!isObject(value)) return;
    if (Array.isArray(value)) return value.forEach(visit);
    const text = typeof value.start === 'number' ? source.slice(value.start, value.end as number) : undefined;
    if (value.type === 'Identifier') expect(text).toBe(value.name);
    else if (value.type === 'StringLiteral') expect(text).toBe((value.extra as Obj).raw);
    else if (value.type === 'CommentLine') expect(text).toBe(`//${String(value.value)}`);
    else if (value.type === 'CommentBlock') expect(text).toBe(`/*${String(value.value)}*/`);
    else checked--;
    checked++;
    for (const key of Object.keys(value)) if (key !== 'loc' && key !== 'tokens') visit(value[key]);
  };
  visit(tree);
  return checked;
}

describe('parseModule matches recast.parse on edge shapes', () => {
  it.each(Object.entries(EDGES))('%s', (name, [source, file]) => {
    const ours = parseModule(source, file) as unknown as Obj;
    const theirs = recastParse(source, file);
    const plain = !/[\t\r\uFEFF]/.test(source);
    compare(ours, theirs, 'file', true, [], plain);
    compare(ours.original, ownOriginal(theirs), 'original', false, [], plain);
    // Printed, a module has one line end throughout: its first.
    expect(printModule(ours as never)).toBe(name === 'mixed line ends' ? source.replace(/\r\n|\r|\n/g, '\r\n') : source);
    if (source) expect(offsetsIndexSource(ours, source)).toBeGreaterThan(0);
  });
});

describe('twin-parse keeps recast semantics a transform relies on', () => {
  it('skips fixFaultyLocations by type name only where ast-types knows no subtypes of the types it checks', () => {
    // mayHaveFaultyLocation (twin-parse.ts) compares node.type with 'MethodDefinition' and 'Property'.
    const { Type, namedTypes } = recast.types as unknown as { Type: { def(name: string): { isSupertypeOf(other: unknown): boolean } }; namedTypes: object };
    for (const base of ['MethodDefinition', 'Property']) {
      const subtypes = Object.keys(namedTypes).filter((name) => Type.def(base).isSupertypeOf(Type.def(name)));
      expect(subtypes).toEqual([base]);
    }
  });

  it('reads a U+2028 inside a string, which recast.parse turns into a line break the parser refuses', () => {
    const source = 'const a = "one\u2028two";\nexport default a;\n';
    expect(() => recastParse(source, 'a.ts')).toThrow(/Unterminated string/);
    const ast = parseModule(source, 'a.ts');
    expect(offsetsIndexSource(ast as unknown as Obj, source)).toBeGreaterThan(0);
    // recast prints it as a line end, though: the runner's output check refuses that and leaves the file as it was.
    expect(() => assertParses(printModule(ast), 'a.ts')).toThrow(/Unterminated string/);
  });

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
