import type { ProgressEvent } from './run.js';

export interface ProgressBar {
  update(event: ProgressEvent): void;
  done(): void;
}

const WIDTH = 24;

/**
 * One line on a terminal, redrawn in place: files scanned, then routes migrated. Off the terminal (CI logs,
 * a pipe) it writes nothing, so the output stays the summary alone.
 */
export function progressBar(stream: NodeJS.WriteStream): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  let shown = false;
  let last = 0;
  const draw = (text: string, force = false) => {
    const now = Date.now();
    if (!force && now - last < 50) return;
    last = now;
    shown = true;
    stream.write(`\r\x1b[2K${text}`);
  };
  return {
    update(event) {
      switch (event.phase) {
        case 'scan':
          return draw(`scanning files: ${event.files}`);
        case 'model':
          return draw('running the data functions of the Next.js project (route model)…', true);
        case 'routes': {
          const filled = event.total === 0 ? WIDTH : Math.round((event.done / event.total) * WIDTH);
          return draw(`[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${event.done}/${event.total} routes migrated`, event.done === event.total);
        }
        case 'write':
          return draw('writing the zfb project…', true);
        case 'verify':
          return draw(`verifying: ${event.step}…`, true);
      }
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
