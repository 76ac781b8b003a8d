export * from './ninjs.types';
export * from './validate';
export * from './content-hash';
export * from './formats';
