export * from './concurrency';
export * from './config';
export * from './platform.tokens';
export * from './platform.module';
export * from './bootstrap';
export * from './logging/json-logger';
export * from './health/readiness.registry';
export * from './health/health.controller';
export * from './metrics/metrics';
export * from './metrics/metrics.controller';
export * from './problem/problem';
export * from './problem/problem.filter';
export * from './security';
export {
  BudgetedPool,
  overTimeLimit,
  workerFile,
  type BudgetedPoolOptions,
  type ItemOutcome,
} from './workers/budgeted-pool';
export * from './openapi';
