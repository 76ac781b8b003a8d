import { Controller, Get, Req, Res } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresScope } from '@wiredesk/platform';
import { isSilent } from '@wiredesk/sources';
import { SOURCE_STATE_COLLECTION, type SourceStateRecord } from '@wiredesk/storage';
import type { Request, Response } from 'express';
import type { Connection } from 'mongoose';
import { sendJson } from '../http/respond';

/** One scheduled source as the monitor shows it. */
export interface SourceStatusRow {
  id: string;
  kind: string | null;
  enabled: boolean;
  lastPollAt: string | null;
  lastNewItemAt: string | null;
  itemsToday: number;
  failures: number;
  lastError: { kind: string; message: string; at: string } | null;
  silent: boolean;
}

/** The monitor's rows from the poller's state documents (the poller runs in ingest and shares the store). */
export function sourceStatusRows(states: SourceStateRecord[], now = new Date()): SourceStatusRow[] {
  const today = now.toISOString().slice(0, 10);
  return states
    .filter((s) => s.profile)
    .map((s) => ({
      id: s._id,
      kind: s.profile?.kind ?? null,
      enabled: s.profile?.enabled ?? false,
      lastPollAt: s.lastPollAt?.toISOString() ?? null,
      lastNewItemAt: s.lastNewItemAt?.toISOString() ?? null,
      itemsToday: s.itemsToday?.day === today ? s.itemsToday.count : 0,
      failures: s.failures ?? 0,
      lastError: s.lastError
        ? { kind: s.lastError.kind, message: s.lastError.message, at: s.lastError.at.toISOString() }
        : null,
      silent: !!s.profile?.enabled && isSilent(s.lastNewItemAt, s.usualGapMs, s.profile?.intervalMs ?? 0, now),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

@ApiTags('stats')
@RequiresScope('read')
@Controller('v1/stats/sources')
export class SourceStatusController {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  @Get()
  @ApiOperation({
    summary: 'The scheduled sources and their state, for the wire monitor',
    description:
      'Last poll, last new item, items today, failures in a row and the last error (auth, unreachable, tls, parse, ' +
      'timeout…) of every source ingest polls; `silent` marks one that has brought nothing new for longer than its ' +
      'usual gap. Empty when no source is configured.',
  })
  @ApiOkResponse({ description: 'one row per source, by id' })
  async get(@Req() req: Request, @Res() res: Response): Promise<void> {
    const db = this.connection.db;
    const states = db ? await db.collection<SourceStateRecord>(SOURCE_STATE_COLLECTION).find({}).toArray() : [];
    sendJson(req, res, { items: sourceStatusRows(states) });
  }
}
