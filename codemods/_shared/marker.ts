import { TODO_MARKER, type Marker } from './types.js';

/** A reason fits on one line and cannot close the comment it lives in. */
function cleanReason(reason: string): string {
  return reason.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
}

/** The marker comment itself, `/* @zfb-next-todo: reason *\/`, for code written as text. */
export function markerComment(reason: string): string {
  return `/* ${TODO_MARKER}: ${cleanReason(reason)} */`;
}

/**
 * New code with a marker for each reason above its first statement: below the doc comment that leads it, which
 * stays the statement's own.
 */
export function withMarkers(code: string, reasons: readonly string[]): string {
  if (reasons.length === 0) return code;
  const lines = code.split('\n');
  let at = 0;
  if (lines[0]?.startsWith('/**')) {
    while (at < lines.length && !lines[at]!.trimEnd().endsWith('*/')) at++;
    at++;
  }
  lines.splice(at, 0, ...reasons.map(markerComment));
  return lines.join('\n');
}

const MARKER = new RegExp(`${TODO_MARKER.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}:\\s*(.*?)\\s*(?:\\*/|$)`, 'g');

/** Every marker in a text, with its 1-based line (a line may hold several, inline before expressions). */
export function markersIn(text: string): Marker[] {
  const markers: Marker[] = [];
  // Most files carry none, and this runs on every output and its input.
  if (!text.includes(TODO_MARKER)) return markers;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    for (const match of lines[i]!.matchAll(MARKER)) markers.push({ line: i + 1, reason: match[1]! });
  }
  return markers;
}

/** The markers of `after` that `before` did not already carry (a marker left from an earlier run is not new). */
export function newMarkers(before: string, after: string): Marker[] {
  const old = new Map<string, number>();
  for (const m of markersIn(before)) old.set(m.reason, (old.get(m.reason) ?? 0) + 1);
  return markersIn(after).filter((m) => {
    const count = old.get(m.reason) ?? 0;
    if (count > 0) {
      old.set(m.reason, count - 1);
      return false;
    }
    return true;
  });
}
