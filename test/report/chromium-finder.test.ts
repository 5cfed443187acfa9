import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_HELP, findChromium } from '../helpers/chromium.js';

/** The HTML report test finds Chromium where people install it, or fails saying how to install it. */
describe('findChromium', () => {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'zfb-next-chromium-bin-'));
  const fake = (name: string): string => {
    const file = path.join(bin, name);
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
    return file;
  };
  const nowhere = path.join(bin, 'no-download');

  it('takes CHROMIUM_PATH first, and says so when it points to nothing', () => {
    const browser = fake('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: browser, PATH: '' }, nowhere)).toBe(browser);
    expect(() => findChromium({ CHROMIUM_PATH: path.join(bin, 'missing'), PATH: '' }, nowhere)).toThrow(`CHROMIUM_PATH is ${path.join(bin, 'missing')}, which is not an executable file.`);
  });

  it('then playwright’s own download, then chromium, chromium-browser, google-chrome on PATH', () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'zfb-next-chromium-other-'));
    mkdirSync(other, { recursive: true });
    const chrome = fake('google-chrome');
    expect(findChromium({ PATH: `${other}${path.delimiter}${bin}` }, nowhere)).toBe(chrome);
    const browser = fake('chromium-browser');
    expect(findChromium({ PATH: bin }, nowhere)).toBe(browser);
    const downloaded = fake('playwright-chrome');
    expect(findChromium({ PATH: bin }, downloaded)).toBe(downloaded);
  });

  it('fails with how to install one when there is none, never skipping the test', () => {
    expect(() => findChromium({ PATH: '' }, nowhere)).toThrow(CHROMIUM_HELP);
    expect(CHROMIUM_HELP).toContain('npx playwright-core install chromium');
  });
});
