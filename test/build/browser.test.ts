import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, REPO_ROOT } from '../helpers/engines.js';
import { serveStatic } from './static-server.js';

/**
 * Sites built by `zfb-next build`, in headless Chromium: pages hydrate (a click changes React state), a
 * next/link navigation works, and the console stays free of errors and hydration warnings.
 */

let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'zfb-next-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await context?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

/** A page that records every console error and warning and every uncaught exception. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
  return { page, problems };
}

describe.each([
  { fixture: 'build-pages', start: '/', counter: /Clicked 1 times/, link: 'About', landed: '/about/', heading: 'About this site' },
  { fixture: 'build-app', start: '/blog/first', counter: /Likes: 1/, link: 'About', landed: '/about', heading: 'About the app fixture' },
])('$fixture in Chromium', ({ fixture, start, counter, link, landed, heading }) => {
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    const dir = copyFixture(fixture, 'build-browser');
    const build = await runCli(['build', dir]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    server = await serveStatic(path.join(dir, 'dist'));
  });

  afterAll(async () => {
    await server?.close();
  });

  test('the counter increments after hydration, with no console error or hydration warning', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(server.url + start, { waitUntil: 'networkidle' });
    await page.click('#counter');
    await expect.poll(() => page.textContent('#counter')).toMatch(counter);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a next/dynamic component with ssr: false is loaded in the browser after hydration', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(server.url + start, { waitUntil: 'networkidle' });
    await expect.poll(() => page.textContent('#later')).toBe('Loaded in the browser');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a next/link navigation reaches the other page', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(server.url + start, { waitUntil: 'networkidle' });
    await page.click(`a:text-is("${link}")`);
    await page.waitForURL(server.url + landed);
    expect(await page.textContent('h1')).toBe(heading);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('build-mixed in Chromium', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    const dir = copyFixture('build-mixed', 'build-browser');
    const build = await runCli(['build', dir]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    server = await serveStatic(path.join(dir, 'dist'));
  });

  afterAll(async () => {
    await server?.close();
  });

  test('the Tailwind class gives its computed style, and the localized page hydrates cleanly', async () => {
    // Tailwind's own value for the class, from the installed package.
    const theme = readFileSync(path.join(REPO_ROOT, 'node_modules/tailwindcss/theme.css'), 'utf8');
    const emerald = /--color-emerald-700:\s*([^;]+);/.exec(theme)![1]!.trim();
    const { page, problems } = await watchedPage();
    await page.goto(`${server.url}/fr`, { waitUntil: 'networkidle' });
    const style = await page.$eval('#tw', (element) => {
      const computed = getComputedStyle(element);
      return { color: computed.color, weight: computed.fontWeight };
    });
    // The browser's own computed form of Tailwind's value.
    const expected = await page.evaluate((value) => {
      const probe = document.createElement('span');
      probe.style.color = value;
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    }, emerald);
    expect(style).toEqual({ color: expected, weight: '700' });
    expect(await page.textContent('#tw')).toBe('Bonjour (fr)');
    await page.click('a:text-is("About")');
    await page.waitForURL(`${server.url}/fr/about`);
    expect(await page.textContent('h1')).toBe('À propos');
    expect(problems).toEqual([]);
    await page.close();
  });
});
