// serveCore: the worker side of the protocol. A worker entry calls it with its global scope and a
// function that loads the core (the browser's: @pdex/core/worker's loadBrowserCore; Node's worker
// threads: loadPdexCore from @pdex/core/node), so this file stays free of how the module is found.
import { validateBatch } from './batch.js';
import { PdexError } from './errors.js';
import { remoteMethods } from './methods.js';
import type { PdexCore } from './core.js';
import type { MessageEndpoint, Request, Response } from './protocol.js';

export function serveCore(scope: MessageEndpoint, loadCore: () => Promise<PdexCore>): void {
  const core = loadCore();
  core.catch(() => {});  // reported per request below
  const cancelled = new Set<number>();
  const reply = (response: Response) => scope.postMessage(response);

  async function run(ready: PdexCore, request: Exclude<Request, { type: 'cancel' }>): Promise<unknown> {
    if (request.type === 'validateMany') {
      return validateBatch(ready, request.resources, request.options, {
        onProgress: (done, total) => reply({ id: request.id, type: 'progress', done, total }),
        cancelled: () => cancelled.has(request.id),
      });
    }
    if (!remoteMethods.includes(request.method)) throw new PdexError('bad-input', `unknown method '${request.method}'`);
    const method = ready[request.method] as (...args: unknown[]) => unknown;
    return method.apply(ready, request.args);
  }

  scope.addEventListener('message', async (event: MessageEvent) => {
    const request = event.data as Request;
    if (request.type === 'cancel') {
      cancelled.add(request.target);
      return;
    }
    try {
      reply({ id: request.id, type: 'result', value: await run(await core, request) });
    } catch (error) {
      const code = error instanceof PdexError ? error.code : 'worker-failed';
      reply({ id: request.id, type: 'error', code, message: error instanceof Error ? error.message : String(error) });
    } finally {
      cancelled.delete(request.id);
    }
  });
}
