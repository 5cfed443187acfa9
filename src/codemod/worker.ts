import { parentPort, workerData } from 'node:worker_threads';
import { findTransform } from '../../codemods/index.js';
import { processPath, type FileJob, type FileOutcome, type ProcessOptions } from './process-file.js';

/** A pool worker: loads the transform once, then processes the batches of files the pool sends. */
interface WorkerInit {
  transform: string;
  options: ProcessOptions;
  /** Set by the main thread when the run is interrupted (see interrupt.ts). */
  stop: Int32Array;
}

const init = workerData as WorkerInit;
const entry = findTransform(init.transform);
if (!entry || !parentPort) throw new Error(`worker started without a transform (${init.transform})`);
const port = parentPort;
const transform = await entry.load();

const knownDirs = new Set<string>();

port.on('message', (batch: FileJob[] | null) => {
  if (batch === null) {
    port.close();
    return;
  }
  // One file at a time, one message each once it is written: if this thread dies partway, the pool knows which
  // files are done (maybe moved already). Grouped checks (transformFiles) would report none of a group's files
  // until all of them were transformed.
  for (const job of batch) {
    // Interrupted: the files done so far are reported; the rest of the batch is not begun.
    if (Atomics.load(init.stop, 0) !== 0) {
      port.postMessage('stopped');
      return;
    }
    port.postMessage(processPath(transform, job, init.options, knownDirs) satisfies FileOutcome);
  }
});
port.postMessage('ready');
