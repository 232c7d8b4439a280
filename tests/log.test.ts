import { describe, expect, it } from "vitest";
import { memoryLogger, redact, registerSecrets } from "../src/log.ts";

describe("logs never show secrets", () => {
  it("masks Slack and Discord tokens, auth headers and database passwords", () => {
    const line = redact(
      "token xoxb-123-456-abc and xapp-1-A0-99 header Bearer abcdefghijk Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz12345 url postgres://news:hunter2@db/newsbot signing_secret=abc123",
    );
    expect(line).not.toMatch(/xoxb-123|xapp-1|abcdefghijk\b|MTIzNDU2|hunter2|abc123/);
  });

  it("masks the configured secrets wherever they appear", () => {
    registerSecrets("plain-looking-secret-value");
    const log = memoryLogger();
    log.error("request failed with plain-looking-secret-value in it");
    expect(log.lines[0]).toContain("[redacted]");
    expect(log.lines[0]).not.toContain("plain-looking-secret-value");
  });
});
