import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Tests that spawn the published entry point (bin/zfb-next.js, the CLI bundle) or load the compiled library
 * need dist/ to match src/: build both once, before any test file runs (what `npm run build` does).
 */
export default function setup(): void {
  // One id per test run: ground-truth builds (test/helpers/ground-truth.ts) are made once per run.
  process.env.ZFB_NEXT_TEST_RUN_ID ??= `${Date.now()}-${process.pid}`;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  node([path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  node([path.join(root, 'scripts/build-cli.mjs')]);
}
