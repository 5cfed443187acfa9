import { describe, expect, it } from 'vitest';
import { moveModule } from '../../src/migrate/module-edits.js';
import { splitModule } from '../../src/migrate/split.js';

describe('splitModule', () => {
  it('removes the last statements of a file when a blank line stands between them', () => {
    // The shape of a root layout whose data half keeps only `metadata`: the component and the helper
    // component after it both go, and the blank line between them belongs to both removals.
    const source = [
      "import './globals.css';",
      "import { Footer as F } from './footer';",
      '',
      "export const metadata = { title: 'Site' };",
      '',
      'export default function RootLayout({ children }) {',
      '  return <html><body>{children}<Footer /></body></html>;',
      '}',
      '',
      'function Footer() {',
      '  return <F />;',
      '}',
      '',
    ].join('\n');
    const data = splitModule(source, 'app/layout.tsx', { keepExport: (name) => name === 'metadata', dropStyles: true });
    expect(data.source).toBe("export const metadata = { title: 'Site' };\n");
    expect(data.removedExports).toEqual(['default']);
  });
});

describe('moveModule', () => {
  it('moves the folder a template import() starts with, as it moves literal specifiers', () => {
    const source = [
      "import { format } from '../../lib/format';",
      'export async function getStaticProps({ locale }) {',
      '  return { props: { messages: (await import(`../../messages/${locale}.json`)).default, text: format(locale) } };',
      '}',
      '',
    ].join('\n');
    expect(moveModule(source, 'src/pages/404.tsx', 'next-data/404.tsx')).toBe(
      [
        "import { format } from '../lib/format';",
        'export async function getStaticProps({ locale }) {',
        '  return { props: { messages: (await import(`../messages/${locale}.json`)).default, text: format(locale) } };',
        '}',
        '',
      ].join('\n'),
    );
  });
});
