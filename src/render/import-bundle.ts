import { pathToFileURL } from 'node:url';
import { type CallGuard, UserCodeFault } from '../load/call-guard.js';

/**
 * Imports the bundle of a project module through the guard. An error thrown while it loads (a package that
 * touches `window` or `HTMLElement` at its top level, say) names the project file the bundle was made from:
 * the bundle's own path is a temporary file the user never saw.
 */
export async function importBundle(guard: CallGuard, file: string, bundle: string, role?: string): Promise<Record<string, unknown>> {
  try {
    return (await guard.run({ file, function: 'import' }, () => import(pathToFileURL(bundle).href))) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof UserCodeFault) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const failure = new Error(`cannot load ${file}${role ? ` (${role})` : ''}: ${message}`);
    failure.name = 'ModuleLoadError';
    throw failure;
  }
}
