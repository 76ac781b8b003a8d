export * from './topics';
export * from './headers';
export * from './error-codes';
export * from './worker-protocol';
