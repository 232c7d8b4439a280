// Replay protection in front of Bolt's signature check. Bolt refuses bad signatures and timestamps more than
// 5 minutes old, but it accepts the same signed request again within those 5 minutes and any timestamp in
// the future. This guard refuses both: a request whose verified signature was already seen, and one dated
// more than the window ahead. Signatures are recorded only after Bolt verified them, so a forger cannot
// fill the list.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/** Slack's replay window: requests older than this are stale (Bolt checks the past; we add the future). */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;
/** Signatures remembered at most; the oldest go first. Far above any newsroom's 5-minute traffic. */
export const SEEN_SIGNATURES_MAX = 50_000;

export interface ReplayGuard {
  /** Wraps the receiver's listener: refused requests get 401 with no body. */
  wrap(listener: RequestListener): RequestListener;
  /** Records a request Bolt has verified (call from `customPropertiesExtractor`). */
  verified(headers: IncomingMessage["headers"]): void;
}

export function replayGuard(onRefused: (why: string, req: IncomingMessage) => void, now: () => number = Date.now): ReplayGuard {
  const seen = new Map<string, number>();
  const forget = () => {
    const oldest = now() - REPLAY_WINDOW_MS;
    for (const [sig, at] of seen) {
      if (at >= oldest && seen.size <= SEEN_SIGNATURES_MAX) break;
      seen.delete(sig);
    }
  };
  const header = (req: IncomingMessage, name: string) => {
    const v = req.headers[name];
    return typeof v === "string" ? v : undefined;
  };
  return {
    wrap(listener) {
      return (req: IncomingMessage, res: ServerResponse) => {
        const signature = header(req, "x-slack-signature");
        const timestamp = Number(header(req, "x-slack-request-timestamp"));
        let why: string | null = null;
        if (signature && seen.has(signature)) why = "replayed (same signature seen within 5 minutes)";
        else if (Number.isFinite(timestamp) && timestamp * 1000 > now() + REPLAY_WINDOW_MS) why = "timestamp more than 5 minutes in the future";
        if (!why) return listener(req, res);
        req.resume();
        onRefused(why, req);
        res.writeHead(401);
        res.end();
      };
    },
    verified(headers) {
      const signature = headers["x-slack-signature"];
      if (typeof signature !== "string") return;
      forget();
      seen.set(signature, now());
    },
  };
}
