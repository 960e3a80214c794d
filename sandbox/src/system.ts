// One sandbox system — the EHR, Payer A (old plan) or Payer B (new plan) — on its own port of 127.0.0.1:
//   /fhir                                FHIR R4 API (token required except /metadata and smart-configuration)
//   /fhir/.well-known/smart-configuration
//   /auth                                its SMART authorization server (issuer)
//   /client-jwks.json                    the public key this system signs Backend Services assertions with
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { AccountBook } from './auth/accounts.ts';
import { type ClientConfig, type SystemName } from './auth/clients.ts';
import { interactionRouter } from './auth/interactions.ts';
import { publicJwk, type SystemKeys, loadOrCreateKeys } from './auth/keys.ts';
import { GrantContexts, LaunchStore } from './auth/launch-context.ts';
import { createProvider } from './auth/provider.ts';
import { smartConfiguration } from './auth/smart-configuration.ts';
import { bearerVerifier } from './fhir/bearer.ts';
import { identityReleaseFilter } from './fhir/release-filter.ts';
import { fhirRouter, sendJson } from './fhir/server.ts';
import { errorToOutcome, outcome } from './fhir/outcome.ts';
import { DurableRepository } from './fhir/store.ts';
import { demoAccounts } from './seed/accounts.ts';

export const SYSTEM_TITLES: Record<SystemName, string> = {
  ehr: 'Riverbend EHR (sandbox)',
  'payer-a': 'Lakeside Health Plan — Payer A, old plan (sandbox)',
  'payer-b': 'Summit Health Plan — Payer B, new plan (sandbox)',
};

export interface ListeningSystem {
  name: SystemName;
  server: Server;
  origin: string;
  dataDir: string;
  keys: SystemKeys;
  repo: DurableRepository;
}

/** Opens the port first (0 = any free port) so that the issuer and FHIR base URLs are known. */
export async function listen(name: SystemName, host: string, port: number, dataRoot: string): Promise<ListeningSystem> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  const dataDir = join(dataRoot, name);
  const repo = new DurableRepository(dataDir);
  const keys = await loadOrCreateKeys(dataDir);
  return { name, server, origin: `http://${host}:${actual}`, dataDir, keys, repo };
}

/** Builds the system's app on its listening server. */
export function serve(system: ListeningSystem, clients: ClientConfig[], siblingOrigins: string[]): { fhirBase: string; issuer: string; launches?: LaunchStore } {
  const { name, origin, keys, repo } = system;
  const title = SYSTEM_TITLES[name];
  const fhirBase = `${origin}/fhir`;
  const issuer = `${origin}/auth`;
  const mine = clients.filter((c) => c.systems.includes(name));
  const accounts = new AccountBook(demoAccounts(name));
  const grants = new GrantContexts();
  const launches = name === 'ehr' ? new LaunchStore() : undefined;
  const provider = createProvider({ system: name, title, issuer, fhirBase, keys, clients: mine, accounts, grants, launches, siblingOrigins });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use('/fhir', cors, fhirRouter({
    name: name.replace('-', ''), title, baseUrl: fhirBase, writable: name === 'ehr',
    authorizeUrl: `${issuer}/authorize`, tokenUrl: `${issuer}/token`,
    repo,
    verifier: bearerVerifier({ issuer, audience: fhirBase, jwks: { keys: [publicJwk(keys.signing)] } }),
    // The seam for the payers' sensitive-data filtering (see fhir/release-filter.ts).
    releaseFilter: identityReleaseFilter,
    smartConfiguration: () => smartConfiguration(name, issuer),
  }));
  app.get('/client-jwks.json', (_req, res) => {
    res.type('application/json').send(JSON.stringify({ keys: [publicJwk(keys.client)] }));
  });
  app.use('/auth', interactionRouter({ system: name, title, fhirBase, provider, clients: mine, accounts, grants, launches }));
  app.post('/auth/authorize', (_req, res) => {
    res.status(405).set('Allow', 'GET').json({ error: 'invalid_request', error_description: 'send the authorization request with GET (authorize-post is not offered over http)' });
  });
  app.use('/auth', provider.callback());
  app.use((req, res) => {
    sendJson(res, 404, outcome('error', 'not-found', `Nothing at ${req.method} ${req.path}. The FHIR API is at ${fhirBase}.`));
  });
  // Last resort for anything that failed outside the FHIR router (which answers its own errors): still an
  // OperationOutcome, never Express's HTML error page or a stack trace.
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const { status, body } = errorToOutcome(err);
    sendJson(res, status, body);
  });
  system.server.on('request', app);
  return { fhirBase, issuer, launches };
}

// Browser apps on other origins call the FHIR API with bearer tokens (no cookies), so any origin may.
function cors(req: express.Request, res: express.Response, next: express.NextFunction): void {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Expose-Headers', 'Location, ETag, Last-Modified, Content-Location');
  if (req.method === 'OPTIONS') {
    res.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
    res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, Prefer, If-Match, If-None-Exist, If-None-Match');
    res.set('Access-Control-Max-Age', '600');
    res.status(204).end();
    return;
  }
  next();
}
