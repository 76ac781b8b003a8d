import { createHash } from 'node:crypto';
import { watch, promises as fs, constants as fsConstants, type FSWatcher } from 'node:fs';
import { basename, join } from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ErrorCode, isWireError } from '@wiredesk/contracts';
import { contentTypeForFile } from '@wiredesk/formats';
import { backoffDelay, headerSafe, isTransientError, nameBasedUuid } from '@wiredesk/messaging';
import { ReadinessRegistry, WIREDESK_CONFIG, type WiredeskConfig } from '@wiredesk/platform';
import {
  ABANDONED_MS,
  FAILED_DIR,
  PROCESSED_DIR,
  StabilityTracker,
  listDroppedFiles,
  moveAside,
  writeErrorReport,
  type DroppedFile,
} from './drop-folder';
import { WireIngestService } from './ingest.service';

/** Most files and bytes read into memory per scan; the rest waits for the next scan. */
const MAX_FILES_PER_SCAN = 200;
const MAX_BYTES_PER_SCAN = 64 * 1024 * 1024;

/**
 * The watched drop folder (WIRE_DROP_DIR). A file is taken once it has stopped changing, produced to wire.raw with
 * channel `folder`, its name in wd-filename and its subfolder as the source, and only after Kafka's acknowledgement
 * moved to processed/. A file that cannot be accepted moves to failed/ with a .error.json beside it. A file is never
 * deleted: it is always in the drop folder, processed/ or failed/. When Kafka is down the file stays and is retried.
 */
