import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ErrorCode, isWireError } from '@wiredesk/contracts';
import { normalizeBytes } from '@wiredesk/pipeline';
import { SecretReader, sessionFor, type Candidate } from '@wiredesk/polling';
import {
  SourceConfigError,
  describeSourceError,
  formatDuration,
  parseSourceDefinition,
  parseSourcesYaml,
  type SourceDefinition,
} from '@wiredesk/sources';
import { loadConfig } from '@wiredesk/platform';
import { parse as parseYaml } from 'yaml';
import { Exit, oneLine, processStreams, writeLine, type CliStreams } from '../io';

export const SOURCES_USAGE = `usage: wiredesk sources <list|add|test|poll> [options]

Scheduled sources (feeds, agency APIs, FTP/FTPS/SFTP, IMAP, folders) polled by ingest; docs/operations.md.

  list                      every source with its state: enabled, last poll, last new item, items today, last error;
                            a source silent for longer than its usual gap is marked SILENT
  add <file.yaml|file.json> add the source(s) in the file through the API (a YAML "sources:" list or one definition)
  poll <id>                 poll a source now; prints what came of it
  test <sources.yaml|definition.json> [id]
                            in this process, without Kafka or the store: connect, list what it would fetch, fetch one
                            item and parse it with the normalizer's pipeline; nothing is published or marked
  --url U       the ingest service (default http://127.0.0.1:<INGEST_PORT, 8080>)
  --api-key K   a key with the write scope (default: WIREDESK_API_KEY)
  --json        JSON instead of a table (list, poll)

Exit status: 0 done (test: connected and the item parsed), 1 the source or the API failed, 2 wrong command line.`;

interface ApiFlags {
  url: string;
  apiKey?: string;
  json: boolean;
}

export async function sourcesCommand(args: string[], io: CliStreams = processStreams()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        'api-key': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    await writeLine(io.stderr, `wiredesk sources: ${(e as Error).message}\n${SOURCES_USAGE}`);
    return Exit.usage;
  }
  const [action, ...rest] = parsed.positionals;
  if (parsed.values.help || !action) {
    await writeLine(action || parsed.values.help ? io.stdout : io.stderr, SOURCES_USAGE);
    return parsed.values.help ? Exit.ok : Exit.usage;
  }
  const flags: ApiFlags = {
    url: parsed.values.url ?? `http://127.0.0.1:${loadConfig().ports.ingest}`,
    apiKey: parsed.values['api-key'] ?? process.env.WIREDESK_API_KEY,
    json: parsed.values.json ?? false,
  };
  try {
    switch (action) {
      case 'list':
        return await listSources(flags, io);
      case 'add':
        if (rest.length !== 1) break;
        return await addSources(rest[0], flags, io);
      case 'poll':
        if (rest.length !== 1) break;
        return await pollSource(rest[0], flags, io);
      case 'test':
        if (rest.length < 1 || rest.length > 2) break;
        return await testSource(rest[0], rest[1], io);
    }
  } catch (e) {
    const message =
      e instanceof SourceConfigError ? e.problems.join('\n  ') : oneLine((e as Error)?.message ?? String(e));
    await writeLine(io.stderr, `wiredesk sources ${action}: ${message}`);
    return Exit.failed;
  }
  await writeLine(io.stderr, `wiredesk sources: wrong arguments for "${action}"\n${SOURCES_USAGE}`);
  return Exit.usage;
}

async function api(flags: ApiFlags, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (flags.apiKey) headers.authorization = `Bearer ${flags.apiKey}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${flags.url.replace(/\/+$/, '')}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(180000),
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${String(json.detail ?? json.title ?? text)}`);
  return json;
}

interface SourceView {
  id: string;
  enabled: boolean;
  origin: string;
  definition: { kind: string; schedule: { interval: number } };
  status: {
    lastPollAt: string | null;
    lastNewItemAt: string | null;
    itemsToday: number;
    failures: number;
    silent: boolean;
    lastError: { kind: string; message: string } | null;
  };
}

function ago(iso: string | null, now = Date.now()): string {
  return iso ? `${formatDuration(Math.max(0, now - Date.parse(iso)))} ago` : 'never';
}

