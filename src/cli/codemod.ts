import { InvalidArgumentError, type Command } from 'commander';
import { TRANSFORMS } from '../../codemods/index.js';
import { CodemodUsageError } from '../codemod/errors.js';
import { EXIT } from './exit-codes.js';

interface CodemodFlags {
  dry?: boolean;
  print?: boolean;
  force?: boolean;
  json?: boolean;
  list?: boolean;
  workers?: number;
}

function workerCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number (0 runs every transform on the main thread)');
  return Number(value);
}

function listing(): string {
  const width = Math.max(...TRANSFORMS.map((t) => t.name.length));
  return TRANSFORMS.map((t) => `${t.name.padEnd(width)}  ${t.description}`).join('\n') + '\n';
}

export function registerCodemod(program: Command): void {
  program
    .command('codemod')
    .description('rewrite getStaticPaths / generateStaticParams / zfb paths() pages from one router to another')
    .argument('[name]', 'transform name (see --list)')
    .argument('[paths...]', 'files or directories to transform')
    .option('--list', 'list the transforms')
    .option('--dry', 'change nothing on disk (no git check either)')
    .option('--print', 'print a unified diff of every change')
    .option('--force', 'run even when the git work tree has uncommitted changes')
    .option('--json', 'print the summary as JSON')
    .option('--workers <n>', 'worker threads beside the main one (default: one per further core above 2,000 files to parse)', workerCount)
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 a file could not be transformed (left untouched), 2 usage error (unknown transform, missing path, dirty git tree).',
    )
    .action(async (name: string | undefined, paths: string[], flags: CodemodFlags) => {
      if (flags.list) {
        process.stdout.write(listing());
        process.exitCode = EXIT.ok;
        return;
      }
      if (!name) {
        process.stderr.write(`zfb-next codemod: missing transform name; valid transforms:\n${listing()}`);
        process.exitCode = EXIT.usage;
        return;
      }
      if (!TRANSFORMS.some((t) => t.name === name)) {
        process.stderr.write(`zfb-next codemod: unknown transform "${name}"; valid transforms:\n${listing()}`);
        process.exitCode = EXIT.usage;
        return;
      }
      // Loaded on use, so `zfb-next --help` and the other commands stay quick.
      const { formatSummary, runCodemod, summaryJson } = await import('../codemod/run.js');
      try {
        const summary = await runCodemod({ name, paths, dry: flags.dry, print: flags.print, force: flags.force, json: flags.json, workers: flags.workers });
        process.stdout.write(flags.json ? summaryJson(summary) : formatSummary(summary));
        process.exitCode = summary.counts.failed > 0 ? EXIT.failed : EXIT.ok;
      } catch (error) {
        if (!(error instanceof CodemodUsageError)) throw error;
        process.stderr.write(`zfb-next codemod: ${error.message}\n`);
        process.exitCode = EXIT.usage;
      }
    });
}
