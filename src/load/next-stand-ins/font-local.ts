/** Stand-in for `next/font/local`: `localFont(options)` with the real return shape. */
import font, { type FontOptions, type NextFont } from './font.cjs';

const fontResult = (font as { fontResult: (family: string, options?: FontOptions) => NextFont }).fontResult;

export default function localFont(options: FontOptions = {}) {
  const src = Array.isArray(options.src) ? (options.src[0] as { path?: string } | undefined)?.path : options.src;
  const family = typeof src === 'string' ? (src.split('/').pop()?.replace(/\.\w+$/, '') ?? 'localFont') : 'localFont';
  return fontResult(family, options);
}
