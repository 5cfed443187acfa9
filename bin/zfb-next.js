#!/usr/bin/env node
// The published entry point: the CLI is bundled into dist/cli/ (built by `npm install` through `prepare`).
import { ignoreClosedPipes, main } from '../dist/cli/main.js';

ignoreClosedPipes();
process.exitCode = await main(process.argv);
