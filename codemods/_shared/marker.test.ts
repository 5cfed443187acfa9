import { expect, it } from 'vitest';
import { markerComment, markersIn, newMarkers, withMarkers } from './marker.js';

it('finds every marker of a text with its line, several on one line too', () => {
  const text = `const a = 1;\n${markerComment('first')}\nreturn [${markerComment('second')} x, ${markerComment('third */ part')} y];\n// @zfb-next-todo: a line comment\n`;
  expect(markersIn(text)).toEqual([
    { line: 2, reason: 'first' },
    { line: 3, reason: 'second' },
    { line: 3, reason: 'third * / part' },
    { line: 4, reason: 'a line comment' },
  ]);
});

it('counts as new only the markers the earlier text did not carry', () => {
  const before = `${markerComment('kept')}\nx;\n`;
  const after = `${markerComment('kept')}\nx; ${markerComment('kept')} ${markerComment('added')}\n`;
  expect(newMarkers(before, after)).toEqual([
    { line: 2, reason: 'kept' },
    { line: 2, reason: 'added' },
  ]);
});

it('puts markers above new code, below the doc comment that leads it', () => {
  expect(withMarkers('export const a = 1;', ['why'])).toBe(`${markerComment('why')}\nexport const a = 1;`);
  expect(withMarkers('/**\n * Doc.\n */\nexport function f() {}', ['one', 'two'])).toBe(
    `/**\n * Doc.\n */\n${markerComment('one')}\n${markerComment('two')}\nexport function f() {}`,
  );
  expect(withMarkers('const b = 2;', [])).toBe('const b = 2;');
});
