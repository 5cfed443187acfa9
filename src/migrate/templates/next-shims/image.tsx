import type { CSSProperties, ImgHTMLAttributes } from 'react';

export interface StaticImageData {
  src: string;
  width: number;
  height: number;
  blurDataURL?: string;
}

export interface ImageProps extends Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'width' | 'height' | 'loading'> {
  src: string | StaticImageData | { default: StaticImageData };
  alt: string;
  width?: number | `${number}`;
  height?: number | `${number}`;
  fill?: boolean;
  quality?: number | `${number}`;
  priority?: boolean;
  preload?: boolean;
  loading?: 'lazy' | 'eager';
  placeholder?: string;
  blurDataURL?: string;
  unoptimized?: boolean;
  loader?: unknown;
  overrideSrc?: string;
  onLoadingComplete?: unknown;
  lazyBoundary?: string;
  lazyRoot?: string;
}

function staticData(src: ImageProps['src']): StaticImageData | undefined {
  if (typeof src === 'string') return undefined;
  return 'default' in src ? src.default : src;
}

/**
 * next/image for zfb: a plain <img> with the image's own file (no resizing service behind a static site),
 * lazy unless `priority`, the way Next.js writes its attributes.
 */
export default function Image(props: ImageProps) {
  const { src, alt, width, height, fill, quality, priority, preload, loading, placeholder, blurDataURL, unoptimized, loader, overrideSrc, onLoadingComplete, lazyBoundary, lazyRoot, style, ...rest } = props;
  void quality, placeholder, blurDataURL, unoptimized, loader, onLoadingComplete, lazyBoundary, lazyRoot;
  const data = staticData(src);
  const url = overrideSrc ?? (typeof src === 'string' ? src : data?.src ?? '');
  const fillStyle: CSSProperties | undefined = fill ? { position: 'absolute', height: '100%', width: '100%', inset: 0 } : undefined;
  const size = fill ? {} : dimensions(width, height, data);
  return (
    <img
      alt={alt}
      loading={priority || preload ? undefined : (loading ?? 'lazy')}
      width={size.width}
      height={size.height}
      decoding="async"
      style={{ ...fillStyle, color: 'transparent', ...style }}
      src={url}
      {...rest}
    />
  );
}

/**
 * The width and height Next.js writes: with a static image, a missing one follows from the other and the
 * image's aspect ratio, both missing are the image's own (next@16.4.6 shared/lib/get-img-props.js).
 */
function dimensions(width: ImageProps['width'], height: ImageProps['height'], data: StaticImageData | undefined): { width?: ImageProps['width']; height?: ImageProps['height'] } {
  if (!data) return { width, height };
  const w = width === undefined ? undefined : Number(width);
  const h = height === undefined ? undefined : Number(height);
  if (!w && !h) return { width: data.width, height: data.height };
  if (w && !h) return { width: w, height: Math.round(data.height * (w / data.width)) };
  if (!w && h) return { width: Math.round(data.width * (h / data.height)), height: h };
  return { width: w!, height: h! };
}

export function getImageProps(props: ImageProps) {
  const data = staticData(props.src);
  const size = props.fill ? {} : dimensions(props.width, props.height, data);
  return { props: { src: typeof props.src === 'string' ? props.src : data?.src ?? '', alt: props.alt, ...size } };
}
