import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cappedWorkers, runCodemod } from '../../src/codemod/run.js';
import { REPO_ROOT } from '../helpers/engines.js';

/**
 * What a careless or hostile user can hand the codemod runner: each input ends in a clear line or error naming
 * the file, and nothing the user wrote is lost, replaced or half-written. test/README.md lists them.
 */

const CLI = path.join(REPO_ROOT, 'bin', 'zfb-next.js');

const POST = `export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: false };
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug } };
}

export default function Post({ slug }) {
  return <h1>{slug}</h1>;
}
`;

const PROPS_PAGE = (n: string): string =>
  `export async function getStaticProps() {\n  return { props: { n: '${n}' } };\n}\n\nexport default function Page({ n }) {\n  return <p>{n}</p>;\n}\n`;

let dir: string;

function write(file: string, text: string | Buffer): string {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'ignore' });
}

/** Every path below `root` (links not followed), with what it is and holds, to compare a tree before and after. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      const rel = path.relative(root, full);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out[rel] = `link → ${readlinkSync(full)}`;
      else if (stat.isDirectory()) visit(full);
      else if (stat.isFile()) out[rel] = `${(stat.mode & 0o7777).toString(8)} ${readFileSync(full).toString('base64')}`;
      else out[rel] = 'special';
    }
  };
  visit(root);
  return out;
}

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['node', 'zfb-next', 'codemod', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
    out.mockRestore();
    err.mockRestore();
  }
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zfb-next-bad-input-'));
  write('package.json', '{"private":true}\n');
});

afterEach(() => {
  // A read-only folder or file must not stop the clean-up.
  if (existsSync(dir)) execFileSync('chmod', ['-R', 'u+w', dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the dirty-tree guard checks the repository of every file', () => {
  it('refuses absolute paths into a dirty repository from a clean directory elsewhere, naming the repository and a dirty file', async () => {
    const repo = path.join(dir, 'site');
    mkdirSync(repo);
    write('site/package.json', '{"private":true}\n');
    write('site/pages/blog/[slug].jsx', POST);
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'init');
    write('site/notes.md', 'work in progress\n');
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const before = snapshot(repo);

    const result = await cli(elsewhere, 'pages-to-app', path.join(repo, 'pages'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`zfb-next codemod: the git repository ${repo} has uncommitted changes (notes.md); commit or stash them first, or pass --force\n`);
    expect(snapshot(repo)).toEqual(before);

    // From inside the repository the same check holds, and --force still overrides it.
    const inside = await cli(repo, 'pages-to-app', 'pages');
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('the git repository . has uncommitted changes (notes.md)');
    const forced = await runCodemod({ name: 'pages-to-app', paths: [path.join(repo, 'pages')], cwd: elsewhere, force: true });
    expect(forced.counts.changed).toBe(1);
  });

  it('checks each repository a run touches: a clean one does not cover a dirty one', async () => {
    for (const name of ['one', 'two']) {
      const repo = path.join(dir, name);
      write(`${name}/package.json`, '{"private":true}\n');
      write(`${name}/pages/p.jsx`, PROPS_PAGE(name));
      git(repo, 'init', '-q');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', 'init');
    }
    write('two/pages/p.jsx', PROPS_PAGE('edited'));
    await expect(runCodemod({ name: 'pages-to-app', paths: ['one/pages', 'two/pages'], cwd: dir })).rejects.toThrow(
      'the git repository two has uncommitted changes (pages/p.jsx); commit or stash them first, or pass --force',
    );
    expect(existsSync(path.join(dir, 'one/pages/p.jsx'))).toBe(true);
  });

  it('runs on files in no repository (there is no committed copy to protect)', async () => {
    write('pages/blog/[slug].jsx', POST);
    const summary = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir });
    expect(summary.counts.changed).toBe(1);
  });
});

describe('two page files for one route', () => {
  it('refuses to write app/x/page.tsx beside an existing app/x/page.jsx, in a real run and a dry one', async () => {
    write('pages/x.tsx', PROPS_PAGE('x'));
    write('app/x/page.jsx', 'export default function Page() {\n  return <p>already here</p>;\n}\n');
    const before = snapshot(dir);
    const reason = 'app/x/page.jsx already exists (the route of app/x/page.tsx), file left untouched';
    const dry = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir, dry: true });
    expect(dry.files).toEqual([{ file: 'pages/x.tsx', status: 'failed', reason, markers: [] }]);
    const result = await cli(dir, 'pages-to-app', 'pages');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`failed pages/x.tsx: ${reason}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to write pages/x.tsx when pages/x.jsx or pages/x/index.jsx serves the route', async () => {
    const app = 'export async function generateStaticParams() {\n  return [];\n}\n\nexport default function Page() {\n  return <p>app</p>;\n}\n';
    write('app/x/page.tsx', app);
    write('app/y/page.tsx', app);
    write('pages/x.jsx', 'export default function X() {\n  return null;\n}\n');
    write('pages/y/index.jsx', 'export default function Y() {\n  return null;\n}\n');
    const before = snapshot(dir);
    const summary = await runCodemod({ name: 'app-to-pages', paths: ['app'], cwd: dir });
    expect(summary.files.map((f) => [f.file, f.status, f.reason])).toEqual([
      ['app/x/page.tsx', 'failed', 'pages/x.jsx already exists (the route of pages/x.tsx), file left untouched'],
      ['app/y/page.tsx', 'failed', 'pages/y/index.jsx already exists (the route of pages/y.tsx), file left untouched'],
    ]);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('file modes', () => {
  it('keeps the mode of a rewritten file and of a moved one (0755 stays 0755)', async () => {
    const inPlace = write('pages/tool/[slug].tsx', POST);
    const moved = write('pages/run.jsx', PROPS_PAGE('run'));
    chmodSync(inPlace, 0o755);
    chmodSync(moved, 0o750);
    const zfb = await runCodemod({ name: 'pages-to-zfb', paths: ['pages/tool'], cwd: dir });
    expect(zfb.counts.changed).toBe(1);
    expect(readFileSync(inPlace, 'utf8')).toContain('export async function paths()');
    expect(statSync(inPlace).mode & 0o7777).toBe(0o755);
    const app = await runCodemod({ name: 'pages-to-app', paths: ['pages/run.jsx'], cwd: dir });
    expect(app.files[0]!.movedTo).toBe('app/run/page.jsx');
    expect(statSync(path.join(dir, 'app/run/page.jsx')).mode & 0o7777).toBe(0o750);
  });

  it('refuses to write a read-only file without --force, and keeps its mode with it', async () => {
    const file = write('pages/locked/[slug].tsx', POST);
    chmodSync(file, 0o444);
    const before = snapshot(dir);
    const result = await cli(dir, 'pages-to-zfb', 'pages');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed pages/locked/[slug].tsx: read-only (mode 0444), file left untouched: pass --force to write it (its mode is kept)');
    expect(snapshot(dir)).toEqual(before);

    const forced = await runCodemod({ name: 'pages-to-zfb', paths: ['pages'], cwd: dir, force: true });
    expect(forced.counts.changed).toBe(1);
    expect(readFileSync(file, 'utf8')).toContain('export async function paths()');
    expect(statSync(file).mode & 0o7777).toBe(0o444);
  });
});

describe('symbolic links', () => {
  it('lists a linked page and a linked folder met in a walk, and leaves both links as they are', async () => {
    const shared = write('shared/post.jsx', POST);
    write('shared/more/[id].jsx', POST.replace(/slug/g, 'id'));
    mkdirSync(path.join(dir, 'pages', 'blog'), { recursive: true });
    symlinkSync('../../shared/post.jsx', path.join(dir, 'pages/blog/[slug].jsx'));
    symlinkSync('../shared/more', path.join(dir, 'pages/more'));
    write('pages/real.jsx', PROPS_PAGE('real'));
    const before = snapshot(dir);

    const result = await cli(dir, 'pages-to-app', 'pages');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'skipped pages/blog/[slug].jsx: a symbolic link to ../../shared/post.jsx: not followed and not replaced; run the codemod on the file it points to, or replace the link with that file',
    );
    expect(result.stdout).toContain(
      'skipped pages/more: a symbolic link to ../shared/more: not followed and not replaced; run the codemod on the folder it points to, or replace the link with that folder',
    );
    expect(result.stdout).toContain('changed pages/real.jsx → app/real/page.jsx');
    const after = snapshot(dir);
    expect(after['pages/blog/[slug].jsx']).toBe('link → ../../shared/post.jsx');
    expect(after['pages/more']).toBe('link → ../shared/more');
    expect(readFileSync(shared, 'utf8')).toBe(POST);
    expect(Object.keys(after).filter((f) => f.startsWith('shared/'))).toEqual(Object.keys(before).filter((f) => f.startsWith('shared/')));
  });

  it('never replaces a link named on the command line with a copy', async () => {
    write('shared/post.jsx', POST);
    mkdirSync(path.join(dir, 'pages'));
    symlinkSync('../shared/post.jsx', path.join(dir, 'pages/post.jsx'));
    const before = snapshot(dir);
    const summary = await runCodemod({ name: 'pages-to-zfb', paths: ['pages/post.jsx'], cwd: dir });
    expect(summary.files).toEqual([
      {
        file: 'pages/post.jsx',
        status: 'skipped',
        reason: 'a symbolic link to ../shared/post.jsx: not followed and not replaced; run the codemod on the file it points to, or replace the link with that file',
        markers: [],
      },
    ]);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('bytes that are not UTF-8', () => {
  it('refuses an ISO-8859-1 page naming the file and the byte, keeps its bytes, and transforms the rest', async () => {
    const latin1 = Buffer.from(POST.replace("slug: 'a'", "slug: 'caf\u00e9'"), 'latin1');
    const file = write('pages/blog/[slug].jsx', latin1);
    write('pages/ok.jsx', PROPS_PAGE('ok'));
    // A Latin-1 file the transform would not look at is no failure.
    write('pages/legacy.js', Buffer.from("export const label = 'd\u00e9j\u00e0';\n", 'latin1'));
    const result = await cli(dir, 'pages-to-app', 'pages');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed pages/blog/[slug].jsx: not valid UTF-8 (line 2, byte 0xE9): convert it to UTF-8 first; left untouched');
    expect(result.stdout).toContain('pages-to-app: 1 changed, 1 unchanged, 0 skipped, 1 failed, 0 marked');
    expect(readFileSync(file).equals(latin1)).toBe(true);
  });
});

describe('paths that are neither files nor folders', () => {
  it('refuses a FIFO, a device and a socket named as paths, at once', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.tsx')]);
    const started = Date.now();
    const fifo = await cli(dir, 'pages-to-app', 'pipe.tsx');
    expect(fifo).toMatchObject({ code: 2, stderr: 'zfb-next codemod: not a regular file or directory: pipe.tsx (a FIFO)\n' });
    const device = await cli(dir, 'pages-to-app', '/dev/null');
    expect(device).toMatchObject({ code: 2, stderr: 'zfb-next codemod: not a regular file or directory: /dev/null (a device)\n' });
    const socket: Server = await new Promise((resolve) => {
      const server = createServer().listen(path.join(dir, 'sock.tsx'), () => resolve(server));
    });
    try {
      const result = await cli(dir, 'pages-to-app', 'sock.tsx');
      expect(result).toMatchObject({ code: 2, stderr: 'zfb-next codemod: not a regular file or directory: sock.tsx (a socket)\n' });
    } finally {
      socket.close();
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('lists a FIFO with a source name met in a walk, without opening it', async () => {
    mkdirSync(path.join(dir, 'pages'));
    execFileSync('mkfifo', [path.join(dir, 'pages', 'pipe.tsx')]);
    write('pages/ok.jsx', PROPS_PAGE('ok'));
    const summary = await runCodemod({ name: 'pages-to-app', paths: ['pages'], cwd: dir });
    expect(summary.files.find((f) => f.file === 'pages/pipe.tsx')).toEqual({
      file: 'pages/pipe.tsx',
      status: 'skipped',
      reason: 'a FIFO, not a regular file: not read',
      markers: [],
    });
    expect(summary.counts.changed).toBe(1);
  });
});

describe('worker threads and signals', () => {
  it('caps the workers by the cores and by the batches of files there are', () => {
    expect(cappedWorkers(1000, 5, 2)).toBe(1);
    expect(cappedWorkers(100, 5_000, 2)).toBe(1);
    expect(cappedWorkers(100, 5_000, 8)).toBe(7);
    expect(cappedWorkers(100, 17, 8)).toBe(3);
    expect(cappedWorkers(0, 5_000, 8)).toBe(0);
    expect(cappedWorkers(3, 5_000, 1)).toBe(1);
  });

  it('--workers 1000 on five files finishes like a plain run (compiled CLI)', () => {
    for (let i = 0; i < 5; i++) write(`pages/p${i}.jsx`, PROPS_PAGE(String(i)));
    const started = Date.now();
    const run = spawnSync(process.execPath, [CLI, 'codemod', 'pages-to-app', 'pages', '--workers', '1000', '--json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).counts).toEqual({ changed: 5, unchanged: 0, skipped: 0, failed: 0, marked: 0 });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  /**
   * A signal in the middle of a real run: the run stops taking files, finishes the writes under way, says what
   * it did and exits as the signal would (128 + its number). Every page is then either untouched in pages/ or
   * moved whole to app/, never both, never half-written, and no temporary file is left.
   */
  for (const [signal, workers, code] of [
    ['SIGTERM', '1', 143],
    ['SIGINT', '0', 130],
  ] as const) {
    it(`${signal} (--workers ${workers}) ends the run promptly with every file whole`, async () => {
      const pages = 3_000;
      for (let i = 0; i < pages; i++) write(`pages/s${i}/p.jsx`, PROPS_PAGE(String(i)));
      const child = spawn(process.execPath, [CLI, 'codemod', 'pages-to-app', 'pages', '--workers', workers], { cwd: dir });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += String(chunk)));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
      // Signal once the first pages have moved.
      const deadline = Date.now() + 60_000;
      while (!existsSync(path.join(dir, 'app')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(existsSync(path.join(dir, 'app'))).toBe(true);
      const signalled = Date.now();
      child.kill(signal);
      const status = await exited;
      expect(Date.now() - signalled).toBeLessThan(5_000);
      expect(status).toBe(code);
      expect(stdout).toMatch(new RegExp(`interrupted by ${signal}: \\d+ files not processed and left as they were`));

      const moved = new Set(existsSync(path.join(dir, 'app')) ? readdirSync(path.join(dir, 'app')) : []);
      let untouched = 0;
      for (let i = 0; i < pages; i++) {
        const old = path.join(dir, `pages/s${i}/p.jsx`);
        const page = path.join(dir, `app/s${i}/p/page.jsx`);
        expect(existsSync(old) !== existsSync(page)).toBe(true);
        if (existsSync(old)) {
          untouched++;
          expect(readFileSync(old, 'utf8')).toBe(PROPS_PAGE(String(i)));
        } else {
          expect(readFileSync(page, 'utf8')).toContain(`n: '${i}'`);
        }
      }
      expect(untouched).toBeGreaterThan(0);
      expect(moved.size).toBeGreaterThan(0);
      const temporary = execFileSync('find', [dir, '-name', '*.tmp'], { encoding: 'utf8' });
      expect(temporary).toBe('');
    });
  }
});

describe('a next.config that cannot be evaluated', () => {
  it('is an error naming the config (exit 2), never a silent move to URLs without the locale', async () => {
    write('next.config.js', "module.exports = { i18n: { locales: ['en', 'fr'], defaultLocale: 'en' } };\nthrow new Error('missing CMS_TOKEN');\n");
    write('pages/blog/[slug].jsx', POST);
    const before = snapshot(dir);
    const result = await cli(dir, 'pages-to-app', 'pages');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^zfb-next codemod: cannot evaluate next\.config\.js, so its i18n settings are unknown and the pages could move to the wrong URLs: .*missing CMS_TOKEN/,
    );
    const zfb = await cli(dir, 'pages-to-zfb', 'pages');
    expect(zfb.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it('does not stop a transform that never reads i18n', async () => {
    write('next.config.js', "throw new Error('missing CMS_TOKEN');\n");
    write('app/a/page.jsx', 'export async function generateStaticParams() {\n  return [];\n}\n\nexport default function Page() {\n  return null;\n}\n');
    const summary = await runCodemod({ name: 'app-to-pages', paths: ['app'], cwd: dir });
    expect(summary.counts.changed).toBe(1);
  });
});
