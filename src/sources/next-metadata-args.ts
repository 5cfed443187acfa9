import type { NextRules } from '../project/next-version.js';

type Item = { id?: unknown } | null | undefined;

/**
 * What the GET that Next.js generates around a metadata route (next-metadata-route-loader.ts of the
 * installed line) hands the file's default export for one URL: nothing for a single sitemap, `{ id }` for a
 * sitemap split by generateSitemaps, `{ params, id }` for an image. The route model's probe and the build's
 * renderer both call the export with it. `items` calls generateSitemaps / generateImageMetadata: every line
 * calls generateImageMetadata before an image, and the lines up to 14.2 search generateSitemaps' items for
 * the sitemap the URL names (NextRules.metadataArgs says what each line passes).
 */
export async function metadataRouteArgs(
  type: 'sitemap' | 'image',
  multi: boolean,
  params: Record<string, unknown>,
  shape: NextRules['metadataArgs'],
  items: () => Promise<Iterable<Item>>,
): Promise<unknown[]> {
  const { __metadata_id__: urlId, ...rest } = params;
  if (type === 'sitemap') {
    if (!multi) return [];
    const file = String(urlId);
    const id = file.endsWith('.xml') ? file.slice(0, -'.xml'.length) : undefined;
    if (shape === 'promises') return [{ id: Promise.resolve(id) }];
    if (shape === 'sitemap-string-ids') return [{ id }];
    return [{ id: find(await items(), (itemId) => `${itemId}.xml` === file) }];
  }
  if (!multi) return shape === 'promises' ? [{ params: Promise.resolve(params) }] : [{ params: rest, id: undefined }];
  const found = find(await items(), (itemId) => itemId === String(urlId));
  return shape === 'promises' ? [{ params: Promise.resolve(rest), id: Promise.resolve(urlId) }] : [{ params: rest, id: found }];
}

/** The id of the first item whose id, as a string, passes `test`: the item's own value (0 stays a number). */
function find(items: Iterable<Item>, test: (id: string) => boolean): unknown {
  for (const item of items) if (item?.id != null && test(item.id.toString())) return item.id;
  return undefined;
}
