import type { WiredeskConfig } from '@wiredesk/platform';
import { Kafka, logLevel } from 'kafkajs';

const AGE_UNITS: Record<string, number> = { s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000 };

/** An ISO 8601 time or date, or an age before `now` (30m, 6h, 2d, 1w); ms since the epoch. */
export function parseTime(text: string, now = Date.now()): number {
  const age = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(text.trim());
  if (age) return now - Number(age[1]) * AGE_UNITS[age[2].toLowerCase()];
  const t = Date.parse(text);
  if (!Number.isFinite(t)) throw new Error(`"${text}" is not a time: use ISO 8601 (2024-05-01T12:00Z) or an age (6h)`);
  return t;
}

/** A repeatable flag whose values may also be comma-separated (--code A,B --code C); undefined when none. */
export function listOf(values: string[] | undefined): string[] | undefined {
  const list = (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

/** A whole number above 0 given as --name, or undefined when the flag is absent. */
export function positiveInt(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0`);
  return n;
}

/** A short-lived Kafka client for a CLI command: quiet, and quick to give up when the broker is not there. */
export function cliKafka(config: WiredeskConfig, command: string, retries = 3): Kafka {
  return new Kafka({
    clientId: `${config.kafkaClientId}-cli-${command}`,
    brokers: config.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5000,
    retry: { retries, initialRetryTime: 300, maxRetryTime: retries * 1000 },
  });
}
