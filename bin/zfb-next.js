#!/usr/bin/env node
// The published entry point: the CLI is bundled into dist/cli/ (built by `npm install` through `prepare`).
// Hosts for project code start first, so that their start-up overlaps with the CLI's own (load/host.ts).
import { startHostsEarly } from '../dist/cli/early-hosts.js';

startHostsEarly(process.argv);
const { ignoreClosedPipes, main } = await import('../dist/cli/main.js');

ignoreClosedPipes();
process.exitCode = await main(process.argv);
