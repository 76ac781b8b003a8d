// Structure of docker-compose.yml and the Dockerfile. No Docker engine runs here, so these checks are what stands
// between the ops team and a stack that does not come up; `docker compose config` runs too where the plugin exists.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../libs/platform/src/config';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

type Env = Record<string, string | number | boolean | null>;
interface Service {
  image?: string;
  build?: { context?: string; dockerfile?: string; target?: string } | string;
  command?: string[] | string;
  environment?: Env | string[];
  ports?: (string | { target: number; published?: string | number })[];
  expose?: (string | number)[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  container_name?: string;
  restart?: string;
  init?: boolean;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

// `merge: true`: compose reads YAML merge keys (`<<: *app`), which YAML 1.2 parsers leave off by default.
const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;
const services = compose.services;
const dockerfile = read('Dockerfile');

/** Services built from our Dockerfile, with the port variable each one listens on. */
const APP_PORT_VARIABLE: Record<string, (typeof CONFIG_VARIABLES)[number]> = {
  ingest: 'INGEST_PORT',
  archive: 'ARCHIVE_PORT',
  normalizer: 'NORMALIZER_PORT',
  enricher: 'ENRICHER_PORT',
};
const APPS = Object.keys(APP_PORT_VARIABLE);
const ONE_SHOT = ['kafka-init'];

function envOf(service: Service): Env {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
}

function commandOf(service: Service): string {
  const command = service.command ?? '';
  return Array.isArray(command) ? command.join(' ') : command;
}

function healthTestOf(service: Service): string {
  const test = service.healthcheck?.test ?? '';
  return Array.isArray(test) ? test.join(' ') : test;
}

/** `${VAR}`, `${VAR:-default}`, `$VAR` interpolations compose will resolve (`$$` is a literal dollar). */
function interpolatedNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.replace(/\$\$/g, '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    names.push(m[1] ?? m[2]);
  }
  return names;
}

/** "listener name" → "host:port" from a Kafka listener list such as `PLAINTEXT://kafka:9092,CONTROLLER://:9093`. */
function listeners(value: unknown): Map<string, string> {
  return new Map(
    String(value ?? '')
      .split(',')
      .filter(Boolean)
      .map((l) => l.trim().split('://') as [string, string]),
  );
}

/** The Dockerfile's stages in order, each with its own instructions. */
function dockerStages(): { name?: string; lines: string[] }[] {
  const stages: { name?: string; lines: string[] }[] = [];
  for (const line of dockerfile.split('\n').map((l) => l.trim())) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ name: from[1], lines: [] });
    else if (stages.length && line && !line.startsWith('#')) stages[stages.length - 1].lines.push(line);
  }
  return stages;
}

