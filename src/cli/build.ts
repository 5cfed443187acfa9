import { type Command, InvalidArgumentError } from 'commander';
import { EXIT } from './exit-codes.js';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function shard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError('expected k/n with 1 <= k <= n, e.g. 2/4');
  return { index, count };
}

function layout(value: string): 'zfb' | 'next-export' {
  if (value !== 'zfb' && value !== 'next-export') throw new InvalidArgumentError('expected zfb or next-export');
  return value;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build a Next.js project (pages/, app/, or both, half-migrated ones included) as a static site, without changing it')
    .argument('[dir]', 'project directory', '.')
    .option('--out <dir>', 'output folder (default: <dir>/dist, or <dir>/out with --layout next-export)')
    .option('--layout <layout>', 'zfb (url/index.html and __zfb/routes.json) or next-export (the file names of output: export)', layout, 'zfb')
    .option('--keep-going', 'write every page that renders even when others fail (the build still exits 1)')
    .option('--jobs <n>', 'render processes (default: one per core)', positiveInteger)
    .option('--shard <k/n>', 'build only the k-th of n deterministic parts of the URLs (for a CI matrix)', shard)
    .addHelpText('after', '\nExit codes: 0 every URL written, 1 a page failed or the route model has errors, 2 usage error.')
    .action(async (dir: string, options: { out?: string; layout: 'zfb' | 'next-export'; keepGoing?: boolean; jobs?: number; shard?: { index: number; count: number } }) => {
      const { runBuild } = await import('../build/build.js');
      const { formatSummary, progressLine } = await import('../build/summary.js');
      const { ProjectError } = await import('../project/discover.js');
      const tty = process.stderr.isTTY === true;
      try {
        const result = await runBuild(dir, {
          ...(options.out ? { out: options.out } : {}),
          layout: options.layout,
          keepGoing: options.keepGoing === true,
          ...(options.jobs ? { jobs: options.jobs } : {}),
          ...(options.shard ? { shard: options.shard } : {}),
          ...(tty ? { onProgress: (done: number, total: number) => process.stderr.write(progressLine(done, total)) } : {}),
        });
        if (tty) process.stderr.write('\n');
        process.stdout.write(formatSummary(result));
        const failed = result.stopped !== undefined || result.failures.length > 0 || result.diagnostics.some((d) => d.severity === 'error');
        process.exitCode = failed ? EXIT.failed : EXIT.ok;
      } catch (error) {
        if (!(error instanceof ProjectError)) throw error;
        process.stderr.write(`zfb-next build: ${error.message}\n`);
        process.exitCode = EXIT.usage;
      }
    });
}

export function registerMergeShards(program: Command): void {
  program
    .command('merge-shards')
    .description('join the outputs of `zfb-next build --shard k/n` runs (and their __zfb/routes.json) into one site')
    .argument('<out>', 'the merged site folder (replaced atomically)')
    .argument('<shards...>', 'the shard output folders')
    .action(async (out: string, shards: string[]) => {
      const { mergeShards, MergeError } = await import('../build/merge-shards.js');
      try {
        const { files, routes } = mergeShards(out, shards);
        process.stdout.write(`merged ${shards.length} shards into ${out}: ${routes} routes, ${files} files\n`);
      } catch (error) {
        if (!(error instanceof MergeError)) throw error;
        process.stderr.write(`zfb-next merge-shards: ${error.message}\n`);
        process.exitCode = EXIT.failed;
      }
    });
}
