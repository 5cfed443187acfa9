import { expect, it } from 'vitest';
import { jsxModulesToJsx } from '../../src/migrate/jsx-in-js.js';
import { OutputTree } from '../../src/migrate/output.js';

it('renames the .js modules that hold JSX to .jsx, and only those (zfb bundles .js without JSX)', () => {
  const tree = new OutputTree();
  tree.write('app/layout.js', 'export default function L({ children }) { return <html><body>{children}</body></html>; }\n', 0o644);
  tree.write('components/Frag.js', 'export const F = () => <>x</>;\n');
  tree.write('lib/compare.js', 'export const less = (a, b) => a < b;\n');
  tree.write('lib/broken.js', 'export const x = <;\n');
  tree.write('plugins/next-data.mjs', 'export default {};\n');
  const renamed = jsxModulesToJsx(tree);
  expect([...renamed]).toEqual([
    ['app/layout.js', 'app/layout.jsx'],
    ['components/Frag.js', 'components/Frag.jsx'],
  ]);
  expect(tree.paths()).toEqual(['app/layout.jsx', 'components/Frag.jsx', 'lib/broken.js', 'lib/compare.js', 'plugins/next-data.mjs']);
  expect(tree.files.get('app/layout.jsx')).toEqual({ kind: 'text', text: 'export default function L({ children }) { return <html><body>{children}</body></html>; }\n', mode: 0o644 });
});
