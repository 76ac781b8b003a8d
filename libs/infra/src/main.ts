#!/usr/bin/env node
// Standalone entry for scripts and CI before the `wiredesk` CLI is built: node dist/libs/infra/src/main.js up|down|status
import { runInfraCli } from './cli';

runInfraCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
