import { Children, cloneElement, isValidElement, type AnchorHTMLAttributes, type ReactElement, type ReactNode } from 'react';
import { usePageContext } from './context';

export type Url =
  | string
  | { pathname?: string | null; query?: string | Record<string, unknown> | null; hash?: string | null; search?: string | null };

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  href: Url;
  as?: Url;
  replace?: boolean;
  scroll?: boolean;
  shallow?: boolean;
  passHref?: boolean;
  prefetch?: boolean | 'auto' | null;
  locale?: string | false;
  legacyBehavior?: boolean;
  onNavigate?: (event: { preventDefault(): void }) => void;
  children?: ReactNode;
}

/** A Next.js href (a string or a URL object) as the string Next writes into the page. */
export function formatUrl(url: Url): string {
  if (typeof url === 'string') return url;
  let search = url.search ?? '';
  if (!search && url.query) {
    const query = typeof url.query === 'string' ? new URLSearchParams(url.query) : new URLSearchParams();
    if (typeof url.query !== 'string') {
      for (const [key, value] of Object.entries(url.query)) {
        for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) query.append(key, String(item));
      }
    }
    const text = query.toString();
    search = text ? `?${text}` : '';
  }
  const hash = url.hash ? (url.hash.startsWith('#') ? url.hash : `#${url.hash}`) : '';
  return `${url.pathname ?? ''}${search}${hash}`;
}

/**
 * With i18n, every page of the zfb site lives under its locale (/fr/about, and /en/about for the default
 * locale too), so a local link gets the page's locale in front, as Next's <Link> did for the other locales.
 */
function localized(href: string, locale: string | false | undefined, page: ReturnType<typeof usePageContext>): string {
  if (!page.locales?.length || locale === false || !href.startsWith('/') || href.startsWith('//')) return href;
  const target = locale ?? page.locale;
  if (!target) return href;
  const first = href.split(/[/?#]/)[1] ?? '';
  if (page.locales.includes(first)) return href;
  return `/${target}${href === '/' ? '' : href}`;
}

/** next/link for zfb: a plain <a>, since every zfb page is a static HTML file. */
export default function Link(props: LinkProps) {
  const { href, as, replace, scroll, shallow, passHref, prefetch, locale, legacyBehavior, onNavigate, children, ...rest } = props;
  void replace, scroll, shallow, passHref, prefetch, onNavigate;
  const page = usePageContext();
  const target = localized(formatUrl(as ?? href), locale, page);
  if (legacyBehavior) {
    const child = Children.only(children);
    if (isValidElement(child)) return cloneElement(child as ReactElement<{ href?: string }>, { href: target });
  }
  return (
    <a href={target} {...rest}>
      {children}
    </a>
  );
}
