import { describe, expect, it } from 'vitest';
import { onPlainText } from './plain-text.js';
import type { Transform, TransformInput } from './types.js';

const input = (source: string): TransformInput => ({ path: 'pages/a.tsx', source, readFile: () => undefined });
const seen: string[] = [];
const appendLine: Transform = ({ source }) => (seen.push(source), { source: source + 'added;\n', markers: [] });
const same: Transform = ({ source }) => ({ source, markers: [] });
const none: Transform = () => ({ source: null, markers: [] });

describe('onPlainText', () => {
  it('hands the transform LF line ends without the mark, and gives the output both back', () => {
    const result = onPlainText(appendLine)(input('\uFEFFa;\r\nb;\r\n'));
    expect(seen.at(-1)).toBe('a;\nb;\n');
    expect(result.source).toBe('\uFEFFa;\r\nb;\r\nadded;\r\n');
  });

  it('writes every line with the first line end of a module that mixed them', () => {
    expect(onPlainText(appendLine)(input('a;\r\nb;\nc;\r')).source).toBe('a;\r\nb;\r\nc;\r\nadded;\r\n');
  });

  it('keeps text the transform left alone byte for byte, and no change as no change', () => {
    expect(onPlainText(same)(input('a;\r\nb;\n')).source).toBe('a;\r\nb;\n');
    expect(onPlainText(none)(input('a;\r\n')).source).toBeNull();
  });

  it('hands the transform the modules it reads beside as plain text too', () => {
    const readsLayout: Transform = ({ readFile }) => ({ source: readFile('app/layout.tsx') ?? null, markers: [] });
    const result = onPlainText(readsLayout)({ ...input('a;\n'), readFile: () => '\uFEFFlayout;\r\n' });
    expect(result.source).toBe('layout;\n');
  });

  it('passes plain text through untouched', () => {
    expect(onPlainText(appendLine)(input('a;\n')).source).toBe('a;\nadded;\n');
    expect(seen.at(-1)).toBe('a;\n');
  });
});
