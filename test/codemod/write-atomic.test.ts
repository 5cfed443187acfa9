import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemod/run.js';
import { TargetExistsError, writeFileAtomic } from '../../src/codemod/write-atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zfb-next-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PROPS_PAGE = (text: string): string =>
  `export async function getStaticProps() {\n  return { props: { text: '${text}' } };\n}\n\nexport default function Page({ text }) {\n  return <p>{text}</p>;\n}\n`;

describe('writeFileAtomic', () => {
  it('makes the missing folders from the nearest known one and records them', () => {
    const knownDirs = new Set([dir]);
    const file = path.join(dir, 'app', 'blog', '[slug]', 'page.tsx');
    writeFileAtomic(file, 'x', { knownDirs });
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(knownDirs).toEqual(new Set([dir, path.join(dir, 'app'), path.join(dir, 'app', 'blog'), path.join(dir, 'app', 'blog', '[slug]')]));
    // A folder the run believes made but that already exists on disk is fine too.
    writeFileAtomic(path.join(dir, 'app', 'blog', 'other.tsx'), 'y', { knownDirs: new Set([dir]) });
    expect(readFileSync(path.join(dir, 'app', 'blog', 'other.tsx'), 'utf8')).toBe('y');
  });

  it('replaces a file when not exclusive, and never leaves a temporary file behind', () => {
    const file = path.join(dir, 'page.tsx');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['page.tsx']);
  });

  it('exclusive: refuses a taken name, keeps what is there, and cleans up', () => {
    const file = path.join(dir, 'page.tsx');
    writeFileSync(file, 'theirs');
    expect(() => writeFileAtomic(file, 'ours', { exclusive: true })).toThrow(TargetExistsError);
    expect(readFileSync(file, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['page.tsx']);
    writeFileAtomic(path.join(dir, 'free.tsx'), 'ours', { exclusive: true });
    expect(readFileSync(path.join(dir, 'free.tsx'), 'utf8')).toBe('ours');
    expect(readdirSync(dir).sort()).toEqual(['free.tsx', 'page.tsx']);
  });
});

it('two pages moving to one app route: the first moves, the second is reported and left where it was', async () => {
  writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  mkdirSync(path.join(dir, 'pages', 'a'), { recursive: true });
  writeFileSync(path.join(dir, 'pages', 'a.jsx'), PROPS_PAGE('flat'));
  writeFileSync(path.join(dir, 'pages', 'a', 'index.jsx'), PROPS_PAGE('index'));
  const summary = await runCodemod({ name: 'pages-to-app', paths: [path.join(dir, 'pages')], force: true, cwd: dir });
  expect(summary.counts).toMatchObject({ changed: 1, failed: 1 });
  const failed = summary.files.find((f) => f.status === 'failed')!;
  expect(failed.reason).toBe('app/a/page.jsx already exists, file left untouched');
  const moved = readFileSync(path.join(dir, 'app', 'a', 'page.jsx'), 'utf8');
  const kept = readFileSync(path.join(dir, failed.file), 'utf8');
  // Both texts survive: one as the new page, the other untouched in pages/.
  expect([moved.includes("'flat'") ? 'flat' : 'index', kept.includes("'flat'") ? 'flat' : 'index'].sort()).toEqual(['flat', 'index']);
  expect(kept).toBe(PROPS_PAGE(kept.includes("'flat'") ? 'flat' : 'index'));
});
