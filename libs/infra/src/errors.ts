/** Why the local infrastructure could not be brought up; `message` is one line a person can act on. */
export type InfraErrorCode =
  | 'MISSING_TOOL'
  | 'TOOL_TOO_OLD'
  | 'PROVISION_FAILED'
  | 'PORT_IN_USE'
  | 'START_FAILED'
  | 'NOT_READY'
  | 'LOCK_TIMEOUT'
  | 'ABORTED';

export class InfraError extends Error {
  constructor(
    readonly code: InfraErrorCode,
    message: string,
    /** extra lines (e.g. the end of a server log) for those who want the detail */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'InfraError';
  }
}

export function isInfraError(e: unknown): e is InfraError {
  return e instanceof InfraError;
}
