import type { Command } from 'commander';
import { EXIT } from './exit-codes.js';

export function registerRoutes(program: Command): void {
  program
    .command('routes')
    .description('print the route model of a Next.js, zfb or mixed project: every route, its URLs and what is wrong')
    .argument('[dir]', 'project directory', '.')
    .option('--json', 'print the routes JSON contract (byte-identical across runs)')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 at least one error diagnostic, 2 usage error (e.g. not a project).',
    )
    .action(async (dir: string, options: { json?: boolean }) => {
      const { buildRouteModel, buildRoutesJson } = await import('../routes/route-model.js');
      const { ProjectError } = await import('../project/project-error.js');
      const { formatRoutesTable } = await import('../routes/routes-table.js');
      try {
        if (options.json) {
          const { text, errors, printed } = await buildRoutesJson(dir, { print: true });
          if (!printed) process.stdout.write(text);
          process.exitCode = errors > 0 ? EXIT.failed : EXIT.ok;
          return;
        }
        const model = await buildRouteModel(dir);
        process.stdout.write(formatRoutesTable(model));
        process.exitCode = model.diagnostics.some((d) => d.severity === 'error') ? EXIT.failed : EXIT.ok;
      } catch (error) {
        if (!(error instanceof ProjectError)) throw error;
        const { escapeInvisible } = await import('../report/escape.js');
        process.stderr.write(`zfb-next routes: ${escapeInvisible(error.message, { keepNewlines: true })}\n`);
        process.exitCode = EXIT.usage;
      }
    });
}
