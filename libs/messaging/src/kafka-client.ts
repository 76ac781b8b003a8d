import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { MessagingOptions } from './messaging.options';

const LEVEL_NAME: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** Only these kafkajs log fields reach our log lines: ids and positions, never payloads. */
const KEPT_FIELDS = [
  'broker',
  'clientId',
  'groupId',
  'memberId',
  'topic',
  'partition',
  'retryCount',
  'retryTime',
  'error',
];

/** Routes kafkajs's own logging into the service's JSON log. */
function logCreator() {
  const logger = new Logger('kafkajs');
  return ({ namespace, level, log }: LogEntry) => {
    const fields: Record<string, unknown> = { msg: log.message, namespace };
    for (const name of KEPT_FIELDS)
      if ((log as Record<string, unknown>)[name] !== undefined) fields[name] = (log as Record<string, unknown>)[name];
    logger[LEVEL_NAME[level] ?? 'log'](fields);
  };
}

export function createKafkaClient(options: MessagingOptions): Kafka {
  const { config, service } = options;
  return new Kafka({
    clientId: `${config.kafkaClientId}-${service}`,
    brokers: config.kafkaBrokers,
    logLevel: config.logLevel === 'debug' ? logLevel.DEBUG : config.logLevel === 'info' ? logLevel.INFO : logLevel.WARN,
    logCreator,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 300, maxRetryTime: 10000, retries: 8 },
  });
}
