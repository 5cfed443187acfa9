/**
 * Param values that no static build can turn into a file. Every engine writes a URL's last segment as a
 * file or folder name (Next: `.next/server/pages/p/<id>.html`, zfb: `dist/p/<id>/index.html`), so a value
 * that is no file name loses the page. Real `next build`s of a pages route: a value with NUL failed
 * ("The argument 'path' must be a string, Uint8Array, or URL without null bytes"), a 300-byte value failed
 * (ENAMETOOLONG), a value with a line feed built on Linux (Windows file systems refuse it).
 */
export interface UnwritableSegment {
  severity: 'error' | 'warning';
  why: string;
}

/** Common file systems (ext4, APFS, NTFS) limit one name to 255 bytes (NTFS: 255 UTF-16 units). */
const NAME_MAX = 255;

export function unwritableSegment(segment: string): UnwritableSegment | undefined {
  if (segment.includes('\0')) return { severity: 'error', why: 'it holds a NUL character, which no file system accepts in a file name' };
  // A UTF-16 unit is at most 3 UTF-8 bytes: counting them is only needed for long names (a call per URL).
  const bytes = segment.length * 3 <= NAME_MAX ? 0 : Buffer.byteLength(segment, 'utf8');
  if (bytes > NAME_MAX) return { severity: 'error', why: `it is ${bytes.toLocaleString('en')} bytes long, and file systems limit a file name to ${NAME_MAX} bytes` };
  const lineBreak = segment.includes('\n') ? 'a line feed' : segment.includes('\r') ? 'a carriage return' : undefined;
  if (lineBreak) return { severity: 'warning', why: `it holds ${lineBreak}, which Windows file systems refuse in a file name` };
  return undefined;
}

/** The first part of a param value (a string, or a catch-all's array) that cannot be written, and why. */
export function unwritableParam(value: unknown): { part: string; problem: UnwritableSegment } | undefined {
  for (const part of Array.isArray(value) ? value : [value]) {
    if (typeof part !== 'string') continue;
    const problem = unwritableSegment(part);
    if (problem) return { part, problem };
  }
  return undefined;
}

/**
 * A string with half of a UTF-16 surrogate pair on its own cannot be encoded as UTF-8: `encodeURIComponent`
 * throws "URI malformed" on it, and Next calls it on every param (build/static-paths/pages.ts and app.ts,
 * `encodeParam(paramValue, encodeURIComponent)`). A real build failed with "URIError: URI malformed", then
 * "Failed to collect page data for /p/[id]".
 */
export function loneSurrogate(value: unknown): string | undefined {
  for (const part of Array.isArray(value) ? value : [value]) {
    if (typeof part === 'string' && !(part as string & { isWellFormed(): boolean }).isWellFormed()) return part;
  }
  return undefined;
}
