import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { buildRouteModel } from '../../src/routes/build-model.js';
import { FIXTURES } from '../helpers/engines.js';
import { groundTruth, PINNED, versionInstall, type GroundTruth, type NextInstall } from '../helpers/ground-truth.js';
import { modelDynamicRoutes, modelUrls, readNextBuild } from '../helpers/next-manifests.js';
import { readJson } from '../helpers/engines.js';

/**
 * Every difference found between the Next.js releases the model knows (project/next-version.ts), each
 * shown by one fixture built with the releases on both sides of it: the model of each build follows the
 * release installed beside it, and agrees with that build exactly (URLs and fallback modes when it
 * builds, the build's own error text when it fails).
 */

const INSTALLS: Record<string, NextInstall> = {
  '13.5': versionInstall('13.5'),
  '14.2': versionInstall('14.2'),
  '15.5': versionInstall('15.5'),
  '16.4': PINNED,
  '16.5': versionInstall('16.5'),
};
const RULES: Record<string, string> = { '13.5': '13.5.11', '14.2': '14.2.35', '15.5': '15.5.29', '16.4': '16.4.6', '16.5': '16.5.0' };

interface Built {
  truth: GroundTruth;
  model: RouteModel;
}

const builds = new Map<string, Promise<Built>>();

/** The fixture built by one release, and the model of that build (which resolves the same `next`). */
function built(fixture: string, line: string): Promise<Built> {
  const key = `${fixture}@${line}`;
  if (!builds.has(key)) {
    builds.set(
      key,
      (async () => {
        const truth = await groundTruth(path.join(FIXTURES, fixture), INSTALLS[line]!);
        return { truth, model: await buildRouteModel(truth.dir) };
      })(),
    );
  }
  return builds.get(key)!;
}

/** The model follows the installed release and agrees with its build, whether it built or failed. */
function expectFollowsBuild({ truth, model }: Built, line: string): void {
  expect(model.next).toEqual({ installed: truth.nextVersion, rules: RULES[line] });
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  if (truth.build.code === 0) {
    expect(errors).toEqual([]);
    const build = readNextBuild(truth.dir);
    expect(modelUrls(model)).toEqual(build.urls);
    expect(modelDynamicRoutes(model)).toEqual(build.dynamic);
  } else {
    const output = truth.build.stdout + truth.build.stderr;
    expect(errors).toHaveLength(1);
    // The model's text is the build's, word for word (a pages conflict names its files after it).
    expect(output).toContain(errors[0]!.message.replace(/ \(pages router files: [^)]*\)$/, ''));
  }
}

function errorOf({ model }: Built): string {
  return model.diagnostics.find((d) => d.severity === 'error')!.message;
}

function urlsOf({ model }: Built, pattern: string): string[] {
  return model.routes.find((r) => r.pattern === pattern)!.entries.map((e) => e.url);
}

describe('the generateStaticParams cascade, getStaticPaths locales, route handlers and route order (fixtures/versions/cascade)', () => {
  const LINES = ['13.5', '14.2', '15.5', '16.4', '16.5'];

  test.each(LINES)('next@%s: the model follows the build', async (line) => {
    expectFollowsBuild(await built('versions/cascade', line), line);
  });

  test.each(['13.5', '14.2'])('next@%s: the build/utils.js rules', async (line) => {
    const b = await built('versions/cascade', line);
    expect(urlsOf(b, '/passthru/[a]/[b]')).toEqual(['/passthru/x/1']); // a child's [] drops its parent
    expect(urlsOf(b, '/parentempty/[a]/[b]')).toEqual([]); // no parent: the child is never called
    expect(urlsOf(b, '/incomplete/[a]/[b]')).toEqual(['/incomplete/1/2']); // only the incomplete object goes
    expect(urlsOf(b, '/par/[id]')).toEqual(['/par/p1']); // the slot's generateStaticParams is not called
    expect(urlsOf(b, '/loc/[x]')).toEqual(['/loc/undefined']); // getStaticPaths gets no locales array
    expect(urlsOf(b, '/rh-static')).toEqual(['/rh-static']); // a GET route handler is static
    expect(b.model.routes.find((r) => r.pattern === '/fsclosed/[id]')!.unmatched).toBe('blocking');
  });

  test.each(['15.5', '16.4', '16.5'])('next@%s: the build/static-paths rules', async (line) => {
    const b = await built('versions/cascade', line);
    expect(urlsOf(b, '/passthru/[a]/[b]')).toEqual([]);
    expect(urlsOf(b, '/parentempty/[a]/[b]')).toEqual(['/parentempty/z/y']);
    expect(urlsOf(b, '/incomplete/[a]/[b]')).toEqual([]);
    expect(urlsOf(b, '/par/[id]')).toEqual(['/par/p1-s']);
    expect(urlsOf(b, '/loc/[x]')).toEqual(['/loc/array-0']);
    expect(b.model.routes.some((r) => r.pattern === '/rh-static' && r.entries.length > 0)).toBe(false);
    expect(b.model.routes.find((r) => r.pattern === '/fsclosed/[id]')!.unmatched).toBe('not-found');
  });

  test.each(LINES)('next@%s: routes come in the order of its routes manifest', async (line) => {
    const b = await built('versions/cascade', line);
    const manifest = readJson<{ dynamicRoutes: Array<{ page: string }> }>(path.join(b.truth.dir, '.next/routes-manifest.json'));
    const dynamic = b.model.routes.filter((r) => r.pattern.includes('[')).map((r) => r.pattern);
    expect(dynamic).toEqual(manifest.dynamicRoutes.map((r) => r.page).filter((p) => dynamic.includes(p)));
    // JS string order (trie) before 15.5, localeCompare after.
    expect(dynamic.indexOf('/Zeta/[id]') < dynamic.indexOf('/alpha/[id]')).toBe(line === '13.5' || line === '14.2');
  });
});

