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
      const { buildRouteModel } = await import('../routes/build-model.js');
      const { ProjectError } = await import('../project/discover.js');
      const { toRoutesJson } = await import('../routes/routes-json.js');
      const { formatRoutesTable } = await import('../routes/routes-table.js');
      try {
        const model = await buildRouteModel(dir);
        process.stdout.write(options.json ? toRoutesJson(model) : formatRoutesTable(model));
        process.exitCode = model.diagnostics.some((d) => d.severity === 'error') ? EXIT.failed : EXIT.ok;
      } catch (error) {
        if (!(error instanceof ProjectError)) throw error;
        const { escapeInvisible } = await import('../report/escape.js');
        process.stderr.write(`zfb-next routes: ${escapeInvisible(error.message, { keepNewlines: true })}\n`);
        process.exitCode = EXIT.usage;
      }
    });
}
