// Validating many resources without freezing the thread that does it: work in time slices, report
// progress after each slice, and give pending messages (a cancel request) a chance to run between them.
import { PdexError } from './errors.js';
import type { PdexCore } from './core.js';
import type { OperationOutcome, ResourceInput, ValidateOptions } from './types.js';

export interface BatchHooks {
  onProgress?: (done: number, total: number) => void;
  /** Polled between slices; true stops the batch with PdexError('cancelled'). */
  cancelled?: () => boolean;
}

/** Longest stretch of work between two yields; short enough for a responsive cancel. */
const SLICE_MS = 50;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function validateBatch(
  core: PdexCore,
  resources: readonly ResourceInput[],
  options: ValidateOptions,
  hooks: BatchHooks = {},
): Promise<OperationOutcome[]> {
  const results: OperationOutcome[] = [];
  let sliceStart = Date.now();
  for (let i = 0; i < resources.length; i++) {
    if (i === 0 || Date.now() - sliceStart >= SLICE_MS) {
      if (i > 0) hooks.onProgress?.(i, resources.length);
      await yieldToEventLoop();
      if (hooks.cancelled?.()) throw new PdexError('cancelled', `cancelled after ${i} of ${resources.length} resources`);
      sliceStart = Date.now();
    }
    results.push(core.validate(resources[i], options));
  }
  hooks.onProgress?.(resources.length, resources.length);
  return results;
}
