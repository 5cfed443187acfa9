import type { Segment } from './types.js';

/**
 * One path part of a route into a segment. Only the well-formed shapes are recognised here; malformed
 * brackets are each engine's business (their validators give their own exact messages) and stay static.
 */
export function parseSegment(part: string): Segment {
  let match = /^\[\[\.\.\.([^\]]+)\]\]$/.exec(part);
  if (match) return { kind: 'optional-catchall', name: match[1]! };
  match = /^\[\.\.\.([^\]]+)\]$/.exec(part);
  if (match) return { kind: 'catchall', name: match[1]! };
  match = /^\[([^\][.][^\]]*)\]$/.exec(part);
  if (match) return { kind: 'dynamic', name: match[1]! };
  return { kind: 'static', value: part };
}

/** '/blog/[slug]' into its segments; '/' has none. */
export function parsePattern(pattern: string): Segment[] {
  return pattern.split('/').filter(Boolean).map(parseSegment);
}

export function formatSegment(segment: Segment): string {
  switch (segment.kind) {
    case 'static':
      return segment.value;
    case 'dynamic':
      return `[${segment.name}]`;
    case 'catchall':
      return `[...${segment.name}]`;
    case 'optional-catchall':
      return `[[...${segment.name}]]`;
  }
}

export function formatPattern(segments: readonly Segment[]): string {
  return '/' + segments.map(formatSegment).join('/');
}

export function paramNames(segments: readonly Segment[]): string[] {
  return segments.flatMap((s) => (s.kind === 'static' ? [] : [s.name]));
}

export function isDynamic(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.kind !== 'static');
}
