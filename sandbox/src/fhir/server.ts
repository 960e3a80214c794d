// The FHIR REST API of one sandbox system, as an Express router mounted at /fhir. Reads, searches and
// history are served here (with access checks and the release filter); writes go to Medplum's FhirRouter
// (create, update, delete, conditional create, transaction/batch with urn:uuid rewriting), one at a time
// and atomically (DurableRepository.withTransaction).
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { getStatus, isOk } from '@medplum/core';
import { FhirRouter, makeSimpleRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { type AccessContext, assertVisible, isInCompartment, reachFor } from './access.ts';
import type { BearerVerifier } from './bearer.ts';
import { type CapabilityOptions, capabilityStatement, SERVED_TYPES } from './capability.ts';
import { errorToOutcome, FhirError } from './outcome.ts';
import type { ReleaseFilter } from './release-filter.ts';
import { searchType } from './search.ts';
import { patientEverything } from './everything.ts';
import { ResultCache } from './result-cache.ts';
import type { DurableRepository } from './store.ts';
import type { Permission } from './scopes.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const MAX_BODY = '64mb'; // docs/limits.md: 64 MiB of JSON per call
const SERVED = new Set<string>(SERVED_TYPES);

export interface FhirServerOptions extends CapabilityOptions {
  repo: DurableRepository;
  verifier: BearerVerifier;
  releaseFilter: ReleaseFilter;
  /** Serves GET .well-known/smart-configuration (owned by the authorization server). */
  smartConfiguration: () => unknown;
}

type Handler = (req: Request, res: Response) => Promise<void>;

export function fhirRouter(options: FhirServerOptions): Router {
  const router = express.Router();
  const medplum = new FhirRouter();
  const capability = capabilityStatement(options);
  const cache = new ResultCache();

  router.use(express.json({ type: ['application/json', 'application/fhir+json'], limit: MAX_BODY, strict: true }));
  router.use(express.urlencoded({ extended: false, limit: '1mb' }));

  router.get('/metadata', (_req, res) => sendJson(res, 200, capability));
  router.get('/.well-known/smart-configuration', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.status(200).type('application/json').send(JSON.stringify(options.smartConfiguration()));
  });

  const authed = (handler: (req: Request, res: Response, access: AccessContext) => Promise<void>): Handler =>
    async (req, res) => {
      const access = await options.verifier.verify(req.get('authorization'));
      await handler(req, res, access);
    };

  router.get('/:type', wrap(authed(async (req, res, access) => {
    sendJson(res, 200, await search(req, access, queryOf(req.query as Record<string, unknown>)));
  })));
  router.post('/:type/_search', wrap(authed(async (req, res, access) => {
    const query = { ...queryOf(req.query as Record<string, unknown>), ...queryOf((req.body ?? {}) as Record<string, unknown>) };
    sendJson(res, 200, await search(req, access, query));
  })));
  router.get('/Patient/:id/\\$everything', wrap(authed(async (req, res, access) => {
    sendJson(res, 200, await patientEverything({
      repo: options.repo, baseUrl: options.baseUrl, servedTypes: SERVED_TYPES, patientId: req.params.id as string,
      query: queryOf(req.query as Record<string, unknown>), access, releaseFilter: options.releaseFilter, cache,
    }));
  })));
  router.get('/:type/:id', wrap(authed(async (req, res, access) => {
    const resource = await readVisible(req, access, () => options.repo.readResource(typeOf(req), req.params.id as string));
    sendResource(res, 200, resource);
  })));
  router.get('/:type/:id/_history/:vid', wrap(authed(async (req, res, access) => {
    const type = typeOf(req);
    await readVisible(req, access, () => options.repo.readResource(type, req.params.id as string)); // current version decides
    const version = await options.repo.readVersion(type, req.params.id as string, req.params.vid as string);
    const [released] = await options.releaseFilter([version], access);
    if (!released) throw new FhirError(403, 'forbidden', 'This version is not released under the grant.');
    sendResource(res, 200, released);
  })));
  router.get('/:type/:id/_history', wrap(authed(async (req, res, access) => {
    const type = typeOf(req);
    await readVisible(req, access, () => options.repo.readResource(type, req.params.id as string));
    const history = await options.repo.readHistory(type, req.params.id as string);
    const released = await options.releaseFilter((history.entry ?? []).map((e) => e.resource as Resource), access);
    sendJson(res, 200, { ...history, total: released.length, entry: released.map((resource) => ({ fullUrl: `${options.baseUrl}/${type}/${resource.id}`, resource })) });
  })));

  // Writes. Payer servers are read-only for clients (their data comes from claims and payer exchange).
  const write = (method: HttpMethod): Handler => authed(async (req, res, access) => {
    if (!options.writable) throw new FhirError(405, 'not-supported', `${options.title} is read-only for clients.`);
    await checkWrite(req, method, access);
    const path = req.originalUrl.slice(req.baseUrl.length) || '/';
    const request = makeSimpleRequest(method, path, req.body);
    request.headers = req.headers;
    const [result, resource] = await options.repo.withTransaction(async () => {
      const answer = await medplum.handleRequest(request, options.repo);
      if (!isOk(answer[0])) throw answer[0]; // roll the whole request back
      if ((req.body as Bundle)?.type === 'transaction' && req.params.type === undefined) failedEntry(answer[1] as Bundle);
      return answer;
    });
    const status = getStatus(result);
    if (resource?.id && resource.meta?.versionId && resource.resourceType !== 'Bundle') {
      res.set('Location', `${options.baseUrl}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`);
    }
    if (resource) sendResource(res, status, resource);
    else sendJson(res, status, result);
  });
  router.post('/', wrap(write('POST')));
  router.post('/:type', wrap(write('POST')));
  router.put('/:type/:id', wrap(write('PUT')));
  router.delete('/:type/:id', wrap(write('DELETE')));

  router.use((req, res) => {
    sendJson(res, 404, new FhirError(404, 'not-found', `No FHIR interaction at ${req.method} ${req.path}.`).toOutcome());
  });
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = errorToOutcome(err);
    if (status === 401) res.set('WWW-Authenticate', `Bearer realm="${options.baseUrl}"`);
    sendJson(res, status, body);
  });
  return router;

  async function search(req: Request, access: AccessContext, query: Record<string, string[]>): Promise<Bundle> {
    return searchType({
      repo: options.repo,
      baseUrl: options.baseUrl,
      resourceType: typeOf(req),
      query,
      lenient: /handling\s*=\s*lenient/i.test(req.get('prefer') ?? ''),
      access,
      releaseFilter: options.releaseFilter,
      cache,
    });
  }

  async function readVisible(req: Request, access: AccessContext, read: () => Promise<Resource>): Promise<Resource> {
    const reach = reachFor(access, 'r', typeOf(req));
    const deleted = options.repo.deletedVersion(typeOf(req), req.params.id as string);
    if (deleted) {
      await assertVisible(access, reach, deleted, options.repo); // no news about other patients' data
      throw new FhirError(410, 'deleted', `${typeOf(req)}/${req.params.id} was deleted.`);
    }
    const resource = await read();
    await assertVisible(access, reach, resource, options.repo);
    const [released] = await options.releaseFilter([resource], access);
    if (!released) throw new FhirError(403, 'forbidden', 'This resource is not released under the grant.');
    return released;
  }

  /** Scope and compartment checks for a write, and for every entry of a batch or transaction. */
  async function checkWrite(req: Request, method: HttpMethod, access: AccessContext): Promise<void> {
    if (req.params.type === undefined) {
      const bundle = req.body as Bundle;
      if (bundle?.resourceType !== 'Bundle' || (bundle.type !== 'transaction' && bundle.type !== 'batch')) {
        throw new FhirError(400, 'invalid', 'POST to the base takes a Bundle of type transaction or batch.');
      }
      if (!Array.isArray(bundle.entry) || bundle.entry.length === 0) {
        throw new FhirError(400, 'invalid', 'Bundle.entry must be a non-empty array.', 'Bundle.entry');
      }
      for (const [i, entry] of bundle.entry.entries()) {
        if (!entry || typeof entry !== 'object' || !entry.request || typeof entry.request !== 'object' || typeof entry.request.url !== 'string') {
          throw new FhirError(400, 'invalid', `Bundle.entry[${i}] needs a request with a method and a url.`, `Bundle.entry[${i}].request`);
        }
        if (entry.resource !== undefined && (typeof entry.resource !== 'object' || entry.resource === null || Array.isArray(entry.resource))) {
          throw new FhirError(400, 'invalid', `Bundle.entry[${i}].resource must be a resource.`, `Bundle.entry[${i}].resource`);
        }
        const entryMethod = entry.request?.method;
        const type = entry.request?.url?.split(/[/?]/)[0] ?? '';
        if (entryMethod === 'GET' || entryMethod === 'HEAD' || entryMethod === 'PATCH') {
          throw new FhirError(400, 'not-supported', `Bundle.entry[${i}]: ${entryMethod} entries are not supported here; use the REST API.`);
        }
        await checkOne(access, entryMethod === 'POST' ? 'c' : entryMethod === 'PUT' ? 'u' : 'd', type, entry.resource, entry.request?.url);
      }
      return;
    }
    const type = typeOf(req);
    const body = req.body as unknown;
    if (method !== 'DELETE' && (!body || typeof body !== 'object' || Array.isArray(body))) {
      throw new FhirError(400, 'invalid', `The body must be a ${type} resource (a JSON object).`);
    }
    const action: Permission = method === 'POST' ? 'c' : method === 'PUT' ? 'u' : 'd';
    await checkOne(access, action, type, method === 'DELETE' ? undefined : (req.body as Resource), `${type}/${req.params.id ?? ''}`);
    if (method !== 'DELETE' && (req.body as Resource)?.resourceType !== type) {
      throw new FhirError(400, 'invalid', `The body must be a ${type} resource.`);
    }
  }

  async function checkOne(access: AccessContext, action: Permission, type: string, body: Resource | undefined, url?: string): Promise<void> {
    if (!SERVED.has(type)) throw new FhirError(404, 'not-supported', `This server does not serve ${type}.`);
    const reach = reachFor(access, action, type);
    if (reach === 'all') return;
    if (body && !(await isInCompartment(body, access.patient!, options.repo))) {
      throw new FhirError(403, 'forbidden', `A ${type} written under patient scopes must belong to Patient/${access.patient}.`);
    }
    const [, id] = (url ?? '').split(/[?]/)[0].split('/');
    if (action !== 'c' && id) {
      const existing = await options.repo.readResource(type, id).catch(() => undefined);
      if (existing && !(await isInCompartment(existing, access.patient!, options.repo))) {
        throw new FhirError(403, 'forbidden', `${type}/${id} is outside the token's patient compartment.`);
      }
    }
  }
}

