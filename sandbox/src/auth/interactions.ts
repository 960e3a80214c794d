// The authorization server's own pages (Express routes under /auth, before oidc-provider's routes):
//   GET/POST /auth/interaction/:uid         sign-in (members at a payer, clinicians at the EHR)
//   POST     /auth/interaction/:uid/confirm the authorization page; at a payer it OFFERS THE
//            SENSITIVE-DATA CHOICE (PDex §6.2 SHALL) and records it with the grant (GrantContexts)
//   POST     /auth/launch                    the EHR's own launch API (EHR only): {patient, encounter?,
//            appContext?} → {launch}; only reachable on 127.0.0.1, used by the EHR page and tests
//   GET      /auth/static/pages.css
// No token, code or password is ever written to a log or put in a URL by these pages.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { AccountBook, DemoAccount } from './accounts.ts';
import type { ClientConfig, SystemName } from './clients.ts';
import type { GrantContexts, LaunchContext, LaunchStore } from './launch-context.ts';
import { consentPage, contentSecurityPolicy, describeScope, errorPage, loginPage, PAGE_CSS } from './pages.ts';

export interface InteractionOptions {
  system: SystemName;
  title: string;
  fhirBase: string;
  provider: Provider;
  clients: ClientConfig[];
  accounts: AccountBook;
  grants: GrantContexts;
  launches?: LaunchStore;
}

