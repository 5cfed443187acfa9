import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { babelOptions } from '../../codemods/_shared/ast.js';
import { endOf, startOf } from '../../codemods/_shared/edited-module.js';
import { walk } from '../../codemods/_shared/walk.js';
import { TRANSFORMS } from '../../codemods/index.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * The transforms edit a module's text at the offsets of its nodes, so what lies between tokens (comments, line
 * breaks) is where an edit could land wrong. Every fixture input, with a comment or a line break before every
 * third token (three ways round), must still give output that parses.
 */
const i18n = { locales: ['en', 'fr'], defaultLocale: 'en' };
const defaultPath = (name: string, file: string): string => (name.startsWith('app-') ? `app/blog/[slug]/page${path.extname(file)}` : `pages/blog/[slug]${path.extname(file)}`);

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

for (const { name } of TRANSFORMS) {
  describe(`${name} on inputs with comments and line breaks between tokens`, async () => {
    const transform = await TRANSFORMS.find((t) => t.name === name)!.load();
    const dir = path.join(REPO_ROOT, 'codemods', name, '__fixtures__');
    for (const file of readdirSync(dir).filter((f) => /\.input\.[jt]sx?$/.test(f))) {
      it(file, () => {
        const source = readFileSync(path.join(dir, file), 'utf8');
        const options = path.join(dir, file.replace(/\.input\.[a-z]+$/, '.json'));
        const modulePath: string = existsSync(options) ? (JSON.parse(readFileSync(options, 'utf8')).path ?? defaultPath(name, file)) : defaultPath(name, file);
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
            for (const config of [undefined, i18n]) {
              const result = transform({ path: modulePath, source: text, i18n: config, readFile: () => undefined });
              if (result.source === null) continue;
              const where = `${insert.trim() || 'line break'} before tokens ${phase}, ${phase + 3}, …${config ? ', with i18n' : ''}`;
              expect(() => parse(result.source!, babelOptions(result.outputPath ?? modulePath, false)), where).not.toThrow();
              checked++;
            }
          }
        }
        // A fixture the transform leaves alone (a getServerSideProps page, say) is left alone perturbed too.
        const changes = transform({ path: modulePath, source, readFile: () => undefined }).source !== null;
        expect(checked > 0).toBe(changes);
      });
    }
  });
}
