import { constants } from 'node:os';
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
    .option('--force', 'run even when a git repository of the files has uncommitted changes, and write read-only files (keeping their mode)')
    .option('--json', 'print the summary as JSON')
    .option('--workers <n>', 'worker threads beside the main one (default: one per further core above 2,000 files to parse; at most one per further core)', workerCount)
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 a file could not be transformed (left untouched), 2 usage error (unknown transform, missing path, dirty git tree, ' +
        'a next.config that cannot be evaluated), 130/143 stopped by SIGINT/SIGTERM (files not reached are left as they were).',
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
        // A stopped run exits as the signal would have ended it (128 + its number), after saying what it did.
        if (summary.interrupted) process.exitCode = 128 + constants.signals[summary.interrupted.signal];
        else process.exitCode = summary.counts.failed > 0 ? EXIT.failed : EXIT.ok;
      } catch (error) {
        if (!(error instanceof CodemodUsageError)) throw error;
        process.stderr.write(`zfb-next codemod: ${error.message}\n`);
        process.exitCode = EXIT.usage;
      }
    });
}
