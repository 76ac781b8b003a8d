import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { SourceError, effectiveAfterFetch } from '@wiredesk/sources';
import { settledListing, type Candidate, type SessionContext, type SourceSession } from './source-session';

/** folder sources: a local or mounted folder (NFS, SMB) listed on a schedule, no file-system events needed. */
export async function openFolderSession(ctx: SessionContext): Promise<SourceSession> {
  const { source } = ctx;
  const folder = source.where;
  const action = effectiveAfterFetch(source);
  return {
    list: () =>
      settledListing(ctx, async () => {
        const entries = await fs.readdir(folder, { withFileTypes: true });
        const files = [];
        for (const entry of entries) {
          if (!entry.isFile()) continue;
          const st = await fs.stat(join(folder, entry.name)).catch(() => undefined);
          if (st) files.push({ name: entry.name, size: st.size, mtime: Math.round(st.mtimeMs) });
        }
        return files;
      }),
    async fetch(candidate: Candidate): Promise<Buffer> {
      const path = join(folder, String(candidate.ref));
      const st = await fs.stat(path);
      if (st.size > ctx.maxBytes) throw new SourceError('server', `${candidate.name} is larger than the limit.`);
      return fs.readFile(path);
    },
    async finish(candidate: Candidate): Promise<void> {
      const path = join(folder, String(candidate.ref));
      if (action === 'delete') await fs.rm(path, { force: true });
      else if (typeof action === 'object') {
        await fs.mkdir(action.move, { recursive: true });
        await fs.rename(path, join(action.move, String(candidate.ref)));
      }
    },
    close: async () => undefined,
  };
}
