import { Command, CommanderError } from 'commander';
import { registerCodemod } from './codemod.js';
import { registerDiff } from './diff.js';
import { EXIT } from './exit-codes.js';
import { registerRoutes } from './routes.js';
import { PACKAGE_VERSION } from '../package-info.js';

export function createProgram(): Command {
  const program = new Command('zfb-next')
    .description('Move static sites from Next.js to the zfb engine, and run both side by side while you move.')
    .version(PACKAGE_VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerRoutes(program);
  registerCodemod(program);
  registerDiff(program);
  return program;
}

/** Runs the CLI and returns the exit code; commander's own errors are usage errors (2). */
export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await createProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`zfb-next: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
  return Number(process.exitCode ?? EXIT.ok);
}

