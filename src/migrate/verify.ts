import type { Writable } from 'node:stream';
import type { ProgressEvent } from './run.js';
import type { MigrationReport } from './types.js';

export interface VerifyInput {
  report: MigrationReport;
  source: string;
  target: string;
  progress: (event: ProgressEvent) => void;
  userOutput?: Writable;
}

export async function verifyMigration(_input: VerifyInput): Promise<void> {
  throw new Error('not yet');
}
