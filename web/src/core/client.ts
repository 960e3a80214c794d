// The page's one connection to the core: a WorkerClient over a module worker.
import { WorkerClient } from '@pdex/core';

export function startCore(): WorkerClient {
  return new WorkerClient(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
}
