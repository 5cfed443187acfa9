// Written by zfb-next migrate: Node's `path` for the pages' bundle, where zfb renders without Node. Paths
// are strings, so the posix functions work as they do in Node; the next-data plugin puts this module in
// the place of 'path' for the pages only (data code runs in Node with the real one).
function normalizeParts(parts, absolute) {
  const out = [];
  for (const part of parts) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(part);
    }
  }
  return out;
}

export const sep = '/';
export const delimiter = ':';

export function normalize(p) {
  const absolute = p.startsWith('/');
  const trailing = p.endsWith('/');
  let joined = normalizeParts(p.split('/'), absolute).join('/');
  if (!joined && !absolute) joined = '.';
  if (joined && trailing) joined += '/';
  return (absolute ? '/' : '') + joined;
}

export function join(...parts) {
  const joined = parts.filter((part) => part !== '').join('/');
  return joined ? normalize(joined) : '.';
}

export function isAbsolute(p) {
  return p.startsWith('/');
}

export function resolve(...parts) {
  let resolved = '';
  for (let i = parts.length - 1; i >= 0 && !resolved.startsWith('/'); i--) resolved = parts[i] + (resolved ? `/${resolved}` : '');
  if (!resolved.startsWith('/')) resolved = `/${resolved}`;
  return '/' + normalizeParts(resolved.split('/'), true).join('/');
}

export function dirname(p) {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  const index = trimmed.lastIndexOf('/');
  if (index < 0) return '.';
  return index === 0 ? '/' : trimmed.slice(0, index);
}

export function basename(p, ext) {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

export function extname(p) {
  const base = basename(p);
  const index = base.lastIndexOf('.');
  return index <= 0 ? '' : base.slice(index);
}

export function relative(from, to) {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export function parse(p) {
  const base = basename(p);
  const ext = extname(p);
  const dir = dirname(p);
  return { root: p.startsWith('/') ? '/' : '', dir: dir === '.' && !p.includes('/') ? '' : dir, base, ext, name: ext ? base.slice(0, -ext.length) : base };
}

export function format(object) {
  const base = object.base ?? `${object.name ?? ''}${object.ext ?? ''}`;
  const dir = object.dir ?? object.root ?? '';
  return dir ? (dir.endsWith('/') ? dir + base : `${dir}/${base}`) : base;
}

export function toNamespacedPath(p) {
  return p;
}

const path = { sep, delimiter, normalize, join, isAbsolute, resolve, dirname, basename, extname, relative, parse, format, toNamespacedPath };
path.posix = path;
export const posix = path;
export default path;
