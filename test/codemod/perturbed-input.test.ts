import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { babelOptions } from '../../codemods/_shared/ast.js';
import { endOf, startOf } from '../../codemods/_shared/edited-module.js';
import { walk } from '../../codemods/_shared/walk.js';
import { TRANSFORMS } from '../../codemods/index.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * pages-to-app edits a module's text at the offsets of its nodes, so what lies between tokens (comments, line
 * breaks) is where an edit could land wrong. Every fixture input, with a comment or a line break before every
 * third token (three ways round), must still give output that parses.
 */
const DIR = path.join(REPO_ROOT, 'codemods', 'pages-to-app', '__fixtures__');
const inputs = readdirSync(DIR).filter((f) => /\.input\.[jt]sx?$/.test(f));
const i18n = { locales: ['en', 'fr'], defaultLocale: 'en' };

function perturbed(source: string, file: string, phase: number, insert: string): string {
  const parsed = parse(source, babelOptions(file, true));
  // Inside JSX a comment would be text (or break a tag): only code outside it is perturbed.
  const jsx: [number, number][] = [];
  walk(parsed.program as never, (node) => {
    if (node.type !== 'JSXElement' && node.type !== 'JSXFragment') return undefined;
    jsx.push([startOf(node), endOf(node)]);
    return false;
  });
  const tokens = (parsed.tokens as { start: number }[]).filter((t) => !jsx.some(([from, to]) => from < t.start && t.start < to));
  const cuts = tokens.filter((_, i) => i % 3 === phase).map((t) => t.start);
  let text = source;
  for (const at of [...new Set(cuts)].sort((a, b) => b - a)) text = text.slice(0, at) + insert + text.slice(at);
  return text;
}

describe('pages-to-app on inputs with comments and line breaks between tokens', async () => {
  const transform = await TRANSFORMS.find((t) => t.name === 'pages-to-app')!.load();
  for (const file of inputs) {
    it(file, () => {
      const source = readFileSync(path.join(DIR, file), 'utf8');
      const modulePath = `pages/blog/[slug]${path.extname(file)}`;
      let checked = 0;
      for (const insert of ['/* c */ ', '\n']) {
        for (const phase of [0, 1, 2]) {
          const text = perturbed(source, modulePath, phase, insert);
          // A line break can make the input itself invalid (`return` then its value): those are not inputs.
          try {
            parse(text, babelOptions(modulePath, false));
          } catch {
            continue;
          }
          for (const options of [undefined, i18n]) {
            const result = transform({ path: modulePath, source: text, i18n: options, readFile: () => undefined });
            if (result.source === null) continue;
            expect(() => parse(result.source!, babelOptions(result.outputPath ?? modulePath, false)), `${insert.trim() || 'line break'} before tokens ${phase}, 3, …`).not.toThrow();
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
