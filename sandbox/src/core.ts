// The C++ core (WebAssembly, @pdex/core) that runs every piece of PDex logic in the sandbox: member
// matching, consent evaluation, segmentation, claims → clinical and release assembly. One instance per
// process, shared by every server (it is single-threaded and synchronous, like the rest of a request's
// handling); started once, on first use, with the R4 definitions and our profiles loaded.
import type { PdexCore } from '@pdex/core';
import { loadPdexCore } from '@pdex/core/node';

let starting: Promise<PdexCore> | undefined;

export function pdexCore(): Promise<PdexCore> {
  starting ??= loadPdexCore();
  return starting;
}
