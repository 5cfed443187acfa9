import { describe, expect, it } from 'vitest';
import { ModuleGraph, nodeApisReached } from '../../src/analysis/node-apis.js';

/** An in-memory project: path → text. */
function reader(files: Record<string, string>): (file: string) => string | undefined {
  return (file) => files[file];
}

const PROJECT: Record<string, string> = {
  'tsconfig.json': '{\n  // comments and trailing commas, as tsconfig allows\n  "compilerOptions": { "baseUrl": "src", "paths": { "~/*": ["lib/*"], }, },\n}\n',
  'pages/index.tsx': [
    "import { posts } from '../src/lib/posts.js';",
    "import { cms } from '~/cms';",
    "import type { Post } from '../src/lib/types';",
    "import './side-effect';",
    'export default function Home() {',
    "  return process.env.NODE_ENV === 'production' ? posts() : cms();",
    '}',
  ].join('\n'),
  'src/lib/posts.ts': "import { read } from './io';\nexport const posts = () => read('posts.json');\n",
  'src/lib/io/index.ts': "import fs from 'fs';\nimport { posts } from '../posts';\nexport const read = (file: string) => fs.readFileSync(file, 'utf8') + __dirname;\n",
  'src/lib/cms.ts': "export const cms = async () => (await fetch('https://example.com')).json();\nexport const key = { process: 1 };\n",
  'src/lib/types.ts': "import { env } from 'node:process';\nexport type Post = { slug: string };\n",
  'pages/side-effect.js': "const os = require('os');\nexport const later = () => import('node:path');\nconsole.log(process.argv);\n",
};

describe('nodeApisReached', () => {
  it('lists every project module a page reaches and the Node-only APIs each uses', () => {
    expect(nodeApisReached('pages/index.tsx', reader(PROJECT))).toEqual([
      { file: 'pages/index.tsx', uses: [] },
      { file: 'src/lib/posts.ts', uses: [] },
      { file: 'src/lib/cms.ts', uses: [{ api: 'fetch()', line: 1 }] },
      {
        file: 'pages/side-effect.js',
        uses: [
          { api: "'os'", line: 1 },
          { api: "'node:path'", line: 2 },
          { api: 'process', line: 3 },
        ],
      },
      {
        file: 'src/lib/io/index.ts',
        uses: [
          { api: "'fs'", line: 1 },
          { api: '__dirname', line: 3 },
        ],
      },
    ]);
  });

  it('follows imports through a cycle once, and says through which modules a use is reached', () => {
    const graph = new ModuleGraph(reader(PROJECT));
    expect(graph.resolve('pages/index.tsx', '~/cms')).toBe('src/lib/cms.ts');
    expect(graph.resolve('pages/index.tsx', '../src/lib/posts.js')).toBe('src/lib/posts.ts');
    expect(graph.resolve('src/lib/posts.ts', './io')).toBe('src/lib/io/index.ts');
    expect(graph.resolve('pages/index.tsx', 'react')).toBeUndefined();
    expect(graph.resolve('pages/index.tsx', './missing')).toBeUndefined();
    expect(graph.usesReachedFrom('src/lib/posts.ts')).toEqual([
      { file: 'src/lib/io/index.ts', uses: [{ api: "'fs'", line: 1 }, { api: '__dirname', line: 3 }], chain: ['src/lib/posts.ts', 'src/lib/io/index.ts'] },
    ]);
  });

  it('reads a module again when its text changed', () => {
    const files = { ...PROJECT };
    const graph = new ModuleGraph(reader(files));
    expect(graph.usesReachedFrom('src/lib/cms.ts')).toHaveLength(1);
    files['src/lib/cms.ts'] = 'export const cms = () => [];\n';
    expect(graph.usesReachedFrom('src/lib/cms.ts')).toEqual([]);
  });
});
