/**
 * @wiredesk/infra — plain Node: provisions, starts and stops the local Kafka and MongoDB-compatible store
 * (used by `wiredesk infra`, `wiredesk up` and the jest e2e global setup). See docs/infrastructure.md.
 */
export { infraUp, infraDown, infraStatus, startInfraAttached } from './infra';
export type { InfraEndpoints, InfraStatus, ServerStatus, ServerName, InfraDownOptions, AttachedInfra } from './infra';
export { runInfraCli, EXIT as INFRA_EXIT } from './cli';
export type { CliIo } from './cli';
export { InfraError, isInfraError } from './errors';
export type { InfraErrorCode } from './errors';
export { resolveOptions, KAFKA_VERSION, FERRETDB_VERSION, DATABASE_NAME } from './options';
export type { InfraOptions, StoreKind } from './options';
