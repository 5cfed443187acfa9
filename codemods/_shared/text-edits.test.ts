import { describe, expect, it } from 'vitest';
import { TextEdits } from './text-edits.js';

describe('TextEdits', () => {
  it('copies what no edit touches and applies the rest at the original offsets', () => {
    const edits = new TextEdits('const a = 1; const b = 2;');
    edits.replace(6, 7, 'x');
    edits.remove(12, 13);
    edits.insert(25, ' // end');
    expect(edits.apply()).toBe('const x = 1;const b = 2; // end');
  });

  it('puts insertions at one offset in rank order, then in the order they were made', () => {
    const edits = new TextEdits('f();');
    edits.insert(0, 'export ');
    edits.insert(0, '/* b */ ', -1);
    edits.insert(0, 'await ');
    edits.insert(0, '/* a */ ', -2);
    expect(edits.apply()).toBe('/* a */ /* b */ export await f();');
  });

  it('puts an insertion at a range start before the range and one at its end after it', () => {
    const edits = new TextEdits('abc');
    edits.replace(1, 2, 'X');
    edits.insert(1, '<');
    edits.insert(2, '>');
    expect(edits.apply()).toBe('a<X>c');
  });

  it('drops the edits inside a removed range, with the insertions strictly inside it', () => {
    const edits = new TextEdits('keep; drop(x); keep;');
    edits.replace(11, 12, 'y');
    edits.insert(10, '/* m */');
    edits.remove(6, 15);
    expect(edits.apply()).toBe('keep; keep;');
  });

  it('refuses an edit inside a replaced range, which would be lost without a word', () => {
    const edits = new TextEdits('call(a, b)');
    edits.replace(0, 10, 'other()');
    edits.replace(5, 6, 'x');
    expect(() => edits.apply()).toThrow('lies inside a replaced range 0-10');
    const inserted = new TextEdits('call(a, b)');
    inserted.replace(0, 10, 'other()');
    inserted.insert(5, '/* m */');
    expect(() => inserted.apply()).toThrow('an insertion at 5 lies inside a replaced range 0-10');
  });

  it('refuses ranges that overlap without one containing the other', () => {
    const edits = new TextEdits('0123456789');
    edits.remove(2, 6);
    edits.remove(4, 8);
    expect(() => edits.apply()).toThrow('overlapping edits at 4-8 and 2-6');
  });

  it('rewrites a range from its current text, taking the edits inside it along', () => {
    const edits = new TextEdits('[a, b]');
    edits.replace(1, 2, 'x');
    edits.rewrite(0, 6, (current) => `(${current})`);
    expect(edits.apply()).toBe('([x, b])');
  });

  it('slices a range with the edits inside it applied, and says what is covered and what was put in', () => {
    const edits = new TextEdits('one two three');
    edits.replace(4, 7, '2');
    expect(edits.slice(0, 7)).toBe('one 2');
    expect(edits.covers(4, 7)).toBe(true);
    expect(edits.covers(3, 7)).toBe(false);
    expect(edits.addedTexts()).toEqual(['2']);
  });
});
