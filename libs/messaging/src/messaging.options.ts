import type { WiredeskConfig } from '@wiredesk/platform';

export interface MessagingOptions {
  config: WiredeskConfig;
  /** appended to the configured client id, e.g. 'ingest' → 'wiredesk-ingest' */
  service: string;
  /** create the Wiredesk topics at start (default true) */
  provisionTopics?: boolean;
}
