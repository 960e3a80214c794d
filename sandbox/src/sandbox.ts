// Starts the three sandbox systems in this process (tests start it on ephemeral ports; main.ts for
// `npm start`), seeds empty stores, and reports the endpoints. stop() closes every socket.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { type ClientConfig, expandPlaceholders, loadClientConfigs, type SystemName } from './auth/clients.ts';
import { loadDefinitions } from './fhir/definitions.ts';
import { generateSeed } from './seed/generate.ts';
import { listen, type ListeningSystem, serve, SYSTEM_TITLES } from './system.ts';

export const SYSTEMS: SystemName[] = ['ehr', 'payer-a', 'payer-b'];

export interface SandboxOptions {
  dataDir: string;
  host?: string;
  ports?: Partial<Record<SystemName, number>>;
  clientsFile?: string;
  /** More clients (tests register their own). */
  extraClients?: ClientConfig[];
  /** Origin of the web app, for {app} in clients.json redirect URIs. */
  appOrigin?: string;
}

export interface SystemEndpoints {
  title: string;
  fhirBase: string;
  smartConfiguration: string;
  issuer: string;
  authorize: string;
  token: string;
  jwks: string;
  clientJwks: string;
}

export interface Sandbox {
  endpoints: Record<SystemName, SystemEndpoints> & { app?: string };
  /** The EHR's launch API (in process), as the EHR page will use it. */
  createEhrLaunch(context: { patient: string; encounter?: string; appContext?: string }): string;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  loadDefinitions();
  const host = options.host ?? '127.0.0.1';
  const systems: ListeningSystem[] = [];
  try {
    for (const name of SYSTEMS) systems.push(await listen(name, host, options.ports?.[name] ?? 0, options.dataDir));
  } catch (err) {
    await Promise.all(systems.map(close));
    throw err;
  }
  const origins: Record<string, string> = Object.fromEntries(systems.map((s) => [s.name, s.origin]));
  if (options.appOrigin) origins.app = options.appOrigin;
  const configs = [...(options.clientsFile ? loadClientConfigs(options.clientsFile) : []), ...(options.extraClients ?? [])];
  const clients = configs.map((c) => expandPlaceholders(c, origins));

  const seed = systems.some((s) => s.repo.isEmpty()) ? generateSeed() : undefined;
  const endpoints = {} as Sandbox['endpoints'];
  let launches: ReturnType<typeof serve>['launches'];
  for (const system of systems) {
    if (seed && system.repo.isEmpty()) await system.repo.bulkLoad(seed[system.name] as Resource[]);
    const served = serve(system, clients, systems.map((x) => x.origin));
    if (served.launches) launches = served.launches;
    endpoints[system.name] = {
      title: SYSTEM_TITLES[system.name],
      fhirBase: served.fhirBase,
      smartConfiguration: `${served.fhirBase}/.well-known/smart-configuration`,
      issuer: served.issuer,
      authorize: `${served.issuer}/authorize`,
      token: `${served.issuer}/token`,
      jwks: `${served.issuer}/jwks`,
      clientJwks: `${system.origin}/client-jwks.json`,
    };
  }
  if (options.appOrigin) endpoints.app = options.appOrigin;
  return {
    endpoints,
    createEhrLaunch: (context) => launches!.create(context),
    stop: async () => {
      await Promise.all(systems.map(close));
    },
  };
}

export function writeEndpoints(file: string, endpoints: Sandbox['endpoints']): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(endpoints, null, 2) + '\n');
}

/** Stops listening and ends every connection; never waits more than 5 s for a straggler. */
function close(system: ListeningSystem): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    timer.unref();
    system.server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    system.server.closeAllConnections();
  });
}
