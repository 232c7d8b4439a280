import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, loadConfig } from "../src/config.ts";
import { tempDir } from "./helpers/tmp.ts";

const cwd = tempDir();
const load = (env: Record<string, string>, articles?: string) => loadConfig({ env, cwd, articles });

describe("settings", () => {
  it("defaults to the terminal over data/articles, with an archive file of that folder's own", () => {
    const c = load({});
    expect(c.articlesDir).toBe(join(cwd, "data/articles"));
    expect(c.dbPath).toMatch(/data\/archives\/articles-[0-9a-f]{8}\.db$/);
    expect(c.slack).toBeNull();
    expect(c.discord).toBeNull();
    expect(c.digest).toEqual({ cron: "0 7 * * *", timezone: "Europe/London", skipEmpty: false });
  });

  it("gives --articles DIR its own archive beside NEWSBOT_DB, so two folders never mix", () => {
    const mine = load({ NEWSBOT_DB: "x/news.db" });
    const other = load({ NEWSBOT_DB: "x/news.db" }, "elsewhere");
    expect(mine.dbPath).toBe(join(cwd, "x/news.db"));
    expect(other.dbPath).not.toBe(mine.dbPath);
    expect(other.dbPath.startsWith(join(cwd, "x/news."))).toBe(true);
  });

  it("names the bad setting in a plain message", () => {
    expect(() => load({ PORT: "eighty" })).toThrow(/PORT must be a port number/);
    expect(() => load({ SLACK_BOT_TOKEN: "nope" })).toThrow(/SLACK_BOT_TOKEN must be a bot token/);
    expect(() => load({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET is missing/);
    expect(() => load({ DISCORD_TOKEN: "t" })).toThrow(/DISCORD_APPLICATION_ID is missing/);
    expect(() => load({ DIGEST_TZ: "Mars/Olympus" })).toThrow(/DIGEST_TZ/);
    expect(() => load({ NEWSBOT_DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
  });

  it("reads .env, and lets the environment override it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".env"), "SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_SIGNING_SECRET=s3cret\nPORT=4000\n");
    const c = loadConfig({ env: { PORT: "5000" }, cwd: dir });
    expect(c.slack).toMatchObject({ botToken: "xoxb-from-file", port: 5000, appToken: null });
  });

  it("describes the configuration without any secret", () => {
    const c = load({ SLACK_BOT_TOKEN: "xoxb-very-secret", SLACK_SIGNING_SECRET: "shh-secret", DISCORD_TOKEN: "tok-secret", DISCORD_APPLICATION_ID: "123456" });
    const text = describeConfig(c);
    expect(text).toMatch(/Slack \(HTTP on port 3000\), Discord/);
    expect(text).not.toMatch(/secret/);
  });
});
