export * from './api-keys';
export * from './rate-limiter';
export * from './route-security.decorator';
export * from './api-security.guard';
export * from './security-headers';
