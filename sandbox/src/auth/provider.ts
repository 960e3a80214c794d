// One SMART App Launch 2.0 authorization server (oidc-provider 9), mounted at <origin>/auth of its system.
//   - authorization code, PKCE S256 required for every client, exact redirect_uri match, `state` and `aud`
//     (= the FHIR base) required on every authorization request;
//   - scopes v1 and v2: OpenID-side scopes are oidc-provider scopes; SMART resource scopes are resource
//     server scopes of the FHIR base (getResourceServerInfo), limited per client by clients.json;
//   - EHR launch (`launch` → patient, encounter, appContext) at the EHR; member standalone launch at payers;
//   - SMART Backend Services: client_credentials + private_key_jwt (RS384/ES384) against the client's JWKS;
//   - access tokens are RS256 JWTs (RFC 9068) that the FHIR servers verify on every request.
import { decodeJwt } from 'jose';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { AccountBook } from './accounts.ts';
import { type ClientConfig, clientMetadata, OIDC_SCOPES, permittedResourceScopes, type SystemName } from './clients.ts';
import type { SystemKeys } from './keys.ts';
import { type GrantContexts, type LaunchStore } from './launch-context.ts';
import { memoryAdapterClass } from './memory-adapter.ts';
import { errorPage } from './pages.ts';

export interface ProviderOptions {
  system: SystemName;
  title: string;
  issuer: string;
  fhirBase: string;
  keys: SystemKeys;
  clients: ClientConfig[];
  accounts: AccountBook;
  grants: GrantContexts;
  /** Only the EHR offers EHR launch. */
  launches?: LaunchStore;
  /** Origins of the sandbox's own systems (127.0.0.1): client JWKS may be fetched from them. */
  siblingOrigins: string[];
}

const SMART_TOKEN_TTL = 3600; // SMART 2.0: expires_in SHOULD be <= 1 hour
const BACKEND_TOKEN_TTL = 300; // SMART Backend Services: SHOULD NOT exceed 5 minutes

