import { markersIn } from '../../codemods/_shared/marker.js';
import type { Marker } from './types.js';

/** Every `@zfb-next-todo` marker of an output file, for the report. */
export function markersOf(file: string, text: string): Marker[] {
  return markersIn(text).map((marker) => ({ file, line: marker.line, reason: marker.reason }));
}
