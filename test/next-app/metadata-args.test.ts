import { describe, expect, test } from 'vitest';
import { metadataRouteArgs } from '../../src/sources/next-metadata-args.js';

/**
 * What each Next.js line's generated GET hands a metadata route's default export
 * (next-metadata-route-loader.ts of 14.2.35, 15.5.29 and 16.4.6). The sitemap shapes are also checked
 * against real builds of the three lines (test/versions/params-shape.test.ts).
 */

const items = async () => [{ id: 0 }, { id: 'large' }];

describe('metadataRouteArgs', () => {
  test('a sitemap split by id: the item id (≤14.2), the URL string (15.x), a promise of it (16)', async () => {
    const params = { __metadata_id__: '0.xml' };
    expect(await metadataRouteArgs('sitemap', true, params, 'item-ids', items)).toEqual([{ id: 0 }]);
    expect(await metadataRouteArgs('sitemap', true, params, 'sitemap-string-ids', items)).toEqual([{ id: '0' }]);
    const [promised] = (await metadataRouteArgs('sitemap', true, params, 'promises', items)) as [{ id: Promise<string> }];
    expect(await promised.id).toBe('0');
    expect(await metadataRouteArgs('sitemap', false, {}, 'promises', items)).toEqual([]);
  });

  test('an image split by id: plain params and the item id up to 15.x, promises from 16', async () => {
    const params = { slug: 'a', __metadata_id__: 'large' };
    expect(await metadataRouteArgs('image', true, params, 'sitemap-string-ids', items)).toEqual([{ params: { slug: 'a' }, id: 'large' }]);
    expect(await metadataRouteArgs('image', true, { slug: 'a', __metadata_id__: '0' }, 'item-ids', items)).toEqual([{ params: { slug: 'a' }, id: 0 }]);
    const [promised] = (await metadataRouteArgs('image', true, params, 'promises', items)) as [{ params: Promise<unknown>; id: Promise<unknown> }];
    expect([await promised.params, await promised.id]).toEqual([{ slug: 'a' }, 'large']);
  });

  test('a single image: its params, plain up to 15.x and a promise from 16', async () => {
    expect(await metadataRouteArgs('image', false, { slug: 'a' }, 'item-ids', items)).toEqual([{ params: { slug: 'a' }, id: undefined }]);
    const [promised] = (await metadataRouteArgs('image', false, { slug: 'a' }, 'promises', items)) as [{ params: Promise<unknown> }];
    expect(await promised.params).toEqual({ slug: 'a' });
  });
});
