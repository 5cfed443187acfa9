import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/report/diff-report.js';
import { runDiff } from '../../src/report/run-diff.js';
import { runCli } from '../helpers/cli.js';
import { freshWorkDir, repoRoot, routesJson, writeFiles } from './helpers.js';

const run = promisify(execFile);
let work: string;
const rel = (name: string): string => path.relative(repoRoot, path.join(work, name));
const good = routesJson([{ pattern: '/p/[id]', file: 'pages/p/[id].tsx', urls: ['/p/1', '/p/2'] }]);

beforeAll(() => {
  work = freshWorkDir('bad-input');
  writeFiles(work, {
    'good.json': good,
    'fewer.json': routesJson([{ pattern: '/p/[id]', file: 'pages/p/[id].tsx', urls: ['/p/1'] }]),
    'corrupt.json': good.slice(0, 80),
    'future.json': routesJson([{ pattern: '/', file: 'pages/index.tsx', urls: ['/'] }], 2),
    'no-version.json': JSON.stringify({ routes: [] }),
    'bad-entry.json': JSON.stringify({ version: 1, routes: [{ pattern: '/', file: 'pages/index.tsx', origin: 'zfb', unmatched: 'not-found', providers: [], entries: [{ params: {} }] }] }),
    'broken-build/.next/prerender-manifest.json': '{"version": 4, "routes": ',
    'allow-missing-dir/.keep': '',
    'empty-dir/.keep': '',
  });
});

async function expectUnreadable(base: string, head: string, message: string): Promise<void> {
  const result = await runDiff({ base, head, cwd: repoRoot, env: {} });
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`zfb-next diff: ${message}\n`);
}

describe('sides that cannot be read: exit 2, naming the side and the reason', () => {
  it('a corrupt JSON file', async () => {
    const result = await runDiff({ base: rel('corrupt.json'), head: rel('good.json'), cwd: repoRoot, env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^zfb-next diff: cannot read the base side "${rel('corrupt.json')}": corrupt\\.json is not valid JSON \\(.+\\)\\n$`));
  });

  it('a missing directory', async () => {
    await expectUnreadable(rel('good.json'), rel('no-such-dir'), `cannot read the head side "${rel('no-such-dir')}": no such file or directory`);
  });

  it('a routes JSON version from the future', async () => {
    await expectUnreadable(
      rel('good.json'),
      rel('future.json'),
      `cannot read the head side "${rel('future.json')}": routes JSON version 2 is newer than this zfb-next reads (version 1); upgrade zfb-next`,
    );
  });

  it('routes JSON without a version, or with an entry missing its url', async () => {
    await expectUnreadable(rel('no-version.json'), rel('good.json'), `cannot read the base side "${rel('no-version.json')}": routes JSON "version" must be 1, got nothing`);
    await expectUnreadable(rel('bad-entry.json'), rel('good.json'), `cannot read the base side "${rel('bad-entry.json')}": routes[0].entries[0].url must be a string`);
  });

  it('an unknown git ref', async () => {
    await expectUnreadable('git:refs/heads/no-such-branch-anywhere', rel('good.json'), 'cannot read the base side "git:refs/heads/no-such-branch-anywhere": unknown git ref "refs/heads/no-such-branch-anywhere"');
  });

  it('a Next.js build with a corrupt manifest', async () => {
    const spec = rel('broken-build/.next');
    const result = await runDiff({ base: spec, head: rel('good.json'), cwd: repoRoot, env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^zfb-next diff: cannot read the base side "${spec.replace(/\./g, '\\.')}": prerender-manifest\\.json is not valid JSON`));
  });

  it('a directory that is no project', async () => {
    const result = await runDiff({ base: rel('empty-dir'), head: rel('good.json'), cwd: repoRoot, env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.startsWith(`zfb-next diff: cannot read the base side "${rel('empty-dir')}": `)).toBe(true);
  });

  it('a missing --allow file', async () => {
    const allow = path.join(work, 'allow-missing-dir', 'allow.txt');
    const result = await runDiff({ base: rel('good.json'), head: rel('good.json'), allow, cwd: repoRoot, env: {} });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`zfb-next diff: cannot read the --allow file "${allow}": no such file\n`);
  });
});

