// /digest [since]: what entered the archive lately (default the last 24 hours): articles, key quotes, key
// figures and who was in the news. The same digest the scheduler posts, on demand and only to the asker.
import { usageReply } from "../src/reply/build.ts";
import { Messages } from "../src/reply/messages.ts";
import { buildDigest } from "../src/digest/build.ts";
import { DEFAULT_SINCE, parseSince } from "../src/digest/since.ts";
import type { Command } from "./command.ts";

export const digest: Command = {
  name: "digest",
  description: "What came in lately: articles, key quotes and figures, who was in the news (default: 24h)",
  option: { description: "How far back: 24h, 3d, 2w or a date (2026-03-01)", required: false },
  examples: ["/digest", "/digest 3d", "/digest 2026-03-01"],

  async run(ctx, query) {
    const now = ctx.now();
    const since = parseSince(query || DEFAULT_SINCE, now);
    if (!since) return usageReply("digest", query, Messages.notAPeriod(query), this.examples);
    return buildDigest(ctx.lookup.store, { since, now, query: query || DEFAULT_SINCE });
  },
};
