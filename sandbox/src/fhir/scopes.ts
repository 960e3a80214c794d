// SMART App Launch scopes (v1 and v2), parsed into what they permit.
//   v1: (patient|user|system)/(Type|*).(read|write|*)   v2: (patient|user|system)/(Type|*).<subset of "cruds", in order>
// v1→v2 equivalence (SMART 2.0 §scopes): read = rs, write = cud, * = cruds. Scopes with a `?param=` filter
// (granular scopes) are not granted by the sandbox's authorization servers and are ignored here, so they
// can only ever narrow access (deny by default).

export type ScopeContext = 'patient' | 'user' | 'system';
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  context: ScopeContext;
  resourceType: string; // a resource type, or '*'
  permissions: ReadonlySet<Permission>;
  text: string;
}

const SCOPE_RE = /^(patient|user|system)\/([A-Z][A-Za-z]*|\*)\.([a-z*]+)$/;
const V2_ORDER = 'cruds';

export function parseResourceScope(text: string): ResourceScope | undefined {
  const match = SCOPE_RE.exec(text);
  if (!match) return undefined;
  const [, context, resourceType, suffix] = match;
  const permissions = permissionsOf(suffix);
  if (!permissions) return undefined;
  return { context: context as ScopeContext, resourceType, permissions, text };
}

function permissionsOf(suffix: string): Set<Permission> | undefined {
  if (suffix === 'read') return new Set(['r', 's']);
  if (suffix === 'write') return new Set(['c', 'u', 'd']);
  if (suffix === '*') return new Set(['c', 'r', 'u', 'd', 's']);
  // v2: a non-empty subset of c r u d s, in that order, each once.
  let position = 0;
  for (const letter of suffix) {
    const at = V2_ORDER.indexOf(letter, position);
    if (at < 0) return undefined;
    position = at + 1;
  }
  return suffix.length ? new Set(suffix.split('') as Permission[]) : undefined;
}

export function parseScopeString(scope: string | undefined): ResourceScope[] {
  const out: ResourceScope[] = [];
  for (const part of (scope ?? '').split(/\s+/)) {
    const parsed = parseResourceScope(part);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** True when `granted` permits everything `requested` asks for (same or wider context type and actions). */
export function scopeCovers(granted: ResourceScope, requested: ResourceScope): boolean {
  if (granted.context !== requested.context) return false;
  if (granted.resourceType !== '*' && granted.resourceType !== requested.resourceType) return false;
  for (const p of requested.permissions) if (!granted.permissions.has(p)) return false;
  return true;
}
