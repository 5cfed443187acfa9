import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationReport } from '../../src/migrate/types.js';
import { REPO_ROOT } from '../helpers/engines.js';
import { diffBuilds, expectSameSite, launchChromium, migrateFixture, serveDist, serveNextBuild, snapshotTree } from './helpers.js';

// A Tailwind v4 site (fixtures/migrate-tailwind-image) in the shape create-next-app gives it: Tailwind
// through postcss.config.mjs, app/globals.css with @theme, @apply and a @layer components class, a CSS
// module made with @apply and @reference, and
// next/image three ways: static imports (relative, through the @/ alias, from a "use client" component and
// from a module that both the pages and generateStaticParams read), public/ paths, and a plain <img>. Built
// by the real next build, migrated, built by real zfb.
let source: string;
let out: string;
let report: MigrationReport;
let before: Map<string, string>;
let zfbStderr: string;
const servers: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  ({ source, out, report, before, zfbStderr } = await migrateFixture('migrate-tailwind-image'));
});

afterAll(async () => {
  for (const server of servers) await server.close();
});

/** The `<img>` tags of an HTML page, each as its attributes. */
function images(html: string): Record<string, string>[] {
  return [...html.matchAll(/<img\b([^>]*?)\/?>/g)].map((match) => Object.fromEntries([...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

type Styles = Record<string, Record<string, string>>;
interface Observed {
  styles: Styles;
  /** Each colour of `styles` ('banner background-color') as the sRGB pixel Chromium paints it. */
  pixels: Record<string, number[]>;
  /** Each font-family of `styles` as the width of one line Chromium sets in it: the font it really uses. */
  fonts: Record<string, number>;
}

/** Runs in the page: the computed styles the test compares, of elements styled by Tailwind classes. */
function STYLES_OF(): Observed {
  const pick = (selector: string, properties: string[]) => {
    const element = document.querySelector(selector);
    if (!element) return { missing: selector };
    const style = getComputedStyle(element);
    return Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
  };
  const styles: Record<string, Record<string, string>> = {
    body: pick('body', ['background-color', 'color', 'margin-top']),
    headline: pick('main h1', ['font-size', 'line-height', 'font-weight', 'font-family', 'color', 'letter-spacing']),
    button: pick('a.btn, main button', ['background-color', 'color', 'padding-left', 'border-top-left-radius', 'font-weight', 'display']),
    header: pick('header', ['display', 'justify-content', 'border-bottom-width', 'border-bottom-color', 'background-color']),
    ...(location.pathname === '/'
      ? {
          banner: pick('#banner', ['background-color', 'padding-top', 'border-top-left-radius', 'color']),
          // A CSS module's class, made with @apply (its name differs between the builds; "badge" is in both).
          badge: pick('main [class*="badge"]', ['background-color', 'color', 'padding-left', 'border-top-left-radius', 'font-size', 'font-weight']),
        }
      : { price: pick('main p.text-2xl', ['font-size', 'color']) }),
  };
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const pixels: Record<string, number[]> = {};
  const fonts: Record<string, number> = {};
  for (const [element, properties] of Object.entries(styles)) {
    for (const [property, value] of Object.entries(properties)) {
      if (property === 'font-family') {
        context.font = `16px ${value}`;
        fonts[element] = context.measureText('Built for the ridge line, 0123456789').width;
      }
      if (!property.endsWith('color')) continue;
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = value;
      context.fillRect(0, 0, 1, 1);
      pixels[`${element} ${property}`] = [...context.getImageData(0, 0, 1, 1).data];
    }
  }
  return { styles, pixels, fonts };
}

/**
 * Both builds' styles alike. next build writes its CSS through its own minifier for older browsers
 * (observed in .next/static/chunks/*.css: Tailwind's oklch() colours become lab() and hex values, and
 * `system-ui` a list of system fonts), so colours are compared as the pixel Chromium paints, within two
 * steps of rounding per channel, and font families by the font Chromium sets text in.
 */
function expectSameStyles(zfb: Observed, next: Observed): void {
  for (const [element, properties] of Object.entries({ ...zfb.styles, ...next.styles })) expect(properties, element).not.toHaveProperty('missing');
  const asWritten = (styles: Styles) =>
    Object.fromEntries(Object.entries(styles).map(([element, properties]) => [element, Object.fromEntries(Object.entries(properties).filter(([p]) => !p.endsWith('color') && p !== 'font-family'))]));
  expect(asWritten(zfb.styles)).toEqual(asWritten(next.styles));
  for (const [element, width] of Object.entries(zfb.fonts)) {
    const family = zfb.styles[element]!['font-family']!;
    if (family.startsWith('ui-sans-serif, system-ui,')) {
      // Tailwind's default sans font: next build writes `system-ui` as the list of fonts it stands for
      // (-apple-system, Segoe UI, Roboto, ..., Arial), zfb keeps it. A platform's UI font is in both lists
      // (macOS, Windows, Android); where it is not (this Linux), the browser picks another font.
      expect(next.styles[element]!['font-family']).toMatch(/^-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto,/);
    } else expect({ element, width }).toEqual({ element, width: next.fonts[element] });
  }
  expect(Object.keys(zfb.pixels)).toEqual(Object.keys(next.pixels));
  for (const [key, pixel] of Object.entries(zfb.pixels)) {
    const other = next.pixels[key]!;
    expect(pixel.every((channel, i) => Math.abs(channel - other[i]!) <= 2), `${key}: zfb ${zfb.styles[key.split(' ')[0]!]![key.split(' ')[1]!]} [${pixel}], next [${other}]`).toBe(true);
  }
}

const PAGES = [
  ['/', 'index.html', 'index.html'],
  ['/about', 'about.html', 'about/index.html'],
  ['/products/tent', 'products/tent.html', 'products/tent/index.html'],
  ['/products/boots', 'products/boots.html', 'products/boots/index.html'],
] as const;

describe('migrate: a Tailwind site with next/image', () => {
  it('leaves the source as it was', () => {
    expect(snapshotTree(source)).toEqual(before);
  });

  it('keeps every URL, and loses nothing it does not name', () => {
    expect(zfbStderr).not.toContain('⚠');
    expect(report.urls.lost).toEqual([]);
    expect(report.urls.after).toEqual(['/', '/about', '/products/boots', '/products/tent']);
    // Tailwind is the only PostCSS plugin and zfb has its own: of styles and images only the version differs.
    expect(report.notMigrated.map((n) => n.reason)).toEqual([
      "the project's Tailwind is 4.3.5, zfb's built-in one 4.2.0: utilities and theme values added since 4.2.0 are not generated for styles/global.css",
      'the script "start: next start" runs Next.js and was removed',
    ]);
  });

  it('shows the same text, title and language on every page as the Next.js build', async () => {
    const pair = await expectSameSite(source, out, report);
    expect(pair.pages.find((p) => p.url === '/products/boots')!.zfb).toMatchObject({ title: 'Scree Boots · Peak Outfitters', lang: 'en-GB' });
  });

  it("turns zfb's Tailwind on over the site's stylesheet", () => {
    expect(readFileSync(path.join(out, 'zfb.config.ts'), 'utf8')).toContain('tailwind: { enabled: true },');
    const css = readFileSync(path.join(out, 'styles/global.css'), 'utf8');
    expect(css.split('\n')[1]).toBe('@import "tailwindcss";');
    expect(css).toContain('--color-brand-500: #0e7490;');
    const html = readFileSync(path.join(out, 'dist/index.html'), 'utf8');
    const sheet = readFileSync(path.join(out, 'dist', /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!), 'utf8');
    // zfb's built-in Tailwind wrote it, with the classes of the pages, the components and lib/ found.
    expect(sheet).toMatch(/^\/\*! tailwindcss v4\.2\.0 /);
    for (const rule of ['.bg-blue-600 {', '.text-3xl {', '.text-brand-500 {', '.bg-amber-400 {', '.btn {']) expect(sheet).toContain(rule);
    // zfb runs no Tailwind over a CSS module: migrate compiled its @apply with the project's Tailwind.
    const badge = readFileSync(path.join(out, 'components/Badge.module.css'), 'utf8');
    expect(badge).not.toContain('@apply');
    expect(badge).toContain('background-color: var(--color-emerald-700, oklch(50.8% 0.118 165.612));');
  });

  it('writes every image as Next.js does, and every src is a file of the zfb site', () => {
    const media = readdirSync(path.join(source, '.next/static/media'));
    for (const [url, nextFile, zfbFile] of PAGES) {
      const next = images(readFileSync(path.join(source, '.next/server/app', nextFile), 'utf8'));
      const zfb = images(readFileSync(path.join(out, 'dist', zfbFile), 'utf8'));
      // Same images, same alt, size, class and loading; the src is the file itself (no /_next/image).
      const shown = (list: Record<string, string>[]) => list.map(({ alt, width, height, class: className, loading }) => ({ url, alt, width, height, className, loading }));
      expect(shown(zfb)).toEqual(shown(next));
      expect(zfb.length).toBeGreaterThan(0);
      for (const image of zfb) {
        const file = path.join(out, 'dist', image.src!);
        expect(existsSync(file), `${url}: ${image.src}`).toBe(true);
        // A static import's file has the bytes of the one Next.js emitted (hero.<hash>.png in both).
        const name = path.basename(image.src!).split('.')[0]!;
        const emitted = media.find((m) => m.startsWith(`${name}.`));
        if (image.src!.startsWith('/_media/')) expect(readFileSync(file)).toEqual(readFileSync(path.join(source, '.next/static/media', emitted!)));
        else expect(readFileSync(file)).toEqual(readFileSync(path.join(source, 'public', image.src!)));
      }
    }
    expect(readFileSync(path.join(out, 'lib/products.ts'), 'utf8')).toContain(`import boots from '../next-images/images/boots.jpg';`);
    expect(readFileSync(path.join(out, 'next-images/images/boots.jpg.ts'), 'utf8')).toContain('width: 40, height: 30 };');
  });

  it('gives the Tailwind classes the same computed style in Chromium as the Next.js build, and hydrates the island', async () => {
    const nextServer = await serveNextBuild(source);
    const zfbServer = await serveDist(path.join(out, 'dist'));
    servers.push(nextServer, zfbServer);
    const theme = readFileSync(path.join(REPO_ROOT, 'node_modules/tailwindcss/theme.css'), 'utf8');
    const blue600 = /--color-blue-600:\s*([^;]+);/.exec(theme)![1]!.trim();
    const browser = await launchChromium();
    try {
      const styles = async (base: string, route: string) => {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${base}${route}`, { waitUntil: 'networkidle' });
        const computed = await page.evaluate(STYLES_OF);
        return { page, computed, errors };
      };
      for (const route of ['/', '/products/tent']) {
        const next = await styles(nextServer.url, route);
        const zfb = await styles(zfbServer.url, route);
        expectSameStyles(zfb.computed, next.computed);
        expect(zfb.errors).toEqual([]);
        if (route === '/') {
          // Tailwind's own values: text-3xl is 1.875rem, bg-blue-600 the theme's colour, the site's @theme colour.
          const expected = await zfb.page.evaluate((value) => {
            const probe = document.createElement('span');
            probe.style.color = value;
            document.body.append(probe);
            return getComputedStyle(probe).color;
          }, blue600);
          expect(zfb.computed.styles.headline).toMatchObject({ 'font-size': '30px', color: 'rgb(14, 116, 144)', 'font-family': 'Georgia, "Times New Roman", serif' });
          expect(zfb.computed.styles.banner).toMatchObject({ 'background-color': expected });
          expect(zfb.computed.styles.button).toMatchObject({ 'background-color': 'rgb(14, 116, 144)', color: 'rgb(255, 255, 255)' });
          expect(zfb.computed.styles.badge).toMatchObject({ 'font-size': '12px', 'padding-left': '12px', 'font-weight': '600', color: 'rgb(255, 255, 255)' });
        } else {
          // The "use client" button, with an imported image, hydrates, and its Tailwind class follows its state.
          const button = zfb.page.locator('button');
          await expect.poll(async () => {
            await button.click();
            return button.textContent();
          }).toBe('Saved');
          const saved = await zfb.page.evaluate(STYLES_OF);
          await next.page.locator('button').click();
          await expect.poll(() => next.page.locator('button').textContent()).toBe('Saved');
          expectSameStyles(saved, await next.page.evaluate(STYLES_OF));
          expect(saved.styles.button!['background-color']).not.toBe(zfb.computed.styles.button!['background-color']);
        }
      }
    } finally {
      await browser.close();
    }
  });

  it('zfb-next diff between the two builds reports no removed URL and no changed text', async () => {
    const diff = await diffBuilds(source, out);
    expect(diff.counts).toMatchObject({ removed: 0, textChanged: 0, textCompared: 4 });
    expect(diff.exitCode).toBe(0);
  });
});
