// oidc-provider storage for sessions, interactions, codes, grants and refresh tokens: in this process's
// memory, expiring with each artifact's TTL. A restart signs everyone out (FHIR data persists; see
// launch-context.ts) — acceptable for a local sandbox, and said in sandbox/README.md. oidc-provider warns
// about its own built-in development adapter; this one is ours and does the same job on purpose.
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Stored {
  payload: AdapterPayload;
  expires?: number;
}

/** A fresh adapter class per authorization server, so that the three servers never share storage. */
export function memoryAdapterClass(): new (model: string) => Adapter {
  const store = new Map<string, Stored>();
  const grantIndex = new Map<string, Set<string>>();
  return class extends MemoryAdapter {
    constructor(model: string) {
      super(model, store, grantIndex);
    }
  };
}

class MemoryAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: Map<string, Stored>,
    private readonly grantIndex: Map<string, Set<string>>,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.key(id);
    this.store.set(key, { payload: { ...payload }, expires: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    if (payload.grantId) {
      const keys = this.grantIndex.get(payload.grantId) ?? new Set<string>();
      keys.add(key);
      this.grantIndex.set(payload.grantId, keys);
    }
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.read(this.key(id));
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.scan((p) => p.userCode === userCode);
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.scan((p) => p.uid === uid);
  }

  async consume(id: string): Promise<void> {
    const stored = this.store.get(this.key(id));
    if (stored) stored.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of this.grantIndex.get(grantId) ?? []) this.store.delete(key);
    this.grantIndex.delete(grantId);
  }

  private read(key: string): AdapterPayload | undefined {
    const stored = this.store.get(key);
    if (!stored) return undefined;
    if (stored.expires !== undefined && stored.expires < Date.now()) {
      this.store.delete(key);
      return undefined;
    }
    return stored.payload;
  }

  private scan(match: (p: AdapterPayload) => boolean): AdapterPayload | undefined {
    const prefix = `${this.model}:`;
    for (const [key, stored] of this.store) {
      if (key.startsWith(prefix) && match(stored.payload)) return this.read(key);
    }
    return undefined;
  }
}
