// The closing line of a CI run (.ci/run), from vitest's JSON report: passed and failed tests, and passed and
// failed test files. A file can fail with no failing test (a beforeAll that throws, an import that fails):
// its tests then count as skipped, so the file count is what shows it.
//   node scripts/test-summary.mjs <vitest-json-report>...   (one line per report)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function testSummary(report, cwd = process.cwd()) {
  const failedFiles = report.testResults.filter((file) => file.status === 'failed').map((file) => path.relative(cwd, file.name));
  const skipped = report.numPendingTests + report.numTodoTests;
  return (
    `vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
    (skipped ? `, ${skipped} skipped` : '') +
    `; test files: ${report.testResults.length - failedFiles.length} passed, ${failedFiles.length} failed` +
    (failedFiles.length ? ` (${failedFiles.join(', ')})` : '')
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const files = process.argv.length > 2 ? process.argv.slice(2) : ['.work/test-results.json'];
  for (const file of files) {
    const label = files.length > 1 ? `${file}: ` : '';
    console.log(label + (existsSync(file) ? testSummary(JSON.parse(readFileSync(file, 'utf8'))) : 'vitest: no results written (the run stopped before the tests; see above)'));
  }
}
