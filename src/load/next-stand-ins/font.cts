/**
 * What a `next/font` call returns (next/dist/compiled/@next/font: `{ className, style, variable? }`). The real
 * loaders download or read font files at build time; these return the same shape with stable made-up class
 * names, which is all a module needs to load and a page needs to render.
 */
interface FontOptions {
  variable?: string;
  weight?: string | string[];
  style?: string | string[];
  src?: unknown;
  [key: string]: unknown;
}

interface NextFont {
  className: string;
  style: { fontFamily: string; fontWeight?: number; fontStyle?: string };
  variable?: string;
}

function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) >>> 0;
  return h.toString(36).slice(0, 6);
}

function fontResult(family: string, options: FontOptions = {}): NextFont {
  const id = hash(`${family}:${JSON.stringify(options)}`);
  const result: NextFont = {
    className: `__className_${id}`,
    style: { fontFamily: `'${family}', '${family} Fallback'` },
  };
  if (typeof options.weight === 'string' && /^\d+$/.test(options.weight)) result.style.fontWeight = Number(options.weight);
  if (typeof options.style === 'string') result.style.fontStyle = options.style;
  if (typeof options.variable === 'string') result.variable = `__variable_${id}`;
  return result;
}

module.exports = { fontResult };

export type { FontOptions, NextFont };
