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

/**
 * A reader that stops early (`zfb-next routes | head -1`) closes the pipe, and the next write fails with
 * EPIPE. That is no error of the command: stop writing to that stream and let the command finish, with no
 * stack trace. Installed by the executable only (bin/zfb-next.js), never by code that imports the library.
 */
export function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        stream.write = () => true;
        return;
      }
      throw error;
    });
  }
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

