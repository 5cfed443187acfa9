/** Stand-in for `next/link`: a plain `<a>` with the href Next would write (basePath, locale prefix). */
import { cloneElement, createElement, forwardRef, isValidElement, type ReactNode, type Ref } from 'react';
import { formatHref, withSitePrefix, type UrlObject } from './url.js';

export interface LinkProps {
  href: string | UrlObject;
  as?: string | UrlObject;
  locale?: string | false;
  legacyBehavior?: boolean;
  passHref?: boolean;
  children?: ReactNode;
  [prop: string]: unknown;
}

// Props that steer Next's client router and are not attributes of the anchor.
const ROUTER_PROPS = ['as', 'replace', 'scroll', 'shallow', 'passHref', 'prefetch', 'locale', 'legacyBehavior', 'onNavigate', 'unstable_dynamicOnHover'];

function Link(props: LinkProps, ref: Ref<HTMLAnchorElement>) {
  const href = withSitePrefix(formatHref(props.as ?? props.href), props.locale);
  if (props.legacyBehavior && isValidElement(props.children)) {
    return cloneElement(props.children as React.ReactElement<Record<string, unknown>>, { href, ref });
  }
  const anchor: Record<string, unknown> = { ref };
  for (const [key, value] of Object.entries(props)) if (!ROUTER_PROPS.includes(key) && key !== 'href') anchor[key] = value;
  anchor.href = href;
  return createElement('a', anchor);
}

// Typed loosely on purpose: the stand-in takes whatever props the real component takes.
export default forwardRef<HTMLAnchorElement, Record<string, unknown>>((props, ref) => Link(props as unknown as LinkProps, ref));

export function useLinkStatus(): { pending: boolean } {
  return { pending: false };
}