describe('docker-compose.yml', () => {
  it('defines Kafka, the topic provisioning, MongoDB and every service', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['archive', 'enricher', 'ingest', 'kafka', 'kafka-init', 'mongo', 'normalizer'].sort(),
    );
  });

  it('runs Kafka 3.9.x from the apache/kafka image in KRaft mode, consistently configured', () => {
    const kafka = services.kafka;
    expect(kafka.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    const env = envOf(kafka);
    const nodeId = String(env.KAFKA_NODE_ID);
    expect(String(env.KAFKA_PROCESS_ROLES).split(',').sort()).toEqual(['broker', 'controller']);
    expect(env.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/); // a base64url UUID, as kafka-storage format wants

    const listening = listeners(env.KAFKA_LISTENERS);
    const advertised = listeners(env.KAFKA_ADVERTISED_LISTENERS);
    const protocols = new Map(
      String(env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP)
        .split(',')
        .map((p) => p.split(':') as [string, string]),
    );
    const controller = String(env.KAFKA_CONTROLLER_LISTENER_NAMES);
    // every listener has a protocol; the controller listens but is never advertised to clients
    for (const name of listening.keys()) expect(protocols.has(name)).toBe(true);
    expect(listening.has(controller)).toBe(true);
    expect(advertised.has(controller)).toBe(false);
    for (const name of advertised.keys()) expect(listening.has(name)).toBe(true);
    expect(listening.has(String(env.KAFKA_INTER_BROKER_LISTENER_NAME))).toBe(true);
    // the quorum is this one node, at its controller port
    const controllerPort = listening.get(controller)!.split(':').pop();
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${nodeId}@kafka:${controllerPort}`);
    // a single broker cannot hold internal topics with the default replication factor of 3
    expect(Number(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR)).toBe(1);
    expect(Number(env.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR)).toBe(1);
    // the services reach Kafka at an advertised in-network address
    const inNetwork = [...advertised.values()];
    for (const app of APPS) expect(inNetwork).toContain(envOf(services[app]).KAFKA_BROKERS);
    // data on a named volume at the log dir
    expect(services.kafka.volumes).toContain(`kafka-data:${env.KAFKA_LOG_DIRS}`);
  });

  it('lets Kafka carry a delivery as large as MAX_BODY_BYTES', () => {
    const kafka = envOf(compose.services.kafka);
    const maxBody = Number(envOf(compose.services.ingest).MAX_BODY_BYTES ?? loadConfig({}).maxBodyBytes);
    expect(Number(kafka.KAFKA_MESSAGE_MAX_BYTES)).toBeGreaterThan(maxBody);
    expect(Number(kafka.KAFKA_REPLICA_FETCH_MAX_BYTES)).toBeGreaterThanOrEqual(Number(kafka.KAFKA_MESSAGE_MAX_BYTES));
  });

  it('runs MongoDB 7 or newer with its data on a volume', () => {
    const major = Number(/^mongo:(\d+)/.exec(services.mongo.image ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(7);
    expect(services.mongo.volumes).toContain('mongo-data:/data/db');
  });

  it('gives every long-running service a healthcheck', () => {
    for (const [name, service] of Object.entries(services)) {
      if (ONE_SHOT.includes(name)) continue;
      expect({ name, disabled: service.healthcheck?.disable ?? false }).toEqual({ name, disabled: false });
      expect({ name, test: healthTestOf(service) }).toEqual({ name, test: expect.stringMatching(/\S/) });
    }
    expect(healthTestOf(services.kafka)).toContain('--bootstrap-server localhost:9092');
    expect(healthTestOf(services.mongo)).toContain("adminCommand('ping')");
  });

  it("checks each service's own /health/ready port (node fetch: the slim image has no curl)", () => {
    for (const app of APPS) {
      const port = envOf(services[app])[APP_PORT_VARIABLE[app]];
      expect({ app, test: healthTestOf(services[app]) }).toEqual({
        app,
        test: expect.stringContaining(`fetch('http://127.0.0.1:${port}/health/ready')`),
      });
    }
  });

  it('waits on health: service_healthy for servers, service_completed_successfully for the one-shot init', () => {
    for (const [name, service] of Object.entries(services)) {
      if (!service.depends_on) continue;
      expect({ name, listForm: Array.isArray(service.depends_on) }).toEqual({ name, listForm: false });
      for (const [dependency, { condition }] of Object.entries(
        service.depends_on as Record<string, { condition: string }>,
      )) {
        expect(Object.keys(services)).toContain(dependency);
        const expected = ONE_SHOT.includes(dependency) ? 'service_completed_successfully' : 'service_healthy';
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: expected });
      }
    }
    for (const app of APPS) {
      expect(Object.keys(services[app].depends_on ?? {}).sort()).toEqual(['kafka', 'kafka-init', 'mongo']);
    }
    expect(Object.keys(services['kafka-init'].depends_on ?? {})).toEqual(['kafka']);
  });

  it('provisions every topic the services use, idempotently, before they start', () => {
    const init = services['kafka-init'];
    const script = commandOf(init);
    expect(init.image).toBe(services.kafka.image);
    expect(init.restart).toBe('no');
    expect(script).toContain('kafka-topics.sh');
    expect(script).toContain('--if-not-exists');
    const initEnv = envOf(init);
    for (const variable of ['TOPIC_PARTITIONS', 'TOPIC_REPLICATION_FACTOR']) {
      expect(script).toContain(`"$$${variable}"`);
      for (const app of APPS) expect(envOf(services[app])[variable]).toBe(initEnv[variable]);
    }
    for (const variable of [
      'TOPIC_WIRE_RAW',
      'TOPIC_WIRE_PARSED',
      'TOPIC_ARTICLES',
      'TOPIC_DLQ',
      'TOPIC_IDEMPOTENCY',
    ]) {
      expect(script).toContain(`"$$${variable}"`); // `$$` is compose's escape for a shell `$`
      for (const app of APPS) expect(envOf(services[app])[variable]).toBe(initEnv[variable]);
    }
    expect(initEnv).toMatchObject({
      TOPIC_WIRE_RAW: 'wire.raw',
      TOPIC_ARTICLES: 'articles.normalized',
      TOPIC_DLQ: 'wire.dlq',
    });
  });

  it('builds every service from the one Dockerfile and runs its compiled main', () => {
    const nest = JSON.parse(read('nest-cli.json')) as {
      projects: Record<string, { type: string; sourceRoot: string }>;
    };
    const stageNames = dockerStages().map((s) => s.name);
    const images = new Set<string | undefined>();
    for (const app of APPS) {
      const { build, image } = services[app];
      expect(build).toEqual({ context: '.', dockerfile: 'Dockerfile', target: 'runtime' });
      expect(stageNames).toContain('runtime');
      images.add(image);
      expect(nest.projects[app]?.type).toBe('application');
      expect(services[app].command).toEqual(['node', `dist/${nest.projects[app].sourceRoot}/main.js`]);
      expect(services[app].init).toBe(true);
      expect(services[app].restart).toBe('unless-stopped');
    }
    expect(images.size).toBe(1); // one image, built once, shared by all four
  });

  it('publishes ingest on 8080 and archive on 8081, and leaves normalizer and enricher free to scale', () => {
    expect(services.ingest.ports).toEqual(['8080:8080']);
    expect(envOf(services.ingest).INGEST_PORT).toBe(8080);
    expect(services.archive.ports).toEqual(['8081:8081']);
    expect(envOf(services.archive).ARCHIVE_PORT).toBe(8081);
    for (const scalable of ['normalizer', 'enricher']) {
      expect({ scalable, ports: services[scalable].ports, name: services[scalable].container_name }).toEqual({
        scalable,
        ports: undefined,
        name: undefined,
      });
    }
  });

  it('configures the services only through the documented environment variables', () => {
    const documented: readonly string[] = CONFIG_VARIABLES;
    for (const app of APPS) {
      const env = envOf(services[app]);
      expect(env.KAFKA_BROKERS).toBe('kafka:9092');
      expect(String(env.MONGO_URL)).toMatch(/^mongodb:\/\/mongo:27017\/wiredesk$/);
      for (const name of Object.keys(env))
        expect({ app, name, documented: documented.includes(name) }).toEqual({ app, name, documented: true });
      for (const name of interpolatedNames(JSON.stringify(services[app]))) expect(documented).toContain(name);
    }
    for (const name of Object.keys(envOf(services['kafka-init']))) expect(documented).toContain(name);
  });

  it('keeps the drop folder and the data on declared named volumes', () => {
    const ingest = services.ingest;
    expect(ingest.volumes).toContain(`wire-drop:${envOf(ingest).WIRE_DROP_DIR}`);
    const declared = Object.keys(compose.volumes ?? {});
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        if (source && !/^[./~]/.test(source)) expect(declared).toContain(source);
      }
    }
  });

  const composeCli = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  const composeAvailable = composeCli.status === 0;
  const skipReason = composeCli.error ? 'docker is not installed' : 'the docker compose plugin is not installed';
  (composeAvailable ? it : it.skip)(
    `is accepted by \`docker compose config\`${composeAvailable ? '' : ` (skipped: ${skipReason})`}`,
    () => {
      const result = spawnSync('docker', ['compose', '-f', 'docker-compose.yml', 'config', '--quiet'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );
});

describe('Dockerfile', () => {
  const stages = dockerStages();
  const runtime = stages[stages.length - 1];

  it('is multi-stage and ends with the runtime stage compose targets', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.name).toBe('runtime');
  });

  it('builds with every dependency but ships production dependencies only', () => {
    const all = stages.flatMap((s) => s.lines);
    expect(all).toContainEqual(expect.stringMatching(/^RUN npm ci\b(?!.*--omit=dev)/));
    expect(all).toContainEqual(expect.stringMatching(/^RUN npm run build\b/));
    expect(all).toContainEqual(expect.stringMatching(/^RUN npm ci --omit=dev\b/));
    expect(runtime.lines).toContain('ENV NODE_ENV=production');
    expect(runtime.lines).not.toContainEqual(expect.stringMatching(/^RUN npm (ci|install)\b/));
  });

  it('runs as the unprivileged node user and exposes the service ports', () => {
    const users = runtime.lines.filter((l) => /^USER\s/.test(l));
    expect(users).toEqual(['USER node']);
    const exposed = runtime.lines.filter((l) => l.startsWith('EXPOSE')).join(' ');
    for (const port of ['8080', '8081', '8082', '8083']) expect(exposed).toContain(port);
  });

  it('keeps the build context lean without dropping what the build needs', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'dist', '.git']));
    for (const needed of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'apps',
      'libs',
    ]) {
      expect(ignored).not.toContain(needed);
    }
  });
});
