import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiff } from '../../src/report/run-diff.js';
import { findChromium } from '../helpers/chromium.js';
import { freshWorkDir, repoRoot, routesJson } from './helpers.js';

const XSS = '<script>alert(1)</script>';
const posts = Array.from({ length: 300 }, (_, i) => `/blog/post-${i}`);

let work: string;
let userDataDir: string;
let context: BrowserContext;

beforeAll(async () => {
  work = freshWorkDir('html');
  // A route whose file name carries markup, added on the head side so its branch of the tree opens, and a
  // removal among 300 URLs so that filtering has something to hide.
  writeFileSync(
    path.join(work, 'base.json'),
    routesJson([
      { pattern: '/', file: 'pages/index.tsx', urls: ['/'] },
      { pattern: '/blog/[slug]', file: 'pages/blog/[slug].tsx', urls: posts },
    ]),
  );
  writeFileSync(
    path.join(work, 'head.json'),
    routesJson([
      { pattern: '/', file: 'pages/index.tsx', urls: ['/'] },
      { pattern: '/blog/[slug]', file: 'pages/blog/[slug].tsx', urls: posts.filter((p) => p !== '/blog/post-7') },
      { pattern: '/evil/[name]', file: `pages/evil/${XSS}.tsx`, urls: [`/evil/${XSS.replace('</', '<%2F')}`] },
    ]),
  );
  const result = await runDiff({
    base: path.relative(repoRoot, path.join(work, 'base.json')),
    head: path.relative(repoRoot, path.join(work, 'head.json')),
    format: 'html',
    output: path.join(work, 'report.html'),
    cwd: repoRoot,
    env: {},
  });
  expect(result.exitCode).toBe(1);
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'zfb-next-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('the html report in headless Chromium', () => {
  it('shows the counts and the tree, filters rows, runs no project string as code, logs no error', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(path.join(work, 'report.html')).href);
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: path.join(work, 'report.png'), fullPage: false });

    await expect.poll(() => page.locator('td[data-count="removed"]').textContent()).toBe('1');
    expect(await page.locator('td[data-count="removed"]').isVisible()).toBe(true);
    expect(await page.locator('td[data-count="added"]').textContent()).toBe('1');
    expect(await page.locator('td[data-count="unchanged"]').textContent()).toBe('300');
    expect(await page.locator('#tree-status').textContent()).toBe('302 URLs');

    // The removed URL's branch is open by default, marked as removed.
    const removed = page.locator('.row[data-url="/blog/post-7"]');
    expect(await removed.getAttribute('data-status')).toBe('removed');
    expect(await removed.isVisible()).toBe(true);
    expect(await page.locator('.row[data-url]').count()).toBe(302);

    // The markup in the file name is text on the page, in the tree and in no element of its own.
    const evil = page.locator('.row[data-status="added"] .detail');
    expect(await evil.textContent()).toBe(`/evil/[name]  pages/evil/${XSS}.tsx`);
    expect(await page.locator('script').count()).toBe(2);

    await page.locator('#filter').fill('post-1');
    await expect.poll(() => page.locator('#tree-status').textContent()).toBe('111 of 302 URLs match');
    expect(await page.locator('.row.context[data-url="/"]').count()).toBe(1);
    const urls = await page.locator('.row[data-url]:not(.context)').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-url') ?? ''));
    expect(urls).toHaveLength(111);
    expect(urls.every((url) => url.startsWith('/blog/post-1'))).toBe(true);
    expect(await page.locator('.row[data-url="/blog/post-7"]').count()).toBe(0);

    await page.locator('#filter').fill('alert');
    await expect.poll(() => page.locator('.row[data-url]:not(.context)').count()).toBe(1);
    await page.locator('#filter').fill('');
    await page.locator('#changed-only').check();
    await expect.poll(() => page.locator('.row[data-url]:not(.context)').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual([
      'removed',
      'added',
    ]);

    await page.locator('#changed-only').uncheck();
    await page.locator('button[aria-label="collapse /blog"]').click();
    expect(await page.locator('.row[data-url^="/blog/"]').count()).toBe(0);

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
