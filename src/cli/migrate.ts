import type { Command } from 'commander';
import { EXIT } from './exit-codes.js';

interface MigrateCliOptions {
  out?: string;
  dry?: boolean;
  force?: boolean;
  inPlace?: boolean;
  verify?: boolean;
  json?: boolean;
}

const HELP = `
The output (default: <next-repo>-zfb beside the repository) is a zfb project for @takazudo/zfb 0.1.0-next.89
in React mode: npm install && npm run build. It is written into a temporary folder and renamed into place at
the end, so an error or Ctrl-C leaves nothing behind; the source is only read. With --in-place, the source
folder itself becomes the zfb project (its .git kept), and only when its git tree has no uncommitted changes.

MIGRATION-REPORT.md and migration-report.json in the output say what moved, which URLs were lost and why,
and what still needs a person (also every /* @zfb-next-todo */ marker).

Exit codes:
  0  every URL kept, every data function ran
  1  a URL was lost, a data function failed, or --verify found a difference
  2  it could not run as asked (not a Next.js project, the output folder exists, ...)`;

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('turn a Next.js project into a zfb project, with a report of what needs a person')
    .argument('<next-repo>', 'the Next.js project (never modified)')
    .option('--out <dir>', 'where the zfb project goes (default: <next-repo>-zfb)')
    .option('--dry', 'print the plan (every route, its files, transform, markers, URL counts) and write nothing')
    .option('--in-place', 'replace the Next.js project with the zfb project in its own folder (its .git kept); only on a clean git tree')
    .option('--force', 'replace an existing, non-empty --out folder; with --in-place, skip the clean-git-tree check')
    .option('--verify', 'then install the output, run zfb build (and next build of the source), and diff the two')
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText('after', HELP)
    .action(async (source: string, options: MigrateCliOptions) => {
      const { migrate, MigrateUsageError } = await import('../migrate/run.js');
      const { formatPlan, formatSummary } = await import('../migrate/summary.js');
      const { progressBar } = await import('../migrate/progress.js');
      const bar = progressBar(process.stderr);
      let result;
      try {
        result = await migrate({
          source,
          ...(options.out ? { out: options.out } : {}),
          dry: options.dry ?? false,
          force: options.force ?? false,
          inPlace: options.inPlace ?? false,
          verify: options.verify ?? false,
          progress: bar.update,
        });
      } catch (error) {
        bar.done();
        if (!(error instanceof MigrateUsageError)) throw error;
        process.stderr.write(`zfb-next migrate: ${error.message}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      bar.done();
      const { report } = result;
      if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else if (options.dry) process.stdout.write(formatPlan(report) + '\n' + formatSummary(report, false));
      else process.stdout.write(formatSummary(report, true));
      process.exitCode = result.failed ? EXIT.failed : EXIT.ok;
    });
}
