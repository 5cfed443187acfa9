/**
 * Written by zfb-next migrate: the bodies Next.js writes for app/sitemap.ts, app/robots.ts and
 * app/manifest.ts, made from what their default export returns. Each function gives the same text as the
 * function of the same name in next@16.4.6, next/dist/build/webpack/loaders/metadata/resolve-route-data.js
 * (resolveSitemap, resolveRobots, resolveManifest), quirks included, so the migrated endpoint pages write
 * the same bytes.
 */

type Many<T> = T | T[];

// A function declaration, not a generic arrow: zfb's islands scanner reads `<T>(` as JSX.
function many<T>(value: Many<T>): T[] {
  return Array.isArray(value) ? value : [value];
}

export interface RobotsRule {
  userAgent?: Many<string>;
  allow?: Many<string>;
  disallow?: Many<string>;
  crawlDelay?: number;
  other?: Record<string, Many<string | number> | null | undefined>;
}

export interface Robots {
  rules: Many<RobotsRule>;
  host?: string;
  sitemap?: Many<string>;
}

/** robots.txt: per rule its user agents, allow, disallow, crawl delay and other lines, then a blank line. */
export function resolveRobots(data: Robots): string {
  let text = '';
  for (const rule of many(data.rules)) {
    for (const agent of many(rule.userAgent || ['*'])) text += `User-Agent: ${agent}\n`;
    if (rule.allow) for (const item of many(rule.allow)) text += `Allow: ${item}\n`;
    if (rule.disallow) for (const item of many(rule.disallow)) text += `Disallow: ${item}\n`;
    if (rule.crawlDelay) text += `Crawl-delay: ${rule.crawlDelay}\n`;
    if (rule.other) {
      for (const key of Object.keys(rule.other)) {
        const value = rule.other[key];
        if (value == null) continue;
        for (const item of many(value)) text += `${key}: ${item}\n`;
      }
    }
    text += '\n';
  }
  if (data.host) text += `Host: ${data.host}\n`;
  if (data.sitemap) for (const item of many(data.sitemap)) text += `Sitemap: ${item}\n`;
  return text;
}

interface Relationship {
  relationship: string;
  content: string;
}

export interface SitemapVideo {
  title: string;
  thumbnail_loc: string;
  description: string;
  content_loc?: string;
  player_loc?: string;
  duration?: number;
  view_count?: number;
  tag?: string;
  rating?: number;
  expiration_date?: string;
  publication_date?: string;
  family_friendly?: string;
  requires_subscription?: string;
  live?: string;
  restriction?: Relationship;
  platform?: Relationship;
  uploader?: { info?: string; content: string };
}

export interface SitemapEntry {
  url: string;
  lastModified?: string | Date;
  changeFrequency?: string;
  priority?: number;
  alternates?: { languages?: Record<string, string | undefined> };
  images?: string[];
  videos?: SitemapVideo[];
}

/** sitemap.xml: the urlset, with the image, video and xhtml namespaces only when an entry uses them. */
export function resolveSitemap(data: SitemapEntry[]): string {
  const alternates = data.some((entry) => Object.keys(entry.alternates ?? {}).length > 0);
  const images = data.some((entry) => Boolean(entry.images?.length));
  const videos = data.some((entry) => Boolean(entry.videos?.length));
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
  if (images) xml += ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"';
  if (videos) xml += ' xmlns:video="http://www.google.com/schemas/sitemap-video/1.1"';
  xml += alternates ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' : '>\n';
  for (const entry of data) {
    xml += `<url>\n<loc>${entry.url}</loc>\n`;
    const languages = entry.alternates?.languages;
    if (languages && Object.keys(languages).length) {
      for (const language in languages) xml += `<xhtml:link rel="alternate" hreflang="${language}" href="${languages[language]}" />\n`;
    }
    if (entry.images?.length) for (const image of entry.images) xml += `<image:image>\n<image:loc>${image}</image:loc>\n</image:image>\n`;
    if (entry.videos?.length) {
      for (const video of entry.videos) {
        // As in Next.js, an uploader without `info` prints ` info` as the text "undefined".
        const fields = [
          '<video:video>',
          `<video:title>${video.title}</video:title>`,
          `<video:thumbnail_loc>${video.thumbnail_loc}</video:thumbnail_loc>`,
          `<video:description>${video.description}</video:description>`,
          video.content_loc && `<video:content_loc>${video.content_loc}</video:content_loc>`,
          video.player_loc && `<video:player_loc>${video.player_loc}</video:player_loc>`,
          video.duration && `<video:duration>${video.duration}</video:duration>`,
          video.view_count && `<video:view_count>${video.view_count}</video:view_count>`,
          video.tag && `<video:tag>${video.tag}</video:tag>`,
          video.rating && `<video:rating>${video.rating}</video:rating>`,
          video.expiration_date && `<video:expiration_date>${video.expiration_date}</video:expiration_date>`,
          video.publication_date && `<video:publication_date>${video.publication_date}</video:publication_date>`,
          video.family_friendly && `<video:family_friendly>${video.family_friendly}</video:family_friendly>`,
          video.requires_subscription && `<video:requires_subscription>${video.requires_subscription}</video:requires_subscription>`,
          video.live && `<video:live>${video.live}</video:live>`,
          video.restriction && `<video:restriction relationship="${video.restriction.relationship}">${video.restriction.content}</video:restriction>`,
          video.platform && `<video:platform relationship="${video.platform.relationship}">${video.platform.content}</video:platform>`,
          video.uploader && `<video:uploader${video.uploader.info && ` info="${video.uploader.info}"`}>${video.uploader.content}</video:uploader>`,
          '</video:video>\n',
        ];
        xml += fields.filter(Boolean).join('\n');
      }
    }
    if (entry.lastModified) xml += `<lastmod>${entry.lastModified instanceof Date ? entry.lastModified.toISOString() : entry.lastModified}</lastmod>\n`;
    if (entry.changeFrequency) xml += `<changefreq>${entry.changeFrequency}</changefreq>\n`;
    if (typeof entry.priority === 'number') xml += `<priority>${entry.priority}</priority>\n`;
    xml += '</url>\n';
  }
  return xml + '</urlset>\n';
}

/** manifest.webmanifest: the object as JSON, on one line. */
export function resolveManifest(data: unknown): string {
  return JSON.stringify(data);
}
