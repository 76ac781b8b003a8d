export * from './api-keys';
export * from './rate-limit';
export * from './route-security.decorator';
export * from './api-security.guard';
export * from './security-headers';
