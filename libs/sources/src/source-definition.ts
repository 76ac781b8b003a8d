import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseDuration } from './durations';

/** The kinds of source a poller can read. */
export const SOURCE_KINDS = ['feed', 'http', 'ftp', 'ftps', 'sftp', 'imap', 'folder'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The same rule as the X-Wire-Source header: a source id is what its copy carries as `wd-source`. */
export const SOURCE_ID_PATTERN = /^[\w.@:+-]{1,100}$/;
/** An environment variable name (credentials are read from the environment, never stored). */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const duration = (what: string, min: number) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what} must be a duration such as 30s, 5m or 1h` });
      return z.NEVER;
    }
    if (ms < min) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what} must be at least ${min} ms` });
      return z.NEVER;
    }
    return ms;
  });

/**
 * Where a secret comes from: an environment variable or a file (a mounted secret). Only these references are kept;
 * the secret itself is read when a poll connects and never stored or logged.
 */
const secretRef = z
  .object({
    env: z.string().regex(ENV_NAME, 'env must be an environment variable name').optional(),
    file: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => !!s.env !== !!s.file, { message: 'give exactly one of env or file' });

const credentials = z
  .object({
    username: z.union([z.string().min(1), secretRef]).optional(),
    password: secretRef.optional(),
    privateKey: secretRef.optional(),
    /** an HTTP header carrying a token, e.g. Authorization: the value is read from the secret */
    header: z
      .object({ name: z.string().min(1), value: secretRef })
      .strict()
      .optional(),
  })
  .strict();

const tls = z
  .object({
    /** PEM file of the certificate authority to trust (a private CA); the system's are trusted too */
    ca: z.string().min(1).optional(),
    /** the name the certificate must carry, when it differs from the host */
    servername: z.string().min(1).optional(),
  })
  .strict();

const afterFetch = z.union([z.literal('leave'), z.literal('delete'), z.object({ move: z.string().min(1) }).strict()]);

export const sourceDefinitionSchema = z
  .object({
    id: z
      .string()
      .regex(SOURCE_ID_PATTERN, 'id must be letters, digits and . _ @ : + - (at most 100), as X-Wire-Source'),
    kind: z.enum(SOURCE_KINDS),
    /** URL (feed, http), host (ftp, ftps, sftp, imap), or folder path (folder) */
    where: z.string().min(1),
    port: z.number().int().min(1).max(65535).optional(),
    /** imap: TLS from the first byte (993, the default) or plain/STARTTLS (143) */
    secure: z.boolean().optional(),
    /** remote folder (ftp, ftps, sftp) or mailbox (imap, default INBOX) */
    path: z.string().min(1).optional(),
    /** only file names matching this glob (ftp, ftps, sftp, folder), e.g. "*.xml" */
    pattern: z.string().min(1).optional(),
    schedule: z
      .object({
        interval: duration('schedule.interval', 1000),
        jitter: duration('schedule.jitter', 0).optional(),
      })
      .strict(),
    /** the wd-format hint given to the normalizer (nitf, newsml-g2, ninjs…); detected when absent */
    format: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.+-]{0,39}$/i, 'format must be a format name such as nitf or newsml-g2')
      .optional(),
    credentials: credentials.optional(),
    tls: tls.optional(),
    /** sftp: the server's host key fingerprint as ssh-keygen -l prints it (SHA256:…); checked when given */
    hostKey: z
      .string()
      .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'hostKey must be a SHA256:… fingerprint')
      .optional(),
    /** what happens to a remote file or message once its copy is in wire.raw (default: leave; imap: flag it) */
    afterFetch: afterFetch.optional(),
    /** a poll that takes longer is cut off and counted as a timeout */
    timeout: duration('timeout', 1000).optional(),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((s, ctx) => {
    const url = s.kind === 'feed' || s.kind === 'http';
    if (url && !/^https?:\/\//i.test(s.where)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['where'],
        message: `a ${s.kind} source needs an http(s) URL`,
      });
    }
    if (url && /^https?:\/\/[^/?#]*@/i.test(s.where)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['where'],
        message: 'credentials go in credentials (as env or file references), never in the URL',
      });
    }
    if (['ftp', 'ftps', 'sftp', 'imap'].includes(s.kind) && /[/\s]/.test(s.where)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['where'],
        message: `a ${s.kind} source needs a host name (the folder or mailbox goes in path)`,
      });
    }
    if (s.tls?.ca && url) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['tls', 'ca'],
        message: 'HTTPS sources trust the system CAs and NODE_EXTRA_CA_CERTS; tls.ca is for ftps and imap',
      });
    }
    if (s.afterFetch && s.afterFetch !== 'leave' && url) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['afterFetch'],
        message: 'feed and http sources cannot move or delete what they read',
      });
    }
  });

