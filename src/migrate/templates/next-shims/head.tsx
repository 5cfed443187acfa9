import type { ReactNode } from 'react';

/**
 * next/head for zfb: React 19 moves <title>, <meta> and <link> into the document's <head> wherever they are
 * rendered, so the children are rendered in place. Unlike Next.js, two <title>s (or two <meta>s with one
 * name) are both kept: render each once per page.
 */
export default function Head({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}
