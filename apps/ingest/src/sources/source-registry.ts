import { readFileSync } from 'node:fs';
import { SourceConfigError, parseSourceDefinition, parseSourcesYaml, type SourceDefinition } from '@wiredesk/sources';
import type { SourceStateRecord, SourceStore } from '@wiredesk/storage';

/** A source as the poller runs it: where it was defined, and whether it is on. */
export interface EffectiveSource {
  definition: SourceDefinition;
  origin: 'file' | 'api';
  enabled: boolean;
  state: SourceStateRecord | null;
}

export class SourceConflictError extends Error {}
export class SourceNotFoundError extends Error {}

/** Reads the WIREDESK_SOURCES file once, at start: a mistake in it stops the service with every problem listed. */
export function loadSourcesFile(path: string | undefined): SourceDefinition[] {
  if (!path) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourceConfigError([`WIREDESK_SOURCES=${path} cannot be read (${(e as NodeJS.ErrnoException).code})`]);
  }
  return parseSourcesYaml(text, path);
}

/**
 * The sources of the file and of the API together. File sources are read-only through the API (edit the file),
 * except enable/disable, which is kept in the source's state and so survives restarts on every instance.
 */
export class SourceRegistry {
  private readonly fromFile: Map<string, SourceDefinition>;

  constructor(
    private readonly store: SourceStore,
    fileSources: SourceDefinition[],
  ) {
    this.fromFile = new Map(fileSources.map((s) => [s.id, s]));
  }

  async all(): Promise<EffectiveSource[]> {
    const [stored, states] = await Promise.all([this.store.listDefinitions(), this.store.listStates()]);
    const stateOf = new Map(states.map((s) => [s._id, s]));
    const out: EffectiveSource[] = [];
    for (const definition of this.fromFile.values())
      out.push(this.effective(definition, 'file', stateOf.get(definition.id)));
    for (const doc of stored) {
      if (this.fromFile.has(doc._id)) continue; // the file wins
      try {
        out.push(this.effective(parseSourceDefinition(doc.definition), 'api', stateOf.get(doc._id)));
      } catch {
        // a stored definition a newer schema no longer accepts: shown by get(), not polled
      }
    }
    return out.sort((a, b) => a.definition.id.localeCompare(b.definition.id));
  }

  async get(id: string): Promise<EffectiveSource> {
    const state = await this.store.getState(id);
    const fromFile = this.fromFile.get(id);
    if (fromFile) return this.effective(fromFile, 'file', state);
    const doc = await this.store.getDefinition(id);
    if (!doc) throw new SourceNotFoundError(`There is no source "${id}".`);
    return this.effective(parseSourceDefinition(doc.definition), 'api', state);
  }

  async create(input: unknown): Promise<EffectiveSource> {
    const definition = parseSourceDefinition(input);
    if (this.fromFile.has(definition.id)) {
      throw new SourceConflictError(`The source "${definition.id}" is defined in the sources file.`);
    }
    if (!(await this.store.insertDefinition(definition.id, toStored(definition)))) {
      throw new SourceConflictError(`A source "${definition.id}" exists already.`);
    }
    return this.get(definition.id);
  }

  async update(id: string, input: unknown): Promise<EffectiveSource> {
    if (this.fromFile.has(id)) {
      throw new SourceConflictError(`The source "${id}" is defined in the sources file: change it there.`);
    }
    const definition = parseSourceDefinition({ ...(input as object), id });
    if (!(await this.store.replaceDefinition(id, toStored(definition)))) {
      throw new SourceNotFoundError(`There is no source "${id}".`);
    }
    return this.get(id);
  }

  async setEnabled(id: string, enabled: boolean): Promise<EffectiveSource> {
    await this.get(id);
    await this.store.setState(id, { enabledOverride: enabled });
    return this.get(id);
  }

  private effective(
    definition: SourceDefinition,
    origin: 'file' | 'api',
    state: SourceStateRecord | null | undefined,
  ): EffectiveSource {
    return { definition, origin, enabled: state?.enabledOverride ?? definition.enabled, state: state ?? null };
  }
}

/** The definition as stored: durations in milliseconds (the schema reads them back), references to secrets only. */
function toStored(definition: SourceDefinition): Record<string, unknown> {
  return JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;
}