describe.each([
  {
    title: 'an empty-string param builds a path the export rejects (≤14.2) or is dropped (15.5+)',
    fixture: 'versions/empty-string-param',
    lines: { '14.2': "The provided export path '/e' doesn't match the '/e/[id]' page.\nRead more: https://nextjs.org/docs/messages/export-path-mismatch", '16.4': null },
  },
  {
    title: 'app routes meet getSortedRoutes (≤14.2), nothing (15.5), validateAppPaths (16.2+)',
    fixture: 'versions/ambiguous-app-routes',
    lines: {
      '14.2': "You cannot use different slug names for the same dynamic path ('id' !== 'slug').",
      '15.5': null,
      '16.4': 'Ambiguous app routes detected:\n\nAmbiguous route pattern "/blog/[*]" matches multiple routes:\n  - /blog/[id]\n  - /blog/[slug]\n\nThese routes cannot be distinguished from each other when matching URLs. Please ensure that dynamic segments have unique patterns or use different static segments.',
    },
  },
  {
    title: 'a non-array generateStaticParams result: a TypeError (≤16.2), Next\'s own message (16.3+)',
    fixture: 'versions/non-array-params',
    lines: {
      '14.2': 'TypeError: result is not iterable',
      '15.5': 'TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function',
      '16.4': 'Invalid value returned from generateStaticParams for "/blog/[slug]". Expected an array, but received type object. See more info here: https://nextjs.org/docs/messages/generate-static-params',
    },
  },
  {
    title: 'output: export without generateStaticParams: the message gains its link in 16.3',
    fixture: 'versions/export-missing-params',
    lines: {
      '14.2': 'Page "/p/[id]" is missing "generateStaticParams()" so it cannot be used with "output: export" config.',
      '16.4': 'Page "/p/[id]" is missing "generateStaticParams()" so it cannot be used with "output: export" config. See more info here: https://nextjs.org/docs/messages/generate-static-params',
    },
  },
  {
    title: 'output: export with an empty generateStaticParams: "missing" (≤16.2), "returned an empty array" (16.3+)',
    fixture: 'versions/export-empty-params',
    lines: {
      '15.5': 'Page "/p/[id]" is missing "generateStaticParams()" so it cannot be used with "output: export" config.',
      '16.4': 'Page "/p/[id]" returned an empty array from "generateStaticParams()". With "output: export", at least one route must be generated. See more info here: https://nextjs.org/docs/messages/generate-static-params',
    },
  },
  {
    title: "a three-dot character in a segment name: accepted (≤14.2), rejected (15.0+)",
    fixture: 'versions/three-dot-segment',
    lines: { '14.2': null, '16.4': "Detected a three-dot character ('…') at ('…id'). Did you mean ('...')?" },
  },
])('$title', ({ fixture, lines }) => {
  test.each(Object.entries(lines))(`${fixture} built by next@%s`, async (line, error) => {
    const b = await built(fixture, line);
    expectFollowsBuild(b, line);
    if (error === null) expect(b.truth.build.code).toBe(0);
    else expect([b.truth.build.code === 0, errorOf(b).replace(/ \(pages router files: [^)]*\)$/, '')]).toEqual([false, error]);
  });
});

describe('cacheComponents exists from 16.0: fixtures/conformance-app-cache-components', () => {
  test('next@15.5 ignores it: generated params render on request, no fallback shells', async () => {
    const b = await built('conformance-app-cache-components', '15.5');
    expectFollowsBuild(b, '15.5');
    expect(new Set(b.model.routes.filter((r) => r.pattern.includes('[')).map((r) => r.unmatched))).toEqual(new Set(['blocking']));
  });

  test('next@16.4 prerenders fallback shells', async () => {
    const b = await built('conformance-app-cache-components', '16.4');
    expectFollowsBuild(b, '16.4');
    expect(b.model.routes.find((r) => r.pattern === '/shell/[id]')!.unmatched).toBe('fallback');
  });
});
