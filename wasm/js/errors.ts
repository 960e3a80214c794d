// The one place where a failure of the core (not a finding about the data) becomes a thrown Error.

export type PdexErrorCode = 'disposed' | 'bad-result' | 'bad-input' | 'cancelled' | 'worker-failed' | 'load-failed';

export class PdexError extends Error {
  readonly code: PdexErrorCode;

  constructor(code: PdexErrorCode, message: string) {
    super(message);
    this.name = 'PdexError';
    this.code = code;
  }
}
