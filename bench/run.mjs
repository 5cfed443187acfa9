// `npm run bench`: every bench/<area>.mjs, each printed as a table. Uses the compiled CLI in dist/.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')))
  .sort();

function table(rows) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (row) => '| ' + row.map((v, i) => v.padEnd(widths[i])).join(' | ') + ' |';
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

let failed = false;
for (const file of files) {
  const name = file.replace(/\.mjs$/, '');
  process.stdout.write(`\n## ${name}\n\n`);
  const { default: bench } = await import(path.join(here, file));
  const rows = await bench();
  process.stdout.write(table(rows) + '\n');
  if (rows.some((r) => r.target && r.met === 'no')) failed = true;
}
process.stdout.write(failed ? '\nSome targets were missed (see the "met" column).\n' : '\nAll targets met.\n');
