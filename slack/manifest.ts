// Writes the Slack app manifests from the command registry, so Slack's slash commands never drift from the
// bot's: `node bin/run-ts.js slack/manifest.ts` (tests/chat/slack-render.test.ts checks they match).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { commands } from "../commands/index.ts";

/** Replaced by the newsroom with the bot's public address (HTTP mode only). */
export const PLACEHOLDER_URL = "https://newsbot.example.org/slack/events";

export function manifest(mode: "socket" | "http") {
  const http = mode === "http";
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "newsbot",
      description: "Quotes, figures and people from the newsroom's own articles",
      long_description:
        "newsbot answers /quote, /figure, /search, /who, /check and /help from your newsroom's archive of articles: direct quotations with their speakers, figures with what they measure and who says so, and the articles they come from. Answers are private to whoever asked, with a button to share them in the channel. Nothing in an article can ping a channel or a person.",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "newsbot", always_online: true },
      slash_commands: commands.map((c) => ({
        command: `/${c.name}`,
        ...(http ? { url: PLACEHOLDER_URL } : {}),
        description: c.description,
        usage_hint: c.option.description,
        should_escape: false,
      })),
    },
    oauth_config: { scopes: { bot: ["commands", "chat:write", "chat:write.public"] } },
    settings: {
      interactivity: { is_enabled: true, ...(http ? { request_url: PLACEHOLDER_URL } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !http,
      token_rotation_enabled: false,
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync("slack/manifest.json", JSON.stringify(manifest("socket"), null, 2) + "\n");
  writeFileSync("slack/manifest.http.json", JSON.stringify(manifest("http"), null, 2) + "\n");
  process.stdout.write("wrote slack/manifest.json and slack/manifest.http.json\n");
}
