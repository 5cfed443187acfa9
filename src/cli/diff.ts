import { Command, Option } from 'commander';
import { DIFF_FORMATS, FAIL_ON_VALUES, type DiffFormat, type FailOn } from '../report/diff-report.js';

interface DiffCliOptions {
  format: DiffFormat;
  output?: string;
  force?: boolean;
  failOn: FailOn;
  allow?: string;
}

const SIDES_HELP = `
Each side can be:
  a project directory        the route model is computed (Next.js pages/app, zfb, or mixed)
  a routes JSON file         written by \`zfb-next routes --json\` (version 1)
  a zfb build output         dist/ (read from dist/__zfb/routes.json)
  a Next.js build            .next/ (its manifests), or an out/ export tree
  git:<ref>[:<path>]         <path> (default: the current directory) at that commit, read from a
                             temporary git worktree that is always removed afterwards

URLs are compared in one form: decoded, with / # ? \\ inside a segment percent-escaped, no trailing
slash (Next.js manifest keys as they are, zfb URLs escaped), so "/b/hello world" from both engines
is the same URL. /404, /500 and Next's internal pages are never compared.

Exit codes:
  0  nothing matches --fail-on
  1  something matches --fail-on
  2  a side or the --allow file cannot be read, or --output names an existing file that is not
     an earlier report (the message names which and why)

When --output or GITHUB_STEP_SUMMARY cannot be written, the message says why and the report is
printed to stdout instead; the exit code stays the one above.

With --format md and GITHUB_STEP_SUMMARY set, the report is also appended to the job summary.

Examples:
  $ zfb-next diff git:origin/main . --format md --output diff.md
  $ zfb-next diff next-site/.next zfb-site/dist --fail-on changed --format junit --output diff.xml
  $ zfb-next diff base-routes.json head-routes.json --allow .zfb-next-allow`;

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('report which URLs a change adds, removes or alters, between two projects, builds, routes JSON files or git refs')
    .argument('<base>', 'the side before the change')
    .argument('<head>', 'the side after the change')
    .addOption(new Option('--format <format>', 'report format').choices([...DIFF_FORMATS]).default('md'))
    .option('--output <file>', 'write the report to <file> instead of stdout (an existing file only if it is an earlier report)')
    .option('--force', 'let --output replace an existing file that is not a zfb-next diff report')
    .addOption(
      new Option(
        '--fail-on <what>',
        'exit 1 on: removed URLs; changed = removed + changed routes and page text; any = changed + added; none',
      )
        .choices([...FAIL_ON_VALUES])
        .default('removed'),
    )
    .option('--allow <file>', 'URL globs of intended removals, one per line (# comments); they do not fail the run')
    .addHelpText('after', SIDES_HELP)
    .action(async (base: string, head: string, options: DiffCliOptions) => {
      // Loaded on use: the readers pull in the whole route model, which other commands do not need.
      const { runDiff } = await import('../report/run-diff.js');
      const result = await runDiff({ base, head, ...options });
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    });
}
