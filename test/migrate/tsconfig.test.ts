import { expect, it } from 'vitest';
import { ModuleResolver } from '../../src/migrate/resolve.js';
import { pathAliases } from '../../src/migrate/tsconfig.js';

it('finds bare specifiers under the baseUrl after the paths, as TypeScript and Next.js do', () => {
  // timlrx/tailwind-nextjs-starter-blog: `import 'css/tailwind.css'` and `from 'app/seo'` with baseUrl ".".
  const files = new Set(['css/tailwind.css', 'app/seo.tsx', 'components/Link.tsx', 'app/layout.tsx']);
  const withBase = new ModuleResolver(files, pathAliases({ compilerOptions: { baseUrl: '.', paths: { '@/components/*': ['components/*'] } } }));
  expect(withBase.resolve('app/layout.tsx', 'css/tailwind.css')).toBe('css/tailwind.css');
  expect(withBase.resolve('app/layout.tsx', 'app/seo')).toBe('app/seo.tsx');
  expect(withBase.resolve('app/layout.tsx', '@/components/Link')).toBe('components/Link.tsx');
  expect(withBase.resolve('app/layout.tsx', 'react')).toBeUndefined();
  // Without a baseUrl a bare specifier is a package.
  const without = new ModuleResolver(files, pathAliases({ compilerOptions: { paths: { '@/components/*': ['./components/*'] } } }));
  expect(without.resolve('app/layout.tsx', 'app/seo')).toBeUndefined();
});
