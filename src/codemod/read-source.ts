import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export type SourceRead =
  | { ok: true; text: string; mode: number }
  | {
      ok: false;
      /** Why the file is not read as a source, for the summary. */
      problem: string;
      /** The text decoded with replacement characters, when the file is a readable non-UTF-8 file. */
      lossy?: string;
    };

// O_NOFOLLOW: a link that replaced the file since the folder was listed is not read through. O_NONBLOCK: a FIFO
// that replaced it does not block the open (both are 0 where the platform lacks them).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a source file as UTF-8, with its permission bits, or says why not; throws when it cannot be opened
 * (gone, no permission) as readFileSync does. Only a regular file is read. A file
 * that is not valid UTF-8 is refused rather than decoded with replacement characters: written back, those
 * would change its bytes (and a URL spelled with them). The byte order mark, if any, stays in the text.
 */
export function readSource(file: string): SourceRead {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, problem: 'a symbolic link: not followed and not replaced' };
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: 'not a regular file: not read' };
    const bytes = readFileSync(fd);
    if (!isUtf8(bytes)) {
      return { ok: false, problem: `not valid UTF-8 (${invalidByte(bytes)}): convert it to UTF-8 first; left untouched`, lossy: bytes.toString('utf8') };
    }
    return { ok: true, text: bytes.toString('utf8'), mode: stat.mode & 0o7777 };
  } finally {
    closeSync(fd);
  }
}

/** Where the first byte that is no UTF-8 sequence is: `line 3, byte 0xE9`. */
function invalidByte(bytes: Uint8Array): string {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const valid = length > 0 && isUtf8(bytes.subarray(i, i + length)) && i + length <= bytes.length;
    if (!valid) return `line ${line}, byte 0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (b === 0x0a) line++;
    i += length;
  }
  return `line ${line}`;
}
