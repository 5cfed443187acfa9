import { describe, expect, it } from 'vitest';
import { TRANSFORMS } from '../index.js';
import { readModule } from './ast.js';

describe('new code in a tab-indented module', () => {
  it('indents new lines with tabs and leaves a template literal spaces as they are, even on a changed line', async () => {
    const transform = await TRANSFORMS.find((t) => t.name === 'pages-to-app')!.load();
    const source = [
      'export async function getStaticPaths() {',
      "\treturn { paths: [{ params: { slug: 'a' } }], fallback: false };",
      '}',
      '',
      'export async function getStaticProps({ params }) {',
      '\tconst text = `first',
      '    kept with four spaces ${getStaticProps.name}',
      '  and two`;',
      '\treturn { props: { text } };',
      '}',
      '',
      'export default function Page({ text }) {',
      '\treturn <pre>{text}</pre>;',
      '}',
      '',
    ].join('\n');
    const output = transform({ path: 'pages/[slug].jsx', source, readFile: () => undefined }).source!;
    // The renamed line is new text, but inside the template: its four spaces are part of the string.
    expect(output).toContain('\tconst text = `first\n    kept with four spaces ${getPageProps.name}\n  and two`;\n');
    expect(output).toContain('export default async function Page({ params }) {\n\tconst { text } = await getPageProps({ params: await params });\n');
    expect(output.split('\n').filter((line) => /^ /.test(line))).toEqual(['    kept with four spaces ${getPageProps.name}', '  and two`;']);
  });
});

describe('readModule', () => {
  it('gives the same tree again for a module read again with the same text, a new one when the text changed', () => {
    const first = readModule('export const a = 1;\n', 'app/layout.tsx');
    expect(readModule('export const a = 1;\n', 'app/layout.tsx')).toBe(first);
    const changed = readModule('export const a = 2;\n', 'app/layout.tsx');
    expect(changed).not.toBe(first);
    expect(readModule('export const a = 2;\n', 'app/layout.tsx')).toBe(changed);
  });
});