export function interactionRouter(o: InteractionOptions): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const clientOf = (id: string): ClientConfig | undefined => o.clients.find((c) => c.client_id === id);
  const memberSystem = o.system !== 'ehr';
  const expectedKind: DemoAccount['kind'] = memberSystem ? 'member' : 'clinician';

  router.get('/static/pages.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'max-age=3600').send(PAGE_CSS);
  });

  if (o.launches) {
    const launches = o.launches;
    router.post('/launch', express.json({ limit: '64kb' }), (req, res) => {
      const body = (req.body ?? {}) as Partial<LaunchContext>;
      if (typeof body.patient !== 'string' || !body.patient) {
        res.status(400).json({ error: 'invalid_request', error_description: "'patient' (a Patient id) is required" });
        return;
      }
      const context: LaunchContext = { patient: body.patient };
      if (typeof body.encounter === 'string') context.encounter = body.encounter;
      if (typeof body.appContext === 'string') context.appContext = body.appContext;
      res.status(201).json({ launch: launches.create(context) });
    });
  }

  router.get('/interaction/:uid', wrap(async (req, res) => {
    const details = await o.provider.interactionDetails(req, res);
    const client = clientOf(String(details.params.client_id));
    const formTargets = redirectOrigins(client);
    res.set('Content-Security-Policy', contentSecurityPolicy(formTargets));
    res.set('Cache-Control', 'no-store');
    if (details.prompt.name === 'login') {
      res.type('html').send(loginPage({ systemTitle: o.title, clientName: client?.client_name ?? String(details.params.client_id), action: `/auth/interaction/${details.uid}/login`, who: memberSystem ? 'member' : 'clinician' }));
      return;
    }
    if (details.prompt.name === 'consent') {
      res.type('html').send(renderConsent(details, client));
      return;
    }
    res.status(400).type('html').send(errorPage({ systemTitle: o.title, title: 'Unexpected step', message: 'This sign-in step is not offered by the sandbox.' }));
  }));

  router.post('/interaction/:uid/login', form, wrap(async (req, res) => {
    const details = await o.provider.interactionDetails(req, res);
    const client = clientOf(String(details.params.client_id));
    res.set('Content-Security-Policy', contentSecurityPolicy(redirectOrigins(client)));
    res.set('Cache-Control', 'no-store');
    if (req.body?.decision === 'cancel') {
      await o.provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }, { mergeWithLastSubmission: false });
      return;
    }
    const username = String(req.body?.username ?? '');
    const account = o.accounts.authenticate(username, String(req.body?.password ?? ''));
    if (!account || account.kind !== expectedKind) {
      res.status(401).type('html').send(loginPage({
        systemTitle: o.title,
        clientName: client?.client_name ?? String(details.params.client_id),
        action: `/auth/interaction/${details.uid}/login`,
        who: expectedKind,
        username,
        error: account ? `This account cannot sign in here: use a ${expectedKind} account.` : 'The user name or password is not right. Check them and try again.',
      }));
      return;
    }
    await o.provider.interactionFinished(req, res, { login: { accountId: account.username } }, { mergeWithLastSubmission: false });
  }));

  router.post('/interaction/:uid/confirm', form, wrap(async (req, res) => {
    const details = await o.provider.interactionDetails(req, res);
    const client = clientOf(String(details.params.client_id));
    res.set('Content-Security-Policy', contentSecurityPolicy(redirectOrigins(client)));
    res.set('Cache-Control', 'no-store');
    if (details.prompt.name !== 'consent') {
      res.status(400).type('html').send(errorPage({ systemTitle: o.title, title: 'Sign in first', message: 'This authorization step comes after signing in.' }));
      return;
    }
    if (req.body?.decision !== 'allow') {
      await o.provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user denied access.' }, { mergeWithLastSubmission: false });
      return;
    }
    const account = o.accounts.find(String(details.session?.accountId));
    if (!account) throw new Error('interaction without a known account');
    const sensitive = req.body?.sensitive;
    if (memberSystem && sensitive !== 'regular' && sensitive !== 'sensitive') {
      res.status(400).type('html').send(renderConsent(details, client, 'Choose whether sensitive information may be shared.'));
      return;
    }
    const launch = details.params.launch ? o.launches?.get(String(details.params.launch)) : undefined;
    if (details.params.launch && !launch) {
      res.status(400).type('html').send(errorPage({ systemTitle: o.title, title: 'The launch has expired', message: 'Open the application again from the patient chart.' }));
      return;
    }
    const patient = launch?.patient ?? (account.kind === 'member' ? account.fhirUser.replace(/^Patient\//, '') : undefined);
    const prompt = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    const requestedScopes = String(details.params.scope ?? '').split(' ');
    const resourceScopes = prompt.missingResourceScopes?.[o.fhirBase] ?? [];
    if (!patient && resourceScopes.some((s) => s.startsWith('patient/'))) {
      res.status(400).type('html').send(errorPage({ systemTitle: o.title, title: 'No patient chosen', message: 'Patient access needs a patient: open the application from a patient chart in the EHR.' }));
      return;
    }
    const oidcScopes = (prompt.missingOIDCScope ?? []).filter((s) => requestedScopes.includes(s));
    const grant = new o.provider.Grant({ accountId: account.username, clientId: String(details.params.client_id) });
    if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
    grant.addOIDCClaims(['fhirUser']);
    if (resourceScopes.length) grant.addResourceScope(o.fhirBase, resourceScopes.join(' '));
    const grantId = await grant.save();
    o.grants.set(grantId, {
      patient,
      encounter: launch?.encounter,
      appContext: launch?.appContext,
      fhirUser: account.fhirUser,
      sensitiveData: memberSystem ? (sensitive as 'regular' | 'sensitive') : undefined,
      oidcScope: oidcScopes.join(' '),
      offline: oidcScopes.includes('offline_access'),
      ehrLaunch: launch !== undefined,
    });
    await o.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }));

  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const expired = (err as { name?: string })?.name === 'SessionNotFound';
    if (!expired) console.error('sandbox auth: interaction failed:', (err as Error)?.message ?? err);
    res.status(expired ? 400 : 500).set('Content-Security-Policy', contentSecurityPolicy([])).type('html').send(errorPage({
      systemTitle: o.title,
      title: expired ? 'This sign-in has expired' : 'Something went wrong',
      message: expired ? 'The sign-in took too long or was already used.' : 'The authorization server could not complete this step.',
    }));
  });
  return router;

  function renderConsent(details: Awaited<ReturnType<Provider['interactionDetails']>>, client: ClientConfig | undefined, error?: string): string {
    const account = o.accounts.find(String(details.session?.accountId));
    const launch = details.params.launch ? o.launches?.get(String(details.params.launch)) : undefined;
    const prompt = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    const requested = [...(prompt.missingOIDCScope ?? []), ...(prompt.missingResourceScopes?.[o.fhirBase] ?? [])];
    const wantsOffline = String(details.params.scope ?? '').split(' ').includes('offline_access');
    const scopes = [...new Set([...requested, ...(wantsOffline ? ['offline_access'] : [])])];
    return consentPage({
      systemTitle: o.title,
      clientName: client?.client_name ?? String(details.params.client_id),
      action: `/auth/interaction/${details.uid}/confirm`,
      userDisplay: account?.display ?? 'unknown',
      patientDisplay: launch ? `Patient/${launch.patient}` : undefined,
      scopeDescriptions: scopes.map(describeScope).filter((d): d is string => d !== undefined),
      offerSensitiveChoice: memberSystem && account?.kind === 'member',
      error,
    });
  }
}

function redirectOrigins(client: ClientConfig | undefined): string[] {
  return [...new Set((client?.redirect_uris ?? []).map((u) => URL.parse(u)?.origin).filter((x): x is string => !!x))];
}

function wrap(handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    handler(req, res).catch(next);
  };
}
