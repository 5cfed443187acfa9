import type { DiffReport, RouteChange } from './diff-report.js';
import { escapeXml as x } from './escape.js';
import { isFailing } from './policy.js';

interface TestCase {
  name: string;
  classname: string;
  failure?: { message: string; body: string };
  out?: string;
}

/**
 * JUnit XML for CI test panels: one test case per removed URL (failing unless --allow covers it), per
 * added URL, per changed route and per page with changed text (failing when --fail-on includes them), and
 * one passing case per route for its unchanged URLs, so the panel's totals show the size of the site.
 */
export function renderJunit(report: DiffReport): string {
  const failOn = report.policy.failOn;
  const suites: Array<{ name: string; cases: TestCase[] }> = [
    {
      name: 'removed URLs',
      cases: report.removed.map((r) => ({
        name: r.url,
        classname: 'zfb-next.diff.removed',
        ...(r.allowedBy === null && isFailing('removed', failOn)
          ? { failure: { message: `${r.url} is no longer served`, body: `was served by ${r.base.pattern} (${r.base.file || 'unknown file'}) in ${report.base.spec}` } }
          : { out: r.allowedBy === null ? 'removed (not failing: --fail-on none)' : `removal allowed by ${r.allowedBy}` }),
      })),
    },
    {
      name: 'added URLs',
      cases: report.added.map((a) => ({
        name: a.url,
        classname: 'zfb-next.diff.added',
        ...(isFailing('added', failOn)
          ? { failure: { message: `${a.url} is new`, body: `served by ${a.head.pattern} (${a.head.file || 'unknown file'})` } }
          : { out: `served by ${a.head.pattern}` }),
      })),
    },
    {
      name: 'changed routes',
      cases: report.routeChanges.map((c) => ({
        name: `${c.base.pattern}${c.base.pattern === c.head.pattern ? '' : ` → ${c.head.pattern}`}`,
        classname: 'zfb-next.diff.route',
        ...(isFailing('changed', failOn) ? { failure: { message: describe(c), body: describe(c) } } : { out: describe(c) }),
      })),
    },
    {
      name: 'pages with changed text',
      cases: report.textChanges.map((t) => {
        const body = `base: ${t.base.excerpt}\nhead: ${t.head.excerpt}`;
        return {
          name: t.url,
          classname: 'zfb-next.diff.text',
          ...(isFailing('changed', failOn) ? { failure: { message: `the text of ${t.url} changed`, body } } : { out: body }),
        };
      }),
    },
    { name: 'unchanged URLs', cases: unchangedCases(report) },
  ];

  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="zfb-next diff" tests="${tests}" failures="${failures}" errors="0">`);
  for (const suite of suites) {
    const suiteFailures = suite.cases.filter((c) => c.failure).length;
    out.push(`  <testsuite name="${x(suite.name)}" tests="${suite.cases.length}" failures="${suiteFailures}" errors="0" skipped="0">`);
    for (const c of suite.cases) {
      const open = `    <testcase name="${x(c.name)}" classname="${x(c.classname)}"`;
      if (c.failure) {
        out.push(`${open}>`, `      <failure message="${x(c.failure.message)}">${x(c.failure.body)}</failure>`, '    </testcase>');
      } else if (c.out) {
        out.push(`${open}>`, `      <system-out>${x(c.out)}</system-out>`, '    </testcase>');
      } else {
        out.push(`${open}/>`);
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}

function describe(c: RouteChange): string {
  const parts: string[] = [];
  if (c.changes.includes('file')) parts.push(`source file ${c.base.file} → ${c.head.file}`);
  if (c.changes.includes('unmatched')) parts.push(`unmatched URLs ${c.base.unmatched} → ${c.head.unmatched}`);
  if (c.changes.includes('provider')) parts.push(`provider ${c.base.providers?.join('+') || '(none)'} → ${c.head.providers?.join('+') || '(none)'}`);
  return parts.join('; ');
}

/** One passing case per (base route, head route) with the number of URLs both still serve. */
function unchangedCases(report: DiffReport): TestCase[] {
  const groups = new Map<string, { name: string; count: number }>();
  for (const u of report.unchanged) {
    const key = `${u.base.pattern}\u0000${u.base.file}\u0000${u.head.pattern}\u0000${u.head.file}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { name: u.base.pattern === u.head.pattern ? u.base.pattern : `${u.base.pattern} → ${u.head.pattern}`, count: 1 });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({ name: `${g.name} (${g.count} URL${g.count === 1 ? '' : 's'})`, classname: 'zfb-next.diff.unchanged' }));
}
