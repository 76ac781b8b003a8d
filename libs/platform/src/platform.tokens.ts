/** Injection token of the WiredeskConfig the service was started with. */
export const WIREDESK_CONFIG = Symbol('WIREDESK_CONFIG');
/** Injection token of the service name ('ingest', 'normalizer', ...), used in logs and as the Kafka client id suffix. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
