// The validator page: paste or open FHIR JSON, validate it in the WebAssembly core (in a worker)
// against base R4, its meta.profile or a chosen profile, see every issue with its location, and
// try FHIRPath expressions on it.
import { PdexError } from '@pdex/core';

import { startCore } from './core/client';
import { renderFhirPathResult } from './fhirpath-view';
import { renderIssues, summarize, type NamedOutcome } from './issues-view';
import { fillProfileMenu } from './profiles-view';
import { samples } from './samples';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const resource = $<HTMLTextAreaElement>('resource');
const validateButton = $<HTMLButtonElement>('validate');
const filesInput = $<HTMLInputElement>('files');
const sampleSelect = $<HTMLSelectElement>('sample');
const profileSelect = $<HTMLSelectElement>('profile');
const mustSupportBox = $<HTMLInputElement>('must-support');
const cancelButton = $<HTMLButtonElement>('cancel');
const progress = $<HTMLProgressElement>('progress');
const status = $<HTMLParagraphElement>('status');
const table = $<HTMLTableElement>('issues');
const definitions = $<HTMLParagraphElement>('definitions');
const expression = $<HTMLInputElement>('expression');
const evaluateButton = $<HTMLButtonElement>('evaluate');
const fhirpathResult = $<HTMLPreElement>('fhirpath-result');

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

// The chosen profile, and whether absent must-support elements of the applied profiles are listed.
const chosenOptions = () => ({
  profiles: profileSelect.value ? [profileSelect.value] : [],
  reportMustSupport: mustSupportBox.checked,
});

async function validateText(): Promise<void> {
  setStatus('Validating…', 'busy');
  try {
    show([{ source: '', outcome: await core.validate(resource.value, chosenOptions()) }]);
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
      ...chosenOptions(),
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

async function evaluateExpression(): Promise<void> {
  fhirpathResult.dataset.state = 'busy';
  try {
    renderFhirPathResult(fhirpathResult, expression.value, await core.evaluateFhirPath(expression.value, resource.value));
  } catch (error) {
    fhirpathResult.dataset.state = 'error';
    fhirpathResult.textContent = String(error);
  }
}

async function listProfiles(): Promise<void> {
  const profiles = await core.listProfiles();
  const count = fillProfileMenu(profileSelect, profiles);
  definitions.textContent = `${profiles.length} StructureDefinitions loaded, ${count} of them resource profiles.`;
}

for (const name of Object.keys(samples)) sampleSelect.add(new Option(name, name));
sampleSelect.onchange = () => {
  resource.value = samples[sampleSelect.value];
  void validateText();
};
resource.value = samples[sampleSelect.value];
validateButton.onclick = () => void validateText();
profileSelect.onchange = () => void validateText();
mustSupportBox.onchange = () => void validateText();
filesInput.onchange = () => void validateFiles(Array.from(filesInput.files ?? []));
evaluateButton.onclick = () => void evaluateExpression();
expression.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') void evaluateExpression();
});
resource.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void validateText();
});

// The first validation also tells us the worker, its WebAssembly module and the definitions are up.
void validateText().then(listProfiles);
