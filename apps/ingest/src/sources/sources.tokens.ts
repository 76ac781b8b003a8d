export const SOURCE_STORE = Symbol('SOURCE_STORE');
export const SOURCE_REGISTRY = Symbol('SOURCE_REGISTRY');
export const POLLER = Symbol('POLLER');
export const SOURCES_CONNECTION = Symbol('SOURCES_CONNECTION');