export function createProvider(o: ProviderOptions): Provider {
  const permitted = new Map(o.clients.map((c) => [c.client_id, permittedResourceScopes(c)]));
  const authorizationRoutes = new Set(['authorization', 'resume', 'pushed_authorization_request']);

  const configuration: Configuration = {
    adapter: memoryAdapterClass(),
    clients: o.clients.map(clientMetadata),
    jwks: { keys: [o.keys.signing as never] },
    cookies: { keys: [o.keys.cookieSecret] },
    scopes: OIDC_SCOPES,
    claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
    conformIdTokenClaims: false, // SMART apps read fhirUser from the id_token
    responseTypes: ['code'],
    pkce: { required: () => true },
    enabledJWA: { clientAuthSigningAlgValues: ['RS384', 'ES384', 'RS256', 'ES256'] },
    routes: { authorization: '/authorize', token: '/token', jwks: '/jwks', revocation: '/token/revocation', userinfo: '/userinfo' },
    ttl: {
      AccessToken: SMART_TOKEN_TTL,
      ClientCredentials: BACKEND_TOKEN_TTL,
      AuthorizationCode: 60,
      Interaction: 3600,
      Session: 24 * 3600,
      Grant: 30 * 24 * 3600,
      IdToken: SMART_TOKEN_TTL,
      RefreshToken: 30 * 24 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => o.fhirBase,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, indicator, client) => {
          if (indicator.replace(/\/$/, '') !== o.fhirBase) throw new errors.InvalidTarget('this server issues tokens for its own FHIR base only');
          const backend = ctx.oidc.params?.grant_type === 'client_credentials';
          return {
            scope: permitted.get(client.clientId) ?? '',
            audience: o.fhirBase,
            accessTokenTTL: backend ? BACKEND_TOKEN_TTL : SMART_TOKEN_TTL,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    extraParams: {
      aud(ctx, value) {
        if (!authorizationRoutes.has(ctx.oidc.route)) return;
        if (!ctx.oidc.params?.state) throw new errors.InvalidRequest("missing 'state' (SMART App Launch requires it)");
        if (typeof value !== 'string' || value.replace(/\/$/, '') !== o.fhirBase) {
          throw new errors.InvalidRequest(`'aud' must be this server's FHIR base URL, ${o.fhirBase}`);
        }
      },
      launch(ctx, value) {
        if (!authorizationRoutes.has(ctx.oidc.route)) return;
        const scopes = String(ctx.oidc.params?.scope ?? '').split(' ');
        if (value === undefined) {
          if (scopes.includes('launch')) throw new errors.InvalidRequest("the 'launch' scope needs the 'launch' parameter the EHR gave the app");
          return;
        }
        if (!o.launches) throw new errors.InvalidRequest('this server does not offer EHR launch');
        if (!o.launches.get(String(value))) throw new errors.InvalidRequest("unknown or expired 'launch'");
      },
    },
    // oidc-provider blocks outgoing requests to special-use addresses (SSRF protection), loopback included.
    // The sandbox's own systems live on 127.0.0.1, so a client's jwks_uri on a sibling system is fetched
    // without that block; every other URL keeps it.
    fetch: (url, options) => {
      if (o.siblingOrigins.includes(new URL(url instanceof Request ? url.url : url).origin)) delete (options as { dispatcher?: unknown }).dispatcher;
      return globalThis.fetch(url, options);
    },
    interactions: { url: (_ctx, interaction) => `/auth/interaction/${interaction.uid}` },
    // A grant is used only by the authorization that created it: a second launch in the same browser
    // session (another patient, another member choice) always goes through the authorization page again
    // instead of silently reusing the first grant and its launch context.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId as string | undefined;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    async findAccount(_ctx, sub) {
      const account = o.accounts.find(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, fhirUser: `${o.fhirBase}/${account.fhirUser}` }) };
    },
    async extraTokenClaims(_ctx, token) {
      const context = o.grants.get((token as { grantId?: string }).grantId);
      if (!context) return undefined;
      return {
        fhirUser: context.fhirUser,
        ...(context.patient ? { patient: context.patient } : {}),
        ...(context.encounter ? { encounter: context.encounter } : {}),
        ...(context.sensitiveData ? { sensitive_data: context.sensitiveData } : {}),
      };
    },
    async issueRefreshToken(_ctx, client, code) {
      return client.grantTypeAllowed('refresh_token') && (o.grants.get((code as { grantId?: string }).grantId)?.offline ?? false);
    },
    async renderError(ctx, out, _error) {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'");
      ctx.body = errorPage({
        systemTitle: o.title,
        title: 'This sign-in cannot continue',
        message: describeError(out as { error?: string; error_description?: string }),
      });
    },
  };

  const provider = new Provider(o.issuer, configuration);

  provider.use(async (ctx, next) => {
    // OpenID Connect drops offline_access unless prompt=consent; SMART apps do not send it. The sandbox
    // always shows its authorization page, so asking for consent is what happens anyway.
    if (ctx.method === 'GET' && ctx.path.endsWith('/authorize') && /(^|\s)offline_access(\s|$)/.test(String(ctx.query.scope ?? ''))) {
      const prompt = String(ctx.query.prompt ?? '');
      if (!prompt.split(' ').includes('consent')) ctx.query = { ...ctx.query, prompt: `${prompt} consent`.trim() };
    }
    await next();
    if (ctx.oidc?.route === 'token' && ctx.status === 200) addLaunchContext(ctx as KoaContextWithOIDC, o);
  });
  return provider;
}

/** SMART puts the launch context in the token response; oidc-provider has no hook for it, so it is added here. */
function addLaunchContext(ctx: KoaContextWithOIDC, o: ProviderOptions): void {
  const body = ctx.body as Record<string, unknown> | undefined;
  if (!body || typeof body.access_token !== 'string') return;
  const entities = ctx.oidc.entities as { AuthorizationCode?: { grantId?: string }; RefreshToken?: { grantId?: string } };
  const context = o.grants.get(entities.AuthorizationCode?.grantId ?? entities.RefreshToken?.grantId);
  if (!context) return;
  if (context.patient) body.patient = context.patient;
  if (context.encounter) body.encounter = context.encounter;
  if (context.appContext !== undefined) body.appContext = context.appContext;
  body.need_patient_banner = !context.ehrLaunch;
  // List the OpenID-side scopes next to the FHIR scopes (oidc-provider lists only the resource's).
  const scopes = new Set([...context.oidcScope.split(' '), ...String(body.scope ?? '').split(' ')].filter(Boolean));
  if (!body.refresh_token) scopes.delete('offline_access');
  body.scope = [...scopes].join(' ');
  // Defence in depth: the token's patient must be the context's (never a different member).
  const claims = decodeJwt(body.access_token);
  if (claims.patient !== context.patient) throw new Error('launch context and access token disagree');
}

function describeError(out: { error?: string; error_description?: string }): string {
  if (out.error_description?.includes('redirect_uri')) {
    return 'The application asked to return to an address that is not registered for it. Nothing was shared.';
  }
  return `${out.error_description ?? 'The request was not valid.'} (${out.error ?? 'error'})`;
}
