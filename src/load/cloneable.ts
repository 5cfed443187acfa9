/**
 * A copy of a value that survives the trip between processes: plain objects, arrays, primitives (undefined
 * included), dates and binary data (a rendered route handler's body) as they are; functions, symbols and other values structured clone refuses are left
 * out, class instances become their own enumerable fields, and a cycle becomes `"[Circular]"`. Data from
 * user code (zfb props, getStaticProps results) can hold any of these.
 */
export function toCloneable(value: unknown, seen = new Set<object>()): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toCloneable(item, seen));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'function' || typeof item === 'symbol') continue;
      copy[key] = toCloneable(item, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}
