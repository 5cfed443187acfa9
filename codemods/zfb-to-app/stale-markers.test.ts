import { describe, expect, it } from 'vitest';
import appToZfb from '../app-to-zfb/index.js';
import { markersIn } from '../_shared/marker.js';
import zfbToApp from './index.js';

/**
 * zfb-to-app recognises app-to-zfb's markers by their wording: here app-to-zfb writes them, so a change of
 * wording on either side fails this test instead of leaving stale markers in round-tripped pages.
 */

const LAYOUT = `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <body>{children}</body>
    </html>
  );
}
`;

const PAGE = `export const revalidate = 60;

export const metadata = { title: 'Post' };

export const viewport = { width: 'device-width' };

export function generateStaticParams() {
  return [{ slug: 'a' }];
}

export const dynamicParams = false;

async function Comments({ slug }: { slug: string }) {
  const comments = await getComments(slug);
  return <ul>{comments.map((c) => <li key={c.id}>{c.text}</li>)}</ul>;
}

export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <article>{slug === 'a' && <Comments slug={slug} />}</article>;
}
`;

describe('zfb-to-app drops the markers app-to-zfb wrote that the app router makes stale', () => {
  it('removes the layouts, metadata, viewport and async-component markers and keeps revalidate', () => {
    const files = new Map([['app/layout.tsx', LAYOUT]]);
    const zfb = appToZfb({ path: 'app/blog/[slug]/page.tsx', source: PAGE, readFile: (p) => files.get(p) });
    const reasons = (text: string) => markersIn(text).map((m) => m.reason.replace(/:.*/s, ''));
    // Every kind of marker this test is about is there on the way out.
    expect(reasons(zfb.source!).sort()).toEqual([
      '<Comments> is an async component',
      'Next rendered this page inside app/layout.tsx; zfb has no layouts',
      'revalidate',
      'zfb has no metadata API',
      'zfb has no viewport API',
    ]);
    const back = zfbToApp({ path: zfb.outputPath!, source: zfb.source!, readFile: (p) => files.get(p) });
    expect(back.outputPath).toBe('app/blog/[slug]/page.tsx');
    expect(reasons(back.source!)).toEqual(['revalidate']);
  });
});
