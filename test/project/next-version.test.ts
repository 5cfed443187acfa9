import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installedNextVersion, nextRulesFor } from '../../src/project/next-version.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { parseRoutesJson, toRoutesJson } from '../../src/routes/routes-json.js';

/** Which release's rules apply; the rules themselves are checked against real builds by `npm run test:versions`. */

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function project(nextVersion: string | undefined): string {
  const root = mkdtempSync(path.join(tmpdir(), 'next-version-'));
  made.push(root);
  const files: Record<string, string> = {
    'package.json': '{"private":true}',
    'next.config.js': 'module.exports = {};',
    'pages/p/[id].jsx':
      "export async function getStaticPaths({ locales }) {\n  return { paths: [{ params: { id: locales === undefined ? 'none' : 'copy' } }], fallback: false };\n}\n" +
      'export async function getStaticProps() {\n  return { props: {} };\n}\nexport default function P() {\n  return null;\n}\n',
  };
  if (nextVersion) files['node_modules/next/package.json'] = JSON.stringify({ name: 'next', version: nextVersion });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('nextRulesFor', () => {
  it.each([
    ['13.5.1', '13.5.11'],
    ['14.2.3', '14.2.35'],
    ['15.5.7', '15.5.29'],
    ['16.4.0', '16.4.6'],
    ['16.5.0', '16.5.0'],
    ['16.5.1-canary.2', '16.5.0'],
  ])('a release of a known line, %s, gets its line\'s rules (%s) and no note', (version, rules) => {
    expect(nextRulesFor(version)).toEqual({ rules: expect.objectContaining({ rules, installed: version }) });
  });

  it.each([
    ['15.2.3', '15.5.29'],
    ['15.0.0', '15.5.29'],
    ['16.0.0', '16.4.6'],
    ['16.2.1', '16.4.6'],
    ['16.9.0', '16.5.0'],
    ['14.0.4', '14.2.35'],
    ['12.3.4', '13.5.11'],
    ['17.1.0', '16.5.0'],
  ])('an unknown release, %s, gets the closest line (%s) and a note', (version, rules) => {
    const resolved = nextRulesFor(version);
    expect(resolved.rules.rules).toBe(rules);
    expect(resolved.unknown).toBe('its minor release line was not checked');
  });

  it('no next installed: the pinned release', () => {
    expect(nextRulesFor(null)).toEqual({ rules: expect.objectContaining({ rules: '16.4.6', installed: null }) });
  });

  it('an unreadable version: the pinned release and a note', () => {
    expect(nextRulesFor('latest')).toMatchObject({ rules: { rules: '16.4.6', installed: 'latest' }, unknown: 'its version "latest" cannot be read as major.minor.patch' });
  });
});

describe('the model of a project', () => {
  it('reads next from the project root as Node resolves it', () => {
    expect(installedNextVersion(project('14.2.3'))).toBe('14.2.3');
    expect(installedNextVersion(project(undefined))).toBeNull();
  });

  it('follows an installed 14.2 and says so in routes JSON', async () => {
    const model = await buildRouteModel(project('14.2.3'));
    expect(model.next).toEqual({ installed: '14.2.3', rules: '14.2.35' });
    expect(model.routes[0]!.entries.map((e) => e.url)).toEqual(['/p/none']);
    expect(model.diagnostics).toEqual([]);
    const json = toRoutesJson(model);
    expect(Object.keys(JSON.parse(json) as object)).toEqual(['version', 'root', 'next', 'routes', 'diagnostics']);
    expect(parseRoutesJson(JSON.parse(json)).next).toEqual({ installed: '14.2.3', rules: '14.2.35' });
  });

  it('an unknown release: the closest known rules and one info diagnostic', async () => {
    const model = await buildRouteModel(project('15.2.3'));
    expect(model.next).toEqual({ installed: '15.2.3', rules: '15.5.29' });
    expect(model.routes[0]!.entries.map((e) => e.url)).toEqual(['/p/copy']);
    expect(model.diagnostics).toEqual([
      {
        severity: 'info',
        code: 'NEXT_VERSION_UNKNOWN',
        message:
          'next@15.2.3 is installed and its minor release line was not checked: the model follows next@15.5.29, the closest release it knows (known: 13.5, 14.2, 15.5, 16.4, 16.5).',
      },
    ]);
  });

  it('without next installed: the pinned release\'s rules, installed null', async () => {
    const model = await buildRouteModel(project(undefined));
    expect(model.next).toEqual({ installed: null, rules: '16.4.6' });
  });
});
