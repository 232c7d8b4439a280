// Which addresses a feed item's page may not be fetched from, unless the feed is on one itself
// (feeds.test.ts checks that rule through completeFromPage).
import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "../../src/archive/addresses.ts";

describe("private addresses", () => {
  it("tells private, loopback, link-local and mapped addresses from public ones", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "151.101.0.81", "2a04:4e42::81", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});