describe('the installed command', () => {
  it('node bin/zfb-next.js diff: report file written, exit code 1 for a removed URL', async () => {
    const output = path.join(work, 'cli/report.json');
    mkdirSync(path.dirname(output), { recursive: true });
    const child = await run(
      process.execPath,
      ['bin/zfb-next.js', 'diff', rel('good.json'), rel('fewer.json'), '--format', 'json', '--output', output],
      { cwd: repoRoot, env: { ...process.env, GITHUB_STEP_SUMMARY: '' } },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(child.stderr).toBe('zfb-next diff: 0 added, 1 removed, 1 unchanged, 0 changed routes: 1 failing --fail-on removed\n');
    expect(child.code).toBe(1);
    expect((JSON.parse(readFileSync(output, 'utf8')) as DiffReport).removed.map((r) => r.url)).toEqual(['/p/2']);
  });
});

describe('--output and GITHUB_STEP_SUMMARY', () => {
  it('refuses to overwrite an input, or any file that is not a report this command wrote, unless --force', async () => {
    const head = path.join(work, 'out/head.json');
    mkdirSync(path.dirname(head), { recursive: true });
    writeFileSync(head, good);
    const result = await runDiff({ base: rel('good.json'), head: rel('out/head.json'), output: rel('out/head.json'), cwd: repoRoot, env: {} });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `zfb-next diff: refusing to write the report to "${rel('out/head.json')}": it exists and is not a report zfb-next diff wrote (pass --force to replace it)\n`,
    });
    expect(readFileSync(head, 'utf8')).toBe(good);

    const notes = path.join(work, 'out/notes.md');
    writeFileSync(notes, '# my notes\n');
    const cli = await runCli(['diff', rel('good.json'), rel('fewer.json'), '--output', rel('out/notes.md')]);
    expect(cli.code).toBe(2);
    expect(readFileSync(notes, 'utf8')).toBe('# my notes\n');
    const forced = await runCli(['diff', rel('good.json'), rel('fewer.json'), '--output', rel('out/notes.md'), '--force']);
    expect(forced.code).toBe(1);
    expect(readFileSync(notes, 'utf8').startsWith('<!-- zfb-next-diff -->\n')).toBe(true);
  });

  it('replaces an earlier report of any format in place, keeping its mode', async () => {
    for (const format of ['md', 'json', 'junit', 'html'] as const) {
      const file = path.join(work, `out/earlier.${format}`);
      const first = await runDiff({ base: rel('good.json'), head: rel('good.json'), format, output: file, cwd: repoRoot, env: {} });
      expect(first.exitCode).toBe(0);
      chmodSync(file, 0o640);
      const second = await runDiff({ base: rel('good.json'), head: rel('fewer.json'), format, output: file, cwd: repoRoot, env: {} });
      expect({ format, code: second.exitCode, stdout: second.stdout }).toEqual({ format, code: 1, stdout: '' });
      expect(statSync(file).mode & 0o777).toBe(0o640);
      expect(readFileSync(file, 'utf8')).toContain('/p/2');
    }
    expect(readdirSync(path.join(work, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an --output that cannot be written: the reason on stderr, the report on stdout, the exit code of the policy', async () => {
    mkdirSync(path.join(work, 'out/a-dir'), { recursive: true });
    writeFileSync(path.join(work, 'out/a-file'), 'x');
    for (const [output, reason] of [
      ['out/a-dir', 'it is a directory'],
      ['out/a-file/report.md', 'a part of its path is a file, not a folder'],
    ] as const) {
      const result = await runDiff({ base: rel('good.json'), head: rel('fewer.json'), output: rel(output), cwd: repoRoot, env: {} });
      expect(result.exitCode).toBe(1);
      expect(result.stdout.startsWith('<!-- zfb-next-diff -->\n')).toBe(true);
      expect(result.stderr.split('\n')[0]).toBe(`zfb-next diff: cannot write the report to "${rel(output)}": ${reason}; the report is printed to stdout instead`);
    }
    expect(readFileSync(path.join(work, 'out/a-file'), 'utf8')).toBe('x');
  });

  it('a GITHUB_STEP_SUMMARY in a missing folder or at a directory: said, not created, the report on stdout', async () => {
    const missing = path.join(work, 'no-such-folder/summary.md');
    const dir = path.join(work, 'out/summary-dir');
    mkdirSync(dir, { recursive: true });
    for (const [summary, reason] of [
      [missing, 'its folder does not exist'],
      [dir, 'it is a directory'],
    ] as const) {
      const output = rel('out/with-summary.md');
      const result = await runDiff({ base: rel('good.json'), head: rel('good.json'), output, cwd: repoRoot, env: { GITHUB_STEP_SUMMARY: summary } });
      expect(result.exitCode).toBe(0);
      expect(result.stderr.split('\n')[0]).toBe(`zfb-next diff: cannot append the report to GITHUB_STEP_SUMMARY "${summary}": ${reason}; the report is printed to stdout instead`);
      expect(result.stdout).toBe(readFileSync(path.join(repoRoot, output), 'utf8'));
    }
    expect(existsSync(path.dirname(missing))).toBe(false);
  });
});

describe('inputs that must not be trusted', () => {
  it('routes JSON diagnostics that are null or of the wrong types', async () => {
    const withDiagnostics = (diagnostics: unknown): string => JSON.stringify({ ...JSON.parse(good), diagnostics });
    writeFiles(work, {
      'diag-null.json': withDiagnostics([null]),
      'diag-severity.json': withDiagnostics([{ severity: 'fatal', code: 'X', message: 'm' }]),
      'diag-message.json': withDiagnostics([{ severity: 'error', code: 'X', message: 5 }]),
      'diag-line.json': withDiagnostics([{ severity: 'error', code: 'X', message: 'm', line: '3' }]),
      'diag-object.json': withDiagnostics({}),
      'bad-origin.json': JSON.stringify({ ...JSON.parse(good), routes: [{ ...JSON.parse(good).routes[0], origin: 'remix' }] }),
    });
    await expectUnreadable(rel('diag-null.json'), rel('good.json'), `cannot read the base side "${rel('diag-null.json')}": diagnostics[0] must be an object, got null`);
    await expectUnreadable(rel('diag-severity.json'), rel('good.json'), `cannot read the base side "${rel('diag-severity.json')}": diagnostics[0].severity must be one of "error", "warning", "info", got "fatal"`);
    await expectUnreadable(rel('diag-message.json'), rel('good.json'), `cannot read the base side "${rel('diag-message.json')}": diagnostics[0].message must be a string`);
    await expectUnreadable(rel('diag-line.json'), rel('good.json'), `cannot read the base side "${rel('diag-line.json')}": diagnostics[0].line must be a positive integer when present`);
    await expectUnreadable(rel('diag-object.json'), rel('good.json'), `cannot read the base side "${rel('diag-object.json')}": routes JSON "diagnostics" must be an array`);
    await expectUnreadable(rel('bad-origin.json'), rel('good.json'), `cannot read the base side "${rel('bad-origin.json')}": routes[0].origin must be one of "next-pages", "next-app", "zfb", got "remix"`);
  });

  it('--allow globs that are not valid, or negated, are refused with their line', async () => {
    writeFiles(work, { 'allow-bracket.txt': '# archive\n/posts/[\n', 'allow-negated.txt': '!(/keep/**)\n' });
    const bracket = await runDiff({ base: rel('good.json'), head: rel('fewer.json'), allow: rel('allow-bracket.txt'), cwd: repoRoot, env: {} });
    expect(bracket.exitCode).toBe(2);
    expect(bracket.stderr).toMatch(new RegExp(`^zfb-next diff: cannot read the --allow file "${rel('allow-bracket.txt').replace(/\./g, '\\.')}": line 2: "/posts/\\[" is not a valid glob: Missing closing: "\\]"`));
    const negated = await runDiff({ base: rel('good.json'), head: rel('fewer.json'), allow: rel('allow-negated.txt'), cwd: repoRoot, env: {} });
    expect(negated).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `zfb-next diff: cannot read the --allow file "${rel('allow-negated.txt')}": line 1: "!(/keep/**)" is not a valid glob: a negated glob allows every removal it does not name; list the URLs to allow instead\n`,
    });
  });

  it('a zfb routes.json whose output leads outside dist/ is never read or quoted', async () => {
    const dist = (name: string, secret: string) => {
      writeFiles(work, {
        [`${name}/SECRET.env`]: `TOKEN=${secret}\n`,
        [`${name}/dist/index.html`]: '<html><body><p>home</p></body></html>',
        [`${name}/dist/__zfb/routes.json`]: JSON.stringify({
          routes: [
            { url: '/', output: 'index.html', source: 'pages/index.tsx' },
            { url: '/leak', output: '../SECRET.env', source: 'pages/leak.tsx' },
            { url: '/abs', output: path.join(work, name, 'SECRET.env'), source: 'pages/abs.tsx' },
            { url: '/link', output: 'link.html', source: 'pages/link.tsx' },
          ],
        }),
      });
      symlinkSync(path.join(work, name, 'SECRET.env'), path.join(work, name, 'dist/link.html'));
    };
    dist('zfb-base', 'base-secret-1234');
    dist('zfb-head', 'head-secret-5678');
    for (const format of ['json', 'md', 'html', 'junit'] as const) {
      const result = await runDiff({ base: rel('zfb-base/dist'), head: rel('zfb-head/dist'), format, cwd: repoRoot, env: {} });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).not.toMatch(/secret-|TOKEN/);
      expect(result.report!.counts.textCompared).toBe(1);
    }
  });

  it('Markdown: lone CR, NUL and ESC are escaped; @mentions and bare links stay code', async () => {
    const nasty = ['/p/a\rb', '/p/nul\u0000x', '/p/\u001b[32mgreen', '/p/@octocat', '/p/https://evil.example/x', '/p/pipe|cell', '/p/`tick`'];
    writeFiles(work, { 'nasty.json': routesJson([{ pattern: '/p/[id]', file: 'pages/p/[id].tsx', urls: nasty }]), 'empty.json': routesJson([]) });
    const result = await runDiff({ base: rel('nasty.json'), head: rel('empty.json'), cwd: repoRoot, env: {} });
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    const rows = result.stdout.split('\n').filter((line) => line.endsWith('| `pages/p/[id].tsx` |  |'));
    expect(rows).toEqual([
      '| `/p/\\u001b[32mgreen` | `/p/[id]` | `pages/p/[id].tsx` |  |',
      '| `/p/@octocat` | `/p/[id]` | `pages/p/[id].tsx` |  |',
      '| `` /p/`tick` `` | `/p/[id]` | `pages/p/[id].tsx` |  |',
      '| `/p/a\\rb` | `/p/[id]` | `pages/p/[id].tsx` |  |',
      '| `/p/https://evil.example/x` | `/p/[id]` | `pages/p/[id].tsx` |  |',
      '| `/p/nul\\u0000x` | `/p/[id]` | `pages/p/[id].tsx` |  |',
      '| `/p/pipe\\|cell` | `/p/[id]` | `pages/p/[id].tsx` |  |',
    ]);
    // No @ or link outside a code span: every project string is inside backticks.
    expect(result.stdout.replace(/`[^`]*`/g, '')).not.toMatch(/@octocat|https:\/\/evil/);
  });

  it('Markdown stays within GitHub’s 65,536 characters however long the URLs', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `/p/${String(i).padStart(4, '0')}-${'x'.repeat(800)}`);
    writeFiles(work, { 'long.json': routesJson([{ pattern: '/p/[id]', file: 'pages/p/[id].tsx', urls: long }]), 'long-empty.json': routesJson([]) });
    const result = await runDiff({ base: rel('long.json'), head: rel('long-empty.json'), cwd: repoRoot, env: {} });
    expect(result.stdout.length).toBeLessThanOrEqual(65_536);
    expect(result.stdout).toContain("(this comment is shortened to GitHub's limit of 65,536 characters): see the JSON report (--format json).");
    expect(result.stdout).toContain('| URLs removed | 400 |');
  });
});
