import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { visibleText } from '../../src/report/visible-text.js';

/** Reading two builds of one project page by page: what a reader sees, the title, the document language. */

export interface PageFacts {
  text: string;
  title: string | undefined;
  lang: string | undefined;
}

export function pageFacts(file: string): PageFacts {
  const html = readFileSync(file, 'utf8');
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  return {
    text: visibleText(html),
    title: title === undefined ? undefined : visibleText(title),
    lang: /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1],
  };
}

/** Every file below `dir`, relative, forward slashes. */
export function filesBelow(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  walk('');
  return found.sort();
}

const ENGINE_PAGES = /^(\/[a-z]{2}(-[A-Z]{2})?)?\/(404|500|_not-found|_error|_global-error)$/;

/**
 * The prerendered pages of a `next build` (server output, not an export): URL → HTML file. Fallback shells
 * (`[slug].html`) and Next's own error pages are left out; with i18n the locale folders are kept in the URL.
 */
export function nextServerPages(project: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const folder of ['pages', 'app']) {
    const dir = path.join(project, '.next', 'server', folder);
    let files: string[];
    try {
      files = filesBelow(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      if (!file.endsWith('.html') || file.includes('[')) continue;
      const url = file === 'index.html' ? '/' : `/${file.slice(0, -'.html'.length).replace(/\/index$/, '')}`;
      if (ENGINE_PAGES.test(url)) continue;
      pages.set(url, path.join(dir, file));
    }
  }
  return pages;
}