async function listSources(flags: ApiFlags, io: CliStreams): Promise<number> {
  const sources = (await api(flags, 'GET', '/v1/sources')) as unknown as SourceView[];
  if (flags.json) {
    for (const s of sources) await writeLine(io.stdout, JSON.stringify(s));
    return Exit.ok;
  }
  const rows = [['SOURCE', 'KIND', 'EVERY', 'STATE', 'LAST POLL', 'LAST NEW ITEM', 'TODAY', 'LAST ERROR']];
  for (const s of sources) {
    const state = !s.enabled
      ? 'disabled'
      : s.status.failures
        ? `failing×${s.status.failures}`
        : s.status.silent
          ? 'SILENT'
          : 'ok';
    const error =
      s.status.lastError && s.status.failures ? `${s.status.lastError.kind}: ${s.status.lastError.message}` : '';
    rows.push([
      s.id,
      s.definition.kind,
      formatDuration(s.definition.schedule.interval),
      state,
      ago(s.status.lastPollAt),
      ago(s.status.lastNewItemAt),
      String(s.status.itemsToday),
      error.slice(0, 80),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    await writeLine(
      io.stdout,
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  return Exit.ok;
}

async function addSources(file: string, flags: ApiFlags, io: CliStreams): Promise<number> {
  const text = await readFile(file, 'utf8');
  const doc = parseYaml(text) as unknown;
  const definitions =
    doc && typeof doc === 'object' && 'sources' in doc ? parseSourcesYaml(text, file) : [parseSourceDefinition(doc)];
  for (const definition of definitions) {
    await api(flags, 'POST', '/v1/sources', definition);
    await writeLine(
      io.stdout,
      `added ${definition.id} (${definition.kind}, every ${formatDuration(definition.schedule.interval)})`,
    );
  }
  return Exit.ok;
}

async function pollSource(id: string, flags: ApiFlags, io: CliStreams): Promise<number> {
  const result = await api(flags, 'POST', `/v1/sources/${encodeURIComponent(id)}/poll`);
  if (flags.json) await writeLine(io.stdout, JSON.stringify(result));
  else if (result.status === 'polled') {
    await writeLine(io.stdout, `${id}: ${String(result.offered)} offered, ${String(result.delivered)} new delivered`);
  } else
    await writeLine(
      io.stdout,
      `${id}: ${String(result.status)}: ${String(result.kind ?? '')} ${String(result.message ?? '')}`.trim(),
    );
  return result.status === 'failed' ? Exit.failed : Exit.ok;
}

/** Reads the source to test: one from a sources file (by id, or the only one), or a single JSON/YAML definition. */
async function definitionFrom(file: string, id: string | undefined): Promise<SourceDefinition> {
  const text = await readFile(file, 'utf8');
  const doc = parseYaml(text) as unknown;
  if (!(doc && typeof doc === 'object' && 'sources' in doc)) return parseSourceDefinition(doc);
  const all = parseSourcesYaml(text, file);
  const found = id ? all.find((s) => s.id === id) : all.length === 1 ? all[0] : undefined;
  if (!found) throw new Error(id ? `${file} has no source "${id}"` : `${file} has several sources: name one`);
  return found;
}

async function testSource(file: string, id: string | undefined, io: CliStreams): Promise<number> {
  const source = await definitionFrom(file, id);
  const config = loadConfig();
  const signal = AbortSignal.timeout(source.timeout ?? config.sources.timeoutMs);
  let session;
  try {
    session = await sessionFor(source.kind, {
      source,
      state: null,
      signal,
      secrets: new SecretReader(),
      settleMs: 0,
      maxBytes: config.maxBodyBytes,
      alreadySeen: async () => new Set(),
    });
  } catch (e) {
    const { kind, message } = describeSourceError(e);
    await writeLine(io.stderr, `${source.id}: cannot connect: ${kind}: ${oneLine(message)}`);
    return Exit.failed;
  }
  try {
    const candidates: Candidate[] = await session.list();
    await writeLine(io.stdout, `${source.id} (${source.kind}): connected; ${candidates.length} item(s) on offer`);
    for (const c of candidates.slice(0, 50)) await writeLine(io.stdout, `  ${c.name ?? c.key}`);
    if (candidates.length > 50) await writeLine(io.stdout, `  … and ${candidates.length - 50} more`);
    if (!candidates.length) return Exit.ok;
    const first = candidates[0];
    const body = first.body ?? (await session.fetch(first));
    try {
      const { articles } = normalizeBytes(
        body,
        { filename: first.name, format: source.format, contentType: first.contentType },
        { meta: { receivedAt: new Date().toISOString() } },
      );
      await writeLine(io.stdout, `first item (${body.length} bytes) parses into ${articles.length} article(s):`);
      for (const a of articles) await writeLine(io.stdout, `  ${a.headlines?.[0]?.value ?? '(no headline)'}`);
      return Exit.ok;
    } catch (e) {
      const code = isWireError(e) ? e.code : ErrorCode.INTERNAL_ERROR;
      await writeLine(
        io.stdout,
        `first item (${body.length} bytes) would be dead-lettered: ${code}: ${oneLine((e as Error).message)}`,
      );
      return Exit.failed;
    }
  } catch (e) {
    const { kind, message } = describeSourceError(e);
    await writeLine(io.stderr, `${source.id}: ${kind}: ${oneLine(message)}`);
    return Exit.failed;
  } finally {
    await session.close();
  }
}