export type SourceDefinitionInput = z.input<typeof sourceDefinitionSchema>;
export type SourceDefinition = z.output<typeof sourceDefinitionSchema>;
export type SecretRef = { env?: string; file?: string };
export type AfterFetch = NonNullable<SourceDefinition['afterFetch']>;

/** A configuration mistake, with one line per problem naming where it is ("sources[2].schedule.interval: …"). */
export class SourceConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid sources configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'SourceConfigError';
  }
}

function issueLines(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)),
      prefix,
    );
    return `${path || '(top)'}: ${issue.message}`;
  });
}

/** Validates one definition (from the API); throws SourceConfigError with every problem. */
export function parseSourceDefinition(input: unknown): SourceDefinition {
  const result = sourceDefinitionSchema.safeParse(input);
  if (!result.success) throw new SourceConfigError(issueLines(result.error, ''));
  return result.data;
}

const fileSchema = z.object({ sources: z.array(z.unknown()) }).strict();

/**
 * Reads the WIREDESK_SOURCES file: `sources:` a list of definitions. Every problem of the file is reported at once,
 * each with its place, and two sources may not share an id.
 */
export function parseSourcesYaml(text: string, fileName = 'sources file'): SourceDefinition[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new SourceConfigError([`${fileName}: not valid YAML: ${(e as Error).message.split('\n')[0]}`]);
  }
  const top = fileSchema.safeParse(doc ?? { sources: [] });
  if (!top.success) throw new SourceConfigError(issueLines(top.error, '').map((l) => `${fileName}: ${l}`));
  const problems: string[] = [];
  const out: SourceDefinition[] = [];
  const ids = new Set<string>();
  top.data.sources.forEach((entry, i) => {
    const result = sourceDefinitionSchema.safeParse(entry);
    if (!result.success) {
      problems.push(...issueLines(result.error, `sources[${i}]`).map((l) => `${fileName}: ${l}`));
      return;
    }
    if (ids.has(result.data.id)) problems.push(`${fileName}: sources[${i}].id: "${result.data.id}" is used twice`);
    ids.add(result.data.id);
    out.push(result.data);
  });
  if (problems.length) throw new SourceConfigError(problems);
  return out;
}

/** The default after-fetch action: leave remote files; mark mail messages done (IMAP has no "seen by us" otherwise). */
export function effectiveAfterFetch(source: Pick<SourceDefinition, 'kind' | 'afterFetch'>): AfterFetch | 'flag' {
  if (source.afterFetch) return source.afterFetch;
  return source.kind === 'imap' ? 'flag' : 'leave';
}

/** The port a source connects to: its own, else the kind's (IMAP: 993 with TLS, 143 without). */
export function portOf(source: Pick<SourceDefinition, 'kind' | 'port' | 'secure'>): number | undefined {
  if (source.port) return source.port;
  if (source.kind === 'imap') return source.secure === false ? 143 : 993;
  return ({ ftp: 21, ftps: 21, sftp: 22 } as Record<string, number>)[source.kind];
}
