export * from './secrets';
export * from './poll-runner';
export * from './sessions/source-session';
export { DONE_KEYWORD } from './sessions/imap.session';
