// The readiness check an orchestrator polls: GET /health answers 200 when this replica can answer
// commands (its archive answers and its indexes are loaded), 503 when it cannot, with the reasons.
import { createServer, type Server } from "node:http";
import type { Logger } from "../log.ts";

export interface HealthReport {
  ready: boolean;
  /** Why it is not ready, when it is not. */
  problems: string[];
  [detail: string]: unknown;
}

export interface HealthServer {
  readonly port: number;
  stop(): Promise<void>;
}

/** How long the check waits for the archive before calling the replica unready. */
export const HEALTH_TIMEOUT_MS = 2000;

export async function serveHealth(port: number, check: () => Promise<HealthReport>, log: Logger): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path !== "/health" && path !== "/healthz") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found: the readiness check is GET /health\n");
      return;
    }
    void withTimeout(check(), HEALTH_TIMEOUT_MS)
      .catch((e: Error): HealthReport => ({ ready: false, problems: [e.message] }))
      .then((report) => {
        res.writeHead(report.ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(req.method === "HEAD" ? undefined : JSON.stringify(report) + "\n");
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  log.info(`health: GET http://localhost:${actual}/health`);
  return {
    port: actual,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the archive did not answer within ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
