/**
 * App-router metadata resolved the way next@16.4.6 resolves it (lib/metadata/resolve-metadata.ts
 * `accumulateMetadata`, resolvers/resolve-title.ts): one item per loader-tree node, root first, the page
 * last; each static `metadata` or `generateMetadata({ params, searchParams }, parent)` result merged over the
 * parent's; a `title.template` applies to the segments below the one that sets it, never to its own page
 * (templates are taken from every item but the last two); Open Graph and Twitter inherit the title and
 * description (`postProcessMetadata`). The result becomes the tags Next writes into `<head>`
 * (lib/metadata/generate/basic.tsx, opengraph.tsx), in its order. Covered: title, description,
 * applicationName, generator, keywords, referrer, robots, alternates.canonical, openGraph (title,
 * description, url, siteName, locale, type, images), twitter (card, site, creator, title, description,
 * images); other fields are not written.
 */

type Title = string | { default?: string; template?: string; absolute?: string } | null | undefined;

export interface MetadataInput {
  title?: Title;
  description?: string | null;
  applicationName?: string | null;
  generator?: string | null;
  keywords?: string | string[] | null;
  referrer?: string | null;
  robots?: string | { index?: boolean; follow?: boolean } | null;
  alternates?: { canonical?: string | URL | null } | null;
  openGraph?: OpenGraph | null;
  twitter?: Twitter | null;
  [key: string]: unknown;
}

interface OpenGraph {
  title?: Title;
  description?: string;
  url?: string | URL;
  siteName?: string;
  locale?: string;
  type?: string;
  images?: Image | Image[];
}

interface Twitter {
  card?: string;
  site?: string;
  creator?: string;
  title?: Title;
  description?: string;
  images?: Image | Image[];
}

type Image = string | URL | { url: string | URL; width?: number; height?: number; alt?: string };

interface Resolved {
  title: { absolute: string; template: string | null } | null;
  description: string | null;
  applicationName: string | null;
  generator: string | null;
  keywords: string[] | null;
  referrer: string | null;
  robots: string | null;
  canonical: string | null;
  openGraph: (Omit<OpenGraph, 'title'> & { title: { absolute: string; template: string | null } }) | null;
  twitter: (Omit<Twitter, 'title'> & { title: { absolute: string; template: string | null } }) | null;
}

/** resolvers/resolve-title.ts `resolveTitle`. */
function resolveTitle(title: Title, template: string | null): { absolute: string; template: string | null } {
  const ownTemplate = typeof title !== 'string' && title && 'template' in title ? (title.template ?? null) : null;
  const apply = (text: string): string => (template ? template.replace(/%s/g, text) : text);
  let resolved: string | undefined;
  if (typeof title === 'string') resolved = apply(title);
  else if (title) {
    if ('default' in title && title.default !== undefined) resolved = apply(title.default);
    if (title.absolute) resolved = title.absolute;
  }
  return { absolute: resolved || (typeof title === 'string' ? title : '') || '', template: ownTemplate };
}

/**
 * Resolves the items (null for a node without metadata). `load(i, parent)` returns item i's metadata,
 * calling its `generateMetadata` with the metadata resolved so far when it has one.
 */
export async function resolveMetadata(count: number, load: (index: number, parent: Promise<unknown>) => Promise<MetadataInput | null | undefined>): Promise<Resolved> {
  let resolved: Resolved = {
    title: null,
    description: null,
    applicationName: null,
    generator: null,
    keywords: null,
    referrer: null,
    robots: null,
    canonical: null,
    openGraph: null,
    twitter: null,
  };
  let templates = { title: null as string | null, openGraph: null as string | null, twitter: null as string | null };
  for (let i = 0; i < count; i++) {
    const metadata = await load(i, Promise.resolve(resolved));
    if (metadata) resolved = merge(resolved, metadata, templates);
    if (i < count - 2) {
      templates = { title: resolved.title?.template ?? null, openGraph: resolved.openGraph?.title.template ?? null, twitter: resolved.twitter?.title.template ?? null };
    }
  }
  // postProcessMetadata: Open Graph and Twitter inherit what they leave out.
  if (resolved.openGraph) {
    const og = resolved.openGraph;
    if (!og.title.absolute && resolved.title) og.title = { ...resolved.title };
    if (og.description === undefined && resolved.description) og.description = resolved.description;
    if (!resolved.twitter) {
      const images = og.images;
      resolved.twitter = { card: images && (!Array.isArray(images) || images.length > 0) ? 'summary_large_image' : 'summary', title: og.title, ...(og.description !== undefined ? { description: og.description } : {}), ...(images ? { images } : {}) };
    }
  }
  if (resolved.twitter) {
    const tw = resolved.twitter;
    if (!tw.title.absolute && resolved.title) tw.title = { ...resolved.title };
    if (tw.description === undefined && resolved.description) tw.description = resolved.description;
  }
  return resolved;
}

