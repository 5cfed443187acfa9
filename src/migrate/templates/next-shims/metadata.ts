/**
 * The metadata of an app-router page, resolved the way Next.js resolves it (next/dist/lib/metadata/
 * resolve-metadata.js): each segment's `metadata` or `generateMetadata(props, parent)`, root layout first and
 * the page last, merged key by key; a title is a string or { default, template, absolute }, and a layout's
 * template applies to the titles of the segments below it (not to its own segment's page). The next-data
 * plugin runs this in Node; next-shims/app-shell.tsx renders the result into the page's <head>.
 */

export interface MetadataSource {
  metadata?: Record<string, any>;
  generateMetadata?: (props: any, parent: Promise<Record<string, any>>) => any;
}

export interface ResolvedMetadata {
  title?: string;
  description?: string;
  applicationName?: string;
  keywords?: string;
  authors?: { name?: string; url?: string }[];
  robots?: string;
  canonical?: string;
  openGraph?: Record<string, any>;
  twitter?: Record<string, any>;
  icons?: string[];
  other?: Record<string, string>;
}

function applyTemplate(template: string | null, title: string): string {
  return template ? template.replace(/%s/g, title) : title;
}

function resolveTitle(title: unknown, template: string | null): { absolute: string; template: string | null } {
  if (typeof title === 'string') return { absolute: applyTemplate(template, title), template: null };
  const object = (title ?? {}) as { default?: string; template?: string; absolute?: string };
  let absolute = '';
  if ('default' in object && object.default !== undefined) absolute = applyTemplate(template, object.default);
  if (object.absolute) absolute = object.absolute;
  return { absolute, template: object.template ?? null };
}

/** `segments`: one per route segment from the root (undefined where a folder has no layout), then the page. */
export async function resolveMetadata(segments: readonly (MetadataSource | undefined)[], props: unknown): Promise<ResolvedMetadata> {
  let resolved: Record<string, any> = {};
  let title: { absolute: string; template: string | null } | undefined;
  let template: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const source = segments[i];
    let metadata: Record<string, any> | undefined;
    if (source?.generateMetadata) {
      const parent = Promise.resolve({ ...resolved, title: title ? { absolute: title.absolute, template: title.template } : null });
      metadata = await source.generateMetadata(props, parent);
    } else if (source?.metadata) {
      metadata = source.metadata;
    }
    if (metadata) {
      for (const [key, value] of Object.entries(metadata)) {
        if (key === 'title') {
          if (value !== undefined) title = resolveTitle(value, template);
        } else if (value !== undefined) {
          resolved[key] = value;
        }
      }
    }
    // The leaf layout's template is not used for the page beside it (Next: `i < metadataItems.length - 2`).
    if (i < segments.length - 2) template = title?.template ?? null;
  }
  return flatten({ ...resolved, title: title?.absolute });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : value instanceof URL ? value.href : undefined;
}

function imageUrls(images: unknown): string[] {
  const list = Array.isArray(images) ? images : images === undefined ? [] : [images];
  return list.map((image) => text(image) ?? text((image as { url?: unknown })?.url)).filter((url): url is string => !!url);
}

/** What the <head> tags need, as plain data that crosses from Node to the page. */
function flatten(metadata: Record<string, any>): ResolvedMetadata {
  const out: ResolvedMetadata = {};
  if (metadata.title) out.title = metadata.title;
  if (text(metadata.description)) out.description = metadata.description;
  if (text(metadata.applicationName)) out.applicationName = metadata.applicationName;
  if (metadata.keywords) out.keywords = Array.isArray(metadata.keywords) ? metadata.keywords.join(',') : String(metadata.keywords);
  if (metadata.authors) out.authors = (Array.isArray(metadata.authors) ? metadata.authors : [metadata.authors]).map((a: any) => ({ name: a?.name, url: text(a?.url) }));
  if (typeof metadata.robots === 'string') out.robots = metadata.robots;
  else if (metadata.robots && typeof metadata.robots === 'object') {
    const r = metadata.robots as Record<string, unknown>;
    const parts = [r.index === false ? 'noindex' : r.index ? 'index' : undefined, r.follow === false ? 'nofollow' : r.follow ? 'follow' : undefined].filter(Boolean);
    if (parts.length) out.robots = parts.join(', ');
  }
  const canonical = text(metadata.alternates?.canonical) ?? text(metadata.alternates?.canonical?.url);
  if (canonical) out.canonical = canonical;
  if (metadata.openGraph) {
    const og = metadata.openGraph;
    out.openGraph = { title: text(og.title) ?? text(og.title?.default), description: text(og.description), url: text(og.url), siteName: text(og.siteName), type: text(og.type), images: imageUrls(og.images) };
  }
  if (metadata.twitter) {
    const tw = metadata.twitter;
    out.twitter = { card: text(tw.card), title: text(tw.title) ?? text(tw.title?.default), description: text(tw.description), images: imageUrls(tw.images) };
  }
  const icons = metadata.icons;
  if (icons) out.icons = typeof icons === 'string' || icons instanceof URL ? [text(icons)!] : imageUrls(Array.isArray(icons) ? icons : icons.icon);
  if (metadata.other && typeof metadata.other === 'object') out.other = Object.fromEntries(Object.entries(metadata.other).map(([k, v]) => [k, String(v)]));
  return out;
}
