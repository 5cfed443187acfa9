import { expect, it } from 'vitest';
import { parseModule } from '../../codemods/_shared/ast.js';
import { wrapIslands } from '../../src/migrate/islands.js';
import { ModuleResolver } from '../../src/migrate/resolve.js';
import { pathAliases } from '../../src/migrate/tsconfig.js';

it('marks a client component given children inside JSX with a marker in braces, so the layout still parses', () => {
  // The shape of a root layout wrapping the site in a client theme provider (timlrx/tailwind-nextjs-starter-blog).
  const layout = [
    "import { ThemeProviders } from './theme-providers';",
    "import Counter from './counter';",
    '',
    'export default function RootLayout({ children }) {',
    '  return (',
    '    <body>',
    '      <ThemeProviders>',
    '        <main>{children}</main>',
    '        <Counter start={1} />',
    '      </ThemeProviders>',
    '    </body>',
    '  );',
    '}',
    '',
  ].join('\n');
  const files = ['app/layout.tsx', 'app/theme-providers.tsx', 'app/counter.tsx'];
  const clients = { resolver: new ModuleResolver(new Set(files), pathAliases({})), isClient: (file: string) => file !== 'app/layout.tsx' };
  const out = wrapIslands(layout, 'app/layout.tsx', clients);
  expect(() => parseModule(out, 'app/layout.tsx')).not.toThrow();
  expect(out).toContain(
    '    <body>\n      {/* @zfb-next-todo: <ThemeProviders> is a client component given children by the server: zfb hydrates an island from its JSON props only, so it stays static HTML here; pass the content as props to make it an island */}\n      <ThemeProviders>',
  );
  expect(out).toContain('<Island><Counter start={1} /></Island>');
});
