// The validator page: paste or open FHIR JSON, validate it in the WebAssembly core (in a worker),
// see every issue with its location.
import { PdexError } from '@pdex/core';

import { startCore } from './core/client';
import { renderIssues, summarize, type NamedOutcome } from './issues-view';
import { samples } from './samples';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const resource = $<HTMLTextAreaElement>('resource');
const validateButton = $<HTMLButtonElement>('validate');
const filesInput = $<HTMLInputElement>('files');
const sampleSelect = $<HTMLSelectElement>('sample');
const cancelButton = $<HTMLButtonElement>('cancel');
const progress = $<HTMLProgressElement>('progress');
const status = $<HTMLParagraphElement>('status');
const table = $<HTMLTableElement>('issues');

const core = startCore();

function setStatus(text: string, state: 'idle' | 'busy' | 'valid' | 'invalid' | 'failed'): void {
  status.textContent = text;
  status.dataset.state = state;
}

function show(results: NamedOutcome[]): void {
  renderIssues(table, results);
  const { text, errors } = summarize(results);
  setStatus(text, errors === 0 ? 'valid' : 'invalid');
}

function showFailure(error: unknown): void {
  const cancelled = error instanceof PdexError && error.code === 'cancelled';
  setStatus(cancelled ? 'Cancelled.' : `The validator failed: ${String(error)}`, cancelled ? 'idle' : 'failed');
}

async function validateText(): Promise<void> {
  setStatus('Validating…', 'busy');
  try {
    show([{ source: '', outcome: await core.validate(resource.value) }]);
  } catch (error) {
    showFailure(error);
  }
}

async function validateFiles(files: File[]): Promise<void> {
  const controller = new AbortController();
  cancelButton.hidden = false;
  cancelButton.onclick = () => controller.abort();
  progress.hidden = false;
  progress.max = files.length;
  progress.value = 0;
  setStatus(`Validating ${files.length} file(s)…`, 'busy');
  try {
    // Bytes, not text: the core reports invalid UTF-8 instead of the browser silently replacing it.
    const contents = await Promise.all(files.map(async (file) => new Uint8Array(await file.arrayBuffer())));
    if (files.length === 1) resource.value = new TextDecoder().decode(contents[0]);
    const outcomes = await core.validateMany(contents, {
      signal: controller.signal,
      onProgress: (done) => (progress.value = done),
    });
    show(outcomes.map((outcome, i) => ({ source: files[i].name, outcome })));
  } catch (error) {
    showFailure(error);
  } finally {
    cancelButton.hidden = true;
    progress.hidden = true;
  }
}

for (const name of Object.keys(samples)) sampleSelect.add(new Option(name, name));
sampleSelect.onchange = () => {
  resource.value = samples[sampleSelect.value];
  void validateText();
};
resource.value = samples[sampleSelect.value];
validateButton.onclick = () => void validateText();
filesInput.onchange = () => void validateFiles(Array.from(filesInput.files ?? []));
resource.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void validateText();
});

// The first validation also tells us the worker and its WebAssembly module are up.
void validateText();
