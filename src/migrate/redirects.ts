import { statSync } from 'node:fs';
import type { NextProjectConfig } from '../project/types.js';
import type { MigrationContext } from './context.js';
import type { RedirectReport } from './types.js';

/**
 * next.config `redirects()` into `public/_redirects`, which zfb copies to `dist/_redirects` (a real zfb
 * 0.1.0-next.89 build does, with and without `base`), in the syntax Netlify and Cloudflare Pages read:
 * `from to status`, `:name` placeholders for whole segments and one final `*` splat (`:splat` in `to`).
 *
 * Each rule becomes what next@16.4.6 serves for it (lib/load-custom-routes.ts): `processRoutes` puts the
 * basePath before the source and before a destination that starts with `/`, unless the rule says
 * `basePath: false`; the status is lib/redirect-status.ts `getRedirectStatus`, `statusCode` if given, else
 * 308 for `permanent: true` and 307 otherwise. The trailing-slash redirects Next adds on its own are not
 * written: zfb writes `x/index.html`, and static hosts answer `/x` and `/x/` from it.
 */

const REDIRECTS_FILE = 'public/_redirects';

// lib/redirect-status.ts allowedStatusCodes.
const STATUS_CODES = new Set([301, 302, 303, 307, 308]);
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PLACEHOLDER = new RegExp(`^:(${NAME})$`);
const SPLAT = new RegExp(`^:(${NAME})([*+])$`);
// A segment that path-to-regexp reads as plain text: no parameter, group, modifier or escape.
const LITERAL = /^[^:*+?(){}\\\s]*$/;

interface Rule {
  source: string;
  destination: string;
  status: number;
  basePath?: unknown;
  locale?: unknown;
  has?: unknown;
  missing?: unknown;
}

/**
 * Writes the rules into public/_redirects after the lines of the project's own file (kept byte for byte,
 * with its mode) and returns one entry per rule; a rule the format cannot carry is also listed as not
 * migrated, named with its source.
 */
export function writeRedirects(ctx: MigrationContext, next: NextProjectConfig, rules: readonly unknown[]): RedirectReport[] {
  const reports = rules.map((rule) => convert(rule, next));
  for (const report of reports) {
    if (report.notMigrated) ctx.notMigrated.push({ file: `${next.configFileName}#redirects`, reason: `${report.source} → ${report.destination}: ${report.notMigrated}` });
  }
  const lines = reports.flatMap((r) => r.lines);
  if (lines.length === 0) return reports;
  const own = ctx.read(REDIRECTS_FILE);
  const head = own === undefined ? '' : own.length === 0 || own.endsWith('\n') ? own : `${own}\n`;
  const text = `${head}# From ${next.configFileName} redirects(), written by zfb-next migrate.\n${lines.join('\n')}\n`;
  ctx.tree.write(REDIRECTS_FILE, text, own === undefined ? undefined : statSync(ctx.abs(REDIRECTS_FILE)).mode & 0o7777);
  return reports;
}

function convert(value: unknown, next: NextProjectConfig): RedirectReport {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const shown: RedirectReport = {
    source: typeof raw.source === 'string' ? raw.source : JSON.stringify(raw.source ?? null),
    destination: typeof raw.destination === 'string' ? raw.destination : JSON.stringify(raw.destination ?? null),
    status: typeof raw.statusCode === 'number' && raw.statusCode ? raw.statusCode : raw.permanent === true ? 308 : 307,
    lines: [],
  };
  const invalid = invalidRule(value);
  if (invalid) return { ...shown, notMigrated: `next build rejects this redirect (${invalid})` };
  const rule = { ...raw, source: shown.source, destination: shown.destination, status: shown.status } as Rule;
  const why = unwritable(rule, next);
  if (why) return { ...shown, notMigrated: why };
  const lines = toLines(rule, next);
  return typeof lines === 'string' ? { ...shown, notMigrated: lines } : { ...shown, lines };
}

