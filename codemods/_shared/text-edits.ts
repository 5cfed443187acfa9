/**
 * Edits on a text, applied in one pass: what no edit touches is copied byte for byte. Offsets are into the
 * original text.
 *
 * - A removal takes every edit inside its range with it: what it removes is gone, edits included.
 * - A replacement must not contain another edit, unless it was written from that edit's result (`rewrite`):
 *   an edit it would silently drop (a rename, a marker) is a bug in the transform, and throws.
 * - Ranges that overlap without one containing the other throw.
 * - Several insertions at one offset come out in the order of their rank, then in the order they were made; an
 *   insertion at the start or end of a range lands before or after it.
 */

interface RangeEdit {
  start: number;
  end: number;
  text: string;
  /** Removed, or rewritten from what the edits inside it gave: edits inside it are dropped. */
  absorbs: boolean;
}

interface Insertion {
  at: number;
  text: string;
  rank: number;
  order: number;
}

export class TextEdits {
  private readonly ranges: RangeEdit[] = [];
  private readonly insertions: Insertion[] = [];

  constructor(readonly source: string) {}

  replace(start: number, end: number, text: string): void {
    if (start === end) this.insert(start, text);
    else this.ranges.push({ start, end, text, absorbs: false });
  }

  remove(start: number, end: number): void {
    if (start < end) this.ranges.push({ start, end, text: '', absorbs: true });
  }

  /** Replaces a range with text made from its current text (the edits inside it applied), which it drops. */
  rewrite(start: number, end: number, make: (current: string) => string): void {
    this.ranges.push({ start, end, text: make(this.slice(start, end)), absorbs: true });
  }

  /** Lower ranks come first among insertions at one offset (markers go before any other inserted code). */
  insert(at: number, text: string, rank = 0): void {
    this.insertions.push({ at, text, rank, order: this.insertions.length });
  }

  /** Whether `start`…`end` lies inside a range already removed or replaced. */
  covers(start: number, end: number): boolean {
    return this.ranges.some((r) => r.start <= start && end <= r.end);
  }

  /** Every text the edits put in. */
  addedTexts(): string[] {
    return [...this.ranges, ...this.insertions].map((edit) => edit.text).filter((text) => text !== '');
  }

  /** The text from `start` to `end` with the edits inside that range applied. */
  slice(start: number, end: number): string {
    return this.render(start, end);
  }

  apply(): string {
    return this.render(0, this.source.length);
  }

  private render(from: number, to: number): string {
    const ranges = this.kept(from, to);
    const insertions = this.insertions
      .filter((i) => i.at >= from && i.at <= to && !this.swallowed(i, ranges))
      .sort((a, b) => a.at - b.at || a.rank - b.rank || a.order - b.order);
    let out = '';
    let position = from;
    let next = 0;
    const flushInsertions = (upTo: number): void => {
      while (next < insertions.length && insertions[next]!.at <= upTo) {
        const insertion = insertions[next++]!;
        out += this.source.slice(position, insertion.at) + insertion.text;
        position = insertion.at;
      }
    };
    for (const range of ranges) {
      flushInsertions(range.start);
      out += this.source.slice(position, range.start) + range.text;
      position = range.end;
    }
    flushInsertions(to);
    return out + this.source.slice(position, to);
  }

  /** The outermost ranges within from…to, in order, after checking how they nest. */
  private kept(from: number, to: number): RangeEdit[] {
    const inside = this.ranges.filter((r) => r.start >= from && r.end <= to).sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: RangeEdit[] = [];
    for (const range of inside) {
      const outer = kept[kept.length - 1];
      if (!outer || range.start >= outer.end) {
        kept.push(range);
        continue;
      }
      if (range.end > outer.end) throw new Error(`overlapping edits at ${range.start}-${range.end} and ${outer.start}-${outer.end}`);
      if (!outer.absorbs) throw new Error(`an edit at ${range.start}-${range.end} lies inside a replaced range ${outer.start}-${outer.end}`);
    }
    return kept;
  }

  private swallowed(insertion: Insertion, ranges: readonly RangeEdit[]): boolean {
    const around = ranges.find((r) => r.start < insertion.at && insertion.at < r.end);
    if (!around) return false;
    if (around.absorbs) return true;
    throw new Error(`an insertion at ${insertion.at} lies inside a replaced range ${around.start}-${around.end}`);
  }
}