/**
 * FHIR transactions are all or nothing, but Medplum's processor answers a transaction whose entry failed
 * with a transaction-response holding that entry's error. Throwing here makes withTransaction roll every
 * entry back, and the client gets the failed entry's status and OperationOutcome.
 */
function failedEntry(response: Bundle | undefined): void {
  for (const [i, entry] of (response?.entry ?? []).entries()) {
    const status = Number.parseInt(entry.response?.status ?? '', 10);
    if (status >= 400) {
      const detail = (entry.response?.outcome as OperationOutcome | undefined)?.issue?.[0];
      throw new FhirError(status, detail?.code ?? 'processing', `Bundle.entry[${i}] failed, nothing was written: ${detail?.details?.text ?? detail?.diagnostics ?? 'error'}`, `Bundle.entry[${i}]`);
    }
  }
}

function typeOf(req: Request): string {
  const type = req.params.type as string;
  if (!SERVED.has(type)) {
    throw new FhirError(404, 'not-supported', `This server does not serve the resource type '${type}' (see /metadata).`);
  }
  return type;
}

function queryOf(raw: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v !== 'string')) {
      throw new FhirError(400, 'invalid', `Search parameter '${name}' must be a plain value.`, name);
    }
    out[name] = values as string[];
  }
  return out;
}

function wrap(handler: Handler) {
  return (req: Request, res: Response, next: NextFunction): void => {
    handler(req, res).catch(next);
  };
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).set('Content-Type', FHIR_JSON).send(JSON.stringify(body));
}

function sendResource(res: Response, status: number, resource: Resource | OperationOutcome): void {
  if (resource.meta?.versionId) res.set('ETag', `W/"${resource.meta.versionId}"`);
  if (resource.meta?.lastUpdated) res.set('Last-Modified', new Date(resource.meta.lastUpdated).toUTCString());
  sendJson(res, status, resource);
}
