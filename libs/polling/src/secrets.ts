import { readFileSync } from 'node:fs';
import { SourceError, type SecretRef } from '@wiredesk/sources';

/**
 * Reads a credential when a poll connects: from the environment or a file (a mounted secret). The value is used and
 * dropped; it is never stored, returned by the API or logged. A missing one is a configuration error of the source.
 */
export class SecretReader {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  read(ref: SecretRef | string | undefined, what: string, options: { trim?: boolean } = {}): string | undefined {
    if (ref === undefined) return undefined;
    if (typeof ref === 'string') return ref;
    if (ref.env) {
      const value = this.env[ref.env];
      if (value === undefined || value === '') {
        throw new SourceError(
          'config',
          `The ${what} comes from the environment variable ${ref.env}, which is not set.`,
        );
      }
      return value;
    }
    try {
      const value = readFileSync(ref.file!, 'utf8');
      return options.trim === false ? value : value.replace(/\r?\n$/, '');
    } catch (e) {
      throw new SourceError(
        'config',
        `The ${what} file ${ref.file} cannot be read (${(e as NodeJS.ErrnoException).code}).`,
      );
    }
  }

  readFile(path: string | undefined, what: string): Buffer | undefined {
    if (!path) return undefined;
    try {
      return readFileSync(path);
    } catch (e) {
      throw new SourceError(
        'config',
        `The ${what} file ${path} cannot be read (${(e as NodeJS.ErrnoException).code}).`,
      );
    }
  }
}