/** What lib/load-custom-routes.ts `checkCustomRoutes` refuses in a redirect (next build then exits 1). */
function invalidRule(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'not an object with `source` and `destination`';
  const rule = value as Record<string, unknown>;
  if (typeof rule.source !== 'string' || !rule.source.startsWith('/')) return '`source` is not a string starting with /';
  if (typeof rule.destination !== 'string' || !rule.destination) return '`destination` is missing';
  if (rule.statusCode && !STATUS_CODES.has(rule.statusCode as number)) return '`statusCode` is not undefined or valid statusCode';
  if (typeof rule.permanent !== 'boolean' && !rule.statusCode) return '`permanent` is not set to `true` or `false`';
  if (rule.basePath !== undefined && rule.basePath !== false) return '`basePath` must be undefined or false';
  return undefined;
}

/** Conditions and locale expansion, which the _redirects format has no words for. */
function unwritable(rule: Rule, next: NextProjectConfig): string | undefined {
  const conditions = [...(Array.isArray(rule.has) ? rule.has : []), ...(Array.isArray(rule.missing) ? rule.missing : [])];
  if (conditions.length > 0) {
    return `its \`has\`/\`missing\` conditions (${conditions.map((c) => (c as { type?: unknown }).type).join(', ')}) are checked per request; _redirects cannot express them: move the rule into your host's config by hand`;
  }
  if (next.i18n && rule.locale !== false) {
    return `with i18n, Next.js serves this rule under every locale prefix (/:locale${rule.source}); zfb-next writes locale redirects only for rules with \`locale: false\`: add the prefixed lines by hand`;
  }
  return undefined;
}

/** The rule's _redirects lines, or why it has none. */
function toLines(rule: Rule, next: NextProjectConfig): string[] | string {
  // lib/load-custom-routes.ts processRoutes.
  const base = next.basePath && rule.basePath !== false ? next.basePath : '';
  const source = `${base}${rule.source === '/' && base ? '' : rule.source}`;
  const internal = rule.destination.startsWith('/');
  const destination = `${internal ? base : ''}${rule.destination === '/' && internal && base ? '' : rule.destination}`;
  if (/\s/.test(source) || /\s/.test(destination)) return 'a path with white space cannot be written in _redirects, whose fields are separated by spaces';

  const segments = source.split('/').slice(1);
  const params = new Map<string, 'one' | 'splat'>();
  const from: string[] = [];
  let optionalSplat: string | undefined;
  for (const [i, segment] of segments.entries()) {
    const placeholder = PLACEHOLDER.exec(segment);
    const splat = SPLAT.exec(segment);
    if (placeholder) {
      params.set(placeholder[1]!, 'one');
      from.push(segment);
    } else if (splat && i === segments.length - 1) {
      params.set(splat[1]!, 'splat');
      if (splat[2] === '*') optionalSplat = splat[1];
      from.push('*');
    } else if (LITERAL.test(segment)) {
      from.push(segment);
    } else {
      return `the source pattern segment "${segment}" has no _redirects form: it has whole-segment placeholders (:name) and a final splat (:name*, :name+), no regular expressions, optional or partial segments`;
    }
  }
  const to = destination.replace(new RegExp(`:(${NAME})([*+?])?`, 'g'), (match, name: string) => {
    const kind = params.get(name);
    return kind === 'splat' ? ':splat' : kind === 'one' ? `:${name}` : match;
  });
  const lines = [`/${from.join('/')} ${to} ${rule.status}`];
  if (optionalSplat) {
    // `:name*` also matches no segment at all (/blog for /blog/:path*), where the splat is empty.
    const bareFrom = `/${from.slice(0, -1).join('/')}`;
    const bareTo = destination.replace(new RegExp(`/?:${optionalSplat}\\*`, 'g'), '') || '/';
    lines.unshift(`${bareFrom} ${bareTo.startsWith('?') ? `/${bareTo}` : bareTo} ${rule.status}`);
  }
  return lines;
}
