import { prewarmHosts } from '../load/host-process.js';

/**
 * The commands that run project code need a host process per project side (load/host.ts). The published
 * entry point starts them before it loads the CLI itself, so that their start-up overlaps with ours.
 * A side that is a routes JSON file needs none.
 */
export function startHostsEarly(argv: readonly string[]): void {
  const [command, ...rest] = argv.slice(2);
  if (rest.includes('--help') || rest.includes('-h')) return;
  const sides = rest.filter((arg) => !arg.startsWith('-')).slice(0, 2);
  if (command === 'build') {
    prewarmHosts(1, 'build');
    return;
  }
  if (command === 'routes') {
    // `routes --json` has its host print the JSON (load/host.ts HostOptions.print).
    prewarmHosts(1, 'model', rest.includes('--json'));
    return;
  }
  const projects = command === 'diff' ? sides.filter((side) => !side.endsWith('.json')).length : 0;
  if (projects > 0) prewarmHosts(projects);
}
