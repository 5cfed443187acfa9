import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseModule } from './_shared/ast.js';
import type { Transform, TransformInput } from './_shared/types.js';
import { TRANSFORMS } from './index.js';

/**
 * Every transform against its fixtures, found on disk, so a new fixture needs no test code:
 *
 * - `__fixtures__/<case>.input.<ext>` + `<case>.output.<ext>`: one file. The transform sees it at the path
 *   given by an optional `<case>.json` (`{ "path": "pages/blog/[slug].tsx", "outputPath": "app/blog/[slug]/page.tsx",
 *   "i18n": { "locales": [...], "defaultLocale": "en" } }`), by default `pages/blog/[slug].<ext>` (or
 *   `app/blog/[slug]/page.<ext>` for app-to-* transforms). When `outputPath` is given, the move is asserted.
 * - `__fixtures__/<case>/input/**` + `<case>/output/**`: a project tree (e.g. an app page with its layouts);
 *   every file the transform accepts is transformed, moves applied, and the whole tree must equal `output/`.
 *   An optional `<case>/options.json` holds `{ "i18n": … }`.
 *
 * Output must equal the expected text exactly, must parse, and a second run over the output changes nothing;
 * the input written with a byte order mark and CRLF line ends gives the expected text with both, and the
 * input indented with tabs the expected text indented with tabs.
 */

const CODEMODS = path.dirname(fileURLToPath(import.meta.url));

type Tree = Map<string, string>;
interface Options {
  path?: string;
  outputPath?: string;
  i18n?: TransformInput['i18n'];
}

function readTree(dir: string, base = dir, tree: Tree = new Map()): Tree {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) readTree(full, base, tree);
    else tree.set(path.relative(base, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return tree;
}

function runOnTree(name: string, transform: Transform, tree: Tree, i18n: Options['i18n']): { tree: Tree; changed: string[] } {
  const entry = TRANSFORMS.find((t) => t.name === name)!;
  const next = new Map(tree);
  const changed: string[] = [];
  for (const [file, source] of [...tree].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!entry.mayApply(file, source)) continue;
    const result = transform({ path: file, source, i18n, readFile: (p) => tree.get(p) });
    const moved = result.outputPath !== undefined && result.outputPath !== file;
    if (result.source === null || (result.source === source && !moved)) continue;
    changed.push(file);
    if (moved) next.delete(file);
    next.set(result.outputPath ?? file, result.source);
  }
  return { tree: next, changed };
}

// The same modules in other styles: a byte order mark and CRLF line ends; tabs for two-space indent steps.
const windows = (text: string): string => '\uFEFF' + text.replace(/\r?\n/g, '\r\n');
const tabbed = (text: string): string => text.replace(/^(?: {2})+/gm, (s) => '\t'.repeat(s.length / 2));
const isModule = (file: string): boolean => /\.[mc]?[jt]sx?$/.test(file);
const restyled = (tree: Tree, style: (text: string) => string): Tree => new Map([...tree].map(([f, t]) => [f, isModule(f) ? style(t) : t]));
const sorted = (tree: Tree): Record<string, string> => Object.fromEntries([...tree].sort());

const defaultPath = (name: string, ext: string): string =>
  name.startsWith('app-') ? `app/blog/[slug]/page${ext}` : `pages/blog/[slug]${ext}`;

for (const entry of TRANSFORMS) {
  const dir = path.join(CODEMODS, entry.name, '__fixtures__');
  if (!existsSync(dir)) continue;
  describe(entry.name, async () => {
    const transform = await entry.load();
    const names = readdirSync(dir).sort();

    for (const file of names.filter((f) => /\.input\.[a-z]+$/.test(f))) {
      const base = file.replace(/\.input\.[a-z]+$/, '');
      const ext = path.extname(file);
      it(base, () => {
        const source = readFileSync(path.join(dir, file), 'utf8');
        const expected = readFileSync(path.join(dir, `${base}.output${ext}`), 'utf8');
        const optionsFile = path.join(dir, `${base}.json`);
        const options: Options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
        const filePath = options.path ?? defaultPath(entry.name, ext);
        const input = { path: filePath, source, i18n: options.i18n, readFile: () => undefined };
        const result = transform(input);
        expect(result.source ?? source).toBe(expected);
        if (options.outputPath) expect(result.outputPath).toBe(options.outputPath);
        const outPath = result.outputPath ?? filePath;
        expect(() => parseModule(expected, outPath)).not.toThrow();
        const again = transform({ ...input, path: outPath, source: expected });
        expect(again.source === null || again.source === expected).toBe(true);
        expect(again.outputPath === undefined || again.outputPath === outPath || again.source === null).toBe(true);
        // The same module written with a byte order mark and CRLF line ends comes out with both.
        expect(transform({ ...input, source: windows(source) }).source ?? windows(source)).toBe(windows(expected));
        // Indented with tabs, it gives the same code, indented with tabs.
        expect(transform({ ...input, source: tabbed(source) }).source ?? tabbed(source)).toBe(tabbed(expected));
      });
    }

    for (const name of names.filter((f) => statSync(path.join(dir, f)).isDirectory())) {
      it(name, () => {
        const optionsFile = path.join(dir, name, 'options.json');
        const options: Options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
        const input = readTree(path.join(dir, name, 'input'));
        const expected = readTree(path.join(dir, name, 'output'));
        const first = runOnTree(entry.name, transform, input, options.i18n);
        expect(sorted(first.tree)).toEqual(sorted(expected));
        for (const [file, text] of first.tree) if (isModule(file)) expect(() => parseModule(text, file)).not.toThrow();
        expect(runOnTree(entry.name, transform, first.tree, options.i18n).changed).toEqual([]);
        // Every module of the tree in the other styles, as for one file above.
        expect(sorted(runOnTree(entry.name, transform, restyled(input, windows), options.i18n).tree)).toEqual(sorted(restyled(expected, windows)));
        expect(sorted(runOnTree(entry.name, transform, restyled(input, tabbed), options.i18n).tree)).toEqual(sorted(restyled(expected, tabbed)));
      });
    }
  });
}
