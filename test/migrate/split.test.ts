import { describe, expect, it } from 'vitest';
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
