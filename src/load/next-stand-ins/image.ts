/**
 * Stand-in for `next/image`: the `<img>` Next renders for an unoptimized image (`images.unoptimized`, as a
 * static export needs): `data-nimg`, lazy loading, async decoding, `color: transparent`, and for `fill` the
 * absolute positioning (shared/lib/get-img-props.ts).
 */
import { createElement, forwardRef, type CSSProperties, type Ref } from 'react';
import { withSitePrefix } from './url.js';

interface StaticImage {
  src: string;
  width?: number;
  height?: number;
  blurDataURL?: string;
}

export interface ImageProps {
  src: string | StaticImage | { default: StaticImage };
  alt: string;
  width?: number | string;
  height?: number | string;
  fill?: boolean;
  priority?: boolean;
  loading?: 'lazy' | 'eager';
  style?: CSSProperties;
  [prop: string]: unknown;
}

const NOT_ATTRIBUTES = ['src', 'fill', 'priority', 'placeholder', 'blurDataURL', 'loader', 'quality', 'unoptimized', 'onLoadingComplete', 'overrideSrc', 'preload', 'layout', 'objectFit', 'objectPosition', 'lazyBoundary', 'lazyRoot'];

function staticImage(src: ImageProps['src']): StaticImage | undefined {
  if (typeof src === 'string') return undefined;
  return 'default' in src ? src.default : src;
}

export function getImageProps(props: ImageProps): { props: Record<string, unknown> } {
  const image = staticImage(props.src);
  const src = typeof props.src === 'string' ? props.src : (image?.src ?? '');
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (!NOT_ATTRIBUTES.includes(key)) attributes[key] = value;
  const style: CSSProperties = props.fill
    ? { position: 'absolute', height: '100%', width: '100%', left: 0, top: 0, right: 0, bottom: 0, color: 'transparent', ...props.style }
    : { color: 'transparent', ...props.style };
  return {
    props: {
      ...attributes,
      alt: props.alt,
      loading: props.priority ? undefined : (props.loading ?? 'lazy'),
      fetchPriority: props.priority ? 'high' : attributes.fetchPriority,
      width: props.fill ? undefined : (props.width ?? image?.width),
      height: props.fill ? undefined : (props.height ?? image?.height),
      decoding: 'async',
      'data-nimg': props.fill ? 'fill' : '1',
      style,
      src: src.startsWith('/') ? withSitePrefix(src, false) : src,
    },
  };
}

function Image(props: ImageProps, ref: Ref<HTMLImageElement>) {
  return createElement('img', { ...getImageProps(props).props, ref });
}

// Typed loosely on purpose: the stand-in takes whatever props the real component takes.
export default forwardRef<HTMLImageElement, Record<string, unknown>>((props, ref) => Image(props as unknown as ImageProps, ref));
