#!/usr/bin/env node
// The published entry point: the CLI is bundled into dist/cli/ (built by `npm install` through `prepare`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