function merge(base: Resolved, metadata: MetadataInput, templates: { title: string | null; openGraph: string | null; twitter: string | null }): Resolved {
  const next = { ...base };
  if ('title' in metadata) next.title = resolveTitle(metadata.title, templates.title);
  if ('description' in metadata) next.description = metadata.description ?? null;
  if ('applicationName' in metadata) next.applicationName = metadata.applicationName ?? null;
  if ('generator' in metadata) next.generator = metadata.generator ?? null;
  if ('keywords' in metadata) next.keywords = metadata.keywords == null ? null : Array.isArray(metadata.keywords) ? metadata.keywords : [metadata.keywords];
  if ('referrer' in metadata) next.referrer = metadata.referrer ?? null;
  if ('robots' in metadata) next.robots = robotsText(metadata.robots);
  if ('alternates' in metadata) next.canonical = metadata.alternates?.canonical ? String(metadata.alternates.canonical) : null;
  if ('openGraph' in metadata) {
    const og = metadata.openGraph;
    next.openGraph = og ? { ...og, title: resolveTitle(og.title, templates.openGraph) } : null;
  }
  if ('twitter' in metadata) {
    const tw = metadata.twitter;
    next.twitter = tw ? { card: 'summary', ...tw, title: resolveTitle(tw.title, templates.twitter) } : null;
  }
  return next;
}

function robotsText(robots: MetadataInput['robots']): string | null {
  if (!robots) return null;
  if (typeof robots === 'string') return robots;
  const parts: string[] = [];
  if (robots.index !== undefined) parts.push(robots.index ? 'index' : 'noindex');
  if (robots.follow !== undefined) parts.push(robots.follow ? 'follow' : 'nofollow');
  return parts.join(', ') || null;
}

/** The `<head>` tags, as [tag, attributes] pairs, in Next's order. */
export function metadataTags(resolved: Resolved, viewport: string): [string, Record<string, string>, string?][] {
  const tags: [string, Record<string, string>, string?][] = [
    ['meta', { charSet: 'utf-8' }],
    ['meta', { name: 'viewport', content: viewport }],
  ];
  const meta = (name: string, content: string | null | undefined): void => {
    if (content) tags.push(['meta', { name, content }]);
  };
  const property = (name: string, content: string | null | undefined): void => {
    if (content) tags.push(['meta', { property: name, content }]);
  };
  if (resolved.title?.absolute) tags.push(['title', {}, resolved.title.absolute]);
  meta('description', resolved.description);
  meta('application-name', resolved.applicationName);
  meta('generator', resolved.generator);
  meta('keywords', resolved.keywords?.join(','));
  meta('referrer', resolved.referrer);
  meta('robots', resolved.robots);
  if (resolved.canonical) tags.push(['link', { rel: 'canonical', href: resolved.canonical }]);
  const og = resolved.openGraph;
  if (og) {
    property('og:title', og.title.absolute);
    property('og:description', og.description);
    property('og:url', og.url ? String(og.url) : undefined);
    property('og:site_name', og.siteName);
    property('og:locale', og.locale);
    for (const image of list(og.images)) {
      property('og:image', imageUrl(image));
      if (typeof image === 'object' && !(image instanceof URL)) {
        if (image.width) property('og:image:width', String(image.width));
        if (image.height) property('og:image:height', String(image.height));
        if (image.alt) property('og:image:alt', image.alt);
      }
    }
    property('og:type', og.type);
  }
  const tw = resolved.twitter;
  if (tw) {
    meta('twitter:card', tw.card);
    meta('twitter:site', tw.site);
    meta('twitter:creator', tw.creator);
    meta('twitter:title', tw.title.absolute);
    meta('twitter:description', tw.description);
    for (const image of list(tw.images)) meta('twitter:image', imageUrl(image));
  }
  return tags;
}

function list(images: Image | Image[] | undefined): Image[] {
  return images === undefined ? [] : Array.isArray(images) ? images : [images];
}

function imageUrl(image: Image): string {
  return typeof image === 'string' || image instanceof URL ? String(image) : String(image.url);
}

/** `export const viewport` / generateViewport as the viewport tag's content (`width=device-width, initial-scale=1` by default). */
export function viewportContent(viewport: Record<string, unknown> | undefined): string {
  const value = { width: 'device-width', initialScale: 1, ...(viewport ?? {}) } as Record<string, unknown>;
  const names: Record<string, string> = { width: 'width', height: 'height', initialScale: 'initial-scale', minimumScale: 'minimum-scale', maximumScale: 'maximum-scale', userScalable: 'user-scalable', viewportFit: 'viewport-fit', interactiveWidget: 'interactive-widget' };
  return Object.entries(names)
    .filter(([key]) => value[key] !== undefined)
    .map(([key, name]) => `${name}=${key === 'userScalable' ? (value[key] ? 'yes' : 'no') : String(value[key])}`)
    .join(', ');
}
