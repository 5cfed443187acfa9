import { prewarmHosts } from '../load/host.js';

/**
 * The commands that run project code need a host process per project side (load/host.ts). The published
 * entry point starts them before it loads the CLI itself, so that their start-up overlaps with ours.
 */
export function startHostsEarly(argv: readonly string[]): void {
  const command = argv[2];
  const hosts = command === 'routes' ? 1 : command === 'diff' ? 2 : 0;
  if (hosts === 0 || argv.includes('--help') || argv.includes('-h')) return;
  prewarmHosts(hosts);
}
