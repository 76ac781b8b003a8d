import { runInfraCli } from '@wiredesk/infra';

/** `wiredesk infra up|down|status`: the local Kafka and MongoDB-compatible store only (libs/infra does the work). */
export function infraCommand(args: string[]): Promise<number> {
  return runInfraCli(args);
}
