export * from './durations';
export * from './source-definition';
export * from './schedule';
export * from './source-errors';
export * from './remote-files';
export * from './feed-entries';
