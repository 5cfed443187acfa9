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
  return (
    <img
      alt={alt}
      loading={priority || preload ? undefined : (loading ?? 'lazy')}
      width={fill ? undefined : (width ?? data?.width)}
      height={fill ? undefined : (height ?? data?.height)}
      decoding="async"
      style={{ ...fillStyle, color: 'transparent', ...style }}
      src={url}
      {...rest}
    />
  );
}

export function getImageProps(props: ImageProps) {
  const data = staticData(props.src);
  return { props: { src: typeof props.src === 'string' ? props.src : data?.src ?? '', alt: props.alt, width: props.width ?? data?.width, height: props.height ?? data?.height } };
}