@Injectable()
export class FolderWatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DropFolder');
  private readonly dropDir: string | undefined;
  private readonly tracker: StabilityTracker;
  private readonly inProgress = new Set<string>();
  private readonly retryAt = new Map<string, { at: number; attempts: number }>();
  private timer: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;
  private scanning: Promise<void> | undefined;
  private rescan = false;
  private stopped = false;

  constructor(
    private readonly ingest: WireIngestService,
    @Inject(WIREDESK_CONFIG) private readonly config: WiredeskConfig,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.dropDir = config.wireDropDir;
    this.tracker = new StabilityTracker(config.wireDropStableMs);
  }

  async onApplicationBootstrap(): Promise<void> {
    const dropDir = this.dropDir;
    if (!dropDir) return;
    await fs.mkdir(join(dropDir, PROCESSED_DIR), { recursive: true });
    await fs.mkdir(join(dropDir, FAILED_DIR), { recursive: true });
    this.readiness.register('drop-folder', () => fs.access(dropDir, fsConstants.R_OK | fsConstants.W_OK));
    this.timer = setInterval(() => this.scanSoon(0), Math.max(50, this.config.wireDropPollMs));
    try {
      // events only hasten the next scan; the periodic scan alone is enough (network filesystems send none)
      this.watcher = watch(dropDir, () => this.scanSoon(50));
      this.watcher.on('error', () => undefined);
    } catch {
      this.watcher = undefined;
    }
    this.logger.log({ msg: 'watching drop folder', dropDir });
    this.scanSoon(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.debounce);
    this.watcher?.close();
    await this.scanning;
  }

  /** Runs a scan now, or once more right after the running one. Resolves when the scan it started has finished. */
  scanSoon(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.scanNow().catch((e: unknown) => this.logger.error({ msg: 'drop folder scan failed', error: String(e) }));
    }, delayMs);
  }

  async scanNow(): Promise<void> {
    if (this.stopped || !this.dropDir) return;
    if (this.scanning) {
      this.rescan = true;
      return this.scanning;
    }
    this.scanning = this.scan(this.dropDir)
      .catch((e) => this.logger.error({ msg: 'drop folder scan failed', error: (e as Error).message }))
      .finally(() => {
        this.scanning = undefined;
        if (this.rescan) {
          this.rescan = false;
          this.scanSoon(0);
        }
      });
    return this.scanning;
  }

  private async scan(dropDir: string): Promise<void> {
    const now = Date.now();
    const listed = await listDroppedFiles(dropDir);
    // an unfinished name is still being written, until it has been left alone for ABANDONED_MS
    const stable = this.tracker.stable(
      listed.filter((f) => !f.unfinished || now - f.mtimeMs >= ABANDONED_MS),
      now,
    );
    const batch: DroppedFile[] = [];
    let bytes = 0;
    for (const file of stable) {
      if (this.inProgress.has(file.path)) continue;
      const retry = this.retryAt.get(file.path);
      if (retry && retry.at > now) continue;
      if (batch.length >= MAX_FILES_PER_SCAN || (batch.length > 0 && bytes + file.size > MAX_BYTES_PER_SCAN)) {
        this.rescan = true;
        break;
      }
      batch.push(file);
      bytes += file.size;
    }
    await Promise.all(batch.map((file) => this.take(dropDir, file)));
  }

  private async take(dropDir: string, file: DroppedFile): Promise<void> {
    this.inProgress.add(file.path);
    // cleaned as the X-Wire-Filename header is: one line, no control characters
    const filename = headerSafe(basename(file.path), 255);
    try {
      if (file.refusal) return await this.fail(dropDir, file, file.refusal.code, file.refusal.message);
      if (file.unfinished) {
        return await this.fail(
          dropDir,
          file,
          ErrorCode.UNSUPPORTED_FILE,
          `The file has a name writers use while writing (or a hidden one) and was left unchanged for ${ABANDONED_MS / 60000} minutes.`,
        );
      }
      if (file.size > this.config.maxBodyBytes) {
        return await this.fail(
          dropDir,
          file,
          ErrorCode.TOO_LARGE,
          `The file is larger than the limit of ${this.config.maxBodyBytes} bytes.`,
        );
      }
      const body = await fs.readFile(file.path);
      if (body.length !== file.size) return; // still being written after all: the next scans will see it settle
      if (body.length === 0) return await this.fail(dropDir, file, ErrorCode.EMPTY_INPUT, 'The file is empty.');
      const digest = createHash('sha256').update(body).digest('hex');
      const ingestId = nameBasedUuid(`folder:${file.source ?? ''}:${file.relativePath}:${digest}`);
      // the extension gives the type (`.eml` message/rfc822, `.jpg` image/jpeg…) where it says one
      const type = contentTypeForFile(filename);
      const contentType = type === 'application/octet-stream' ? undefined : type;
      await this.ingest.ingest({ body, channel: 'folder', source: file.source, filename, contentType, ingestId });
      const moved = await moveAside(dropDir, file, PROCESSED_DIR);
      this.retryAt.delete(file.path);
      this.logger.log({ msg: 'dropped file ingested', ingestId, file: file.relativePath, movedTo: moved });
    } catch (e) {
      if (isTransientError(e)) {
        const attempts = (this.retryAt.get(file.path)?.attempts ?? 0) + 1;
        const delay = backoffDelay(attempts, { initialMs: 1000, maxMs: 60000 });
        this.retryAt.set(file.path, { at: Date.now() + delay, attempts });
        this.logger.warn({
          msg: 'dropped file not accepted yet, will retry',
          file: file.relativePath,
          delayMs: delay,
          error: (e as Error).message,
        });
        return;
      }
      const code = isWireError(e)
        ? e.code
        : (e as { type?: string })?.type === 'MESSAGE_TOO_LARGE'
          ? ErrorCode.TOO_LARGE
          : ErrorCode.INTERNAL_ERROR;
      await this.fail(
        dropDir,
        file,
        code,
        `The file could not be ingested: ${(e as Error)?.message ?? String(e)}`,
      ).catch((moveError) =>
        this.logger.error({
          msg: 'could not move failed file',
          file: file.relativePath,
          error: (moveError as Error).message,
        }),
      );
    } finally {
      this.inProgress.delete(file.path);
      this.tracker.forget(file.path);
    }
  }

  private async fail(dropDir: string, file: DroppedFile, code: string, message: string): Promise<void> {
    const moved = await moveAside(dropDir, file, FAILED_DIR);
    await writeErrorReport(moved, { code, message, source: file.source });
    this.retryAt.delete(file.path);
    this.logger.warn({ msg: 'dropped file failed', code, file: file.relativePath, movedTo: moved });
  }
}
