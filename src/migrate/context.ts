import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NextI18n } from '../project/types.js';
import type { OutputTree } from './output.js';
import type { NotMigrated, RouteReport } from './types.js';

/** One entry of next-data/manifest.json: what the next-data plugin runs for one virtual module. */
export interface DataEntry {
  /** `virtual:next-data/<id>`. */
  id: string;
  /** Output-relative data module. */
  module: string;
  /** Output-relative zfb page that imports it. */
  page: string;
  /** The Next.js route pattern, to name URLs in warnings. */
  route: string;
  /**
   * paths(): the URLs with their props; props: getStaticProps of a static page; route: a GET body;
   * metadata: what the default export of a sitemap, robots or manifest module returns.
   */
  kind: 'paths' | 'props' | 'route' | 'metadata';
  /** What getStaticProps is called with (props). */
  context?: Record<string, unknown>;
  /** The URL a route handler or metadata route answers (route, metadata). */
  url?: string;
  params?: Record<string, string | string[]>;
}

/** What the parts of one migration share: the source, the output being built, and what is reported. */
export class MigrationContext {
  readonly data: DataEntry[] = [];
  readonly routes: RouteReport[] = [];
  readonly notMigrated: NotMigrated[] = [];
  readonly unparsable: { file: string; error: string }[] = [];
  /** Source files whose place in the output is decided by a part of the migration (not copied as they are). */
  readonly handled = new Set<string>();
  /** Imports zfb's page bundle gets a stand-in for (node-stubs.ts): specifier → output-relative module. */
  readonly aliases = new Map<string, string>();

  constructor(
    /** Absolute source root. */
    readonly root: string,
    readonly tree: OutputTree,
    readonly i18n: NextI18n | undefined,
  ) {}

  /** A source file's text (source-relative path); undefined when it does not exist. */
  read(file: string): string | undefined {
    const absolute = path.join(this.root, file);
    return existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
  }

  abs(file: string): string {
    return path.join(this.root, file);
  }
}

/** `src/pages/x.tsx` → `pages/x.tsx`: zfb reads pages from the project root only. */
export function zfbPagesPath(file: string): string {
  return file.replace(/^src\/pages\//, 'pages/');
}

/** A page path with the extension zfb 0.1.0-next.89 routes (.tsx). */
export function withTsx(file: string): string {
  return file.replace(/\.(?:tsx|ts|jsx|js|mjs)$/, '.tsx');
}

/** `pages/posts/[slug].tsx` → `posts/[slug]`: the id of a page's data module. */
export function dataId(page: string): string {
  return page.replace(/^pages\//, '').replace(/\.tsx$/, '');
}
