import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./ip-policy";
import { targetProblem } from "./post-webhook";

describe("webhook SSRF policy", () => {
  it("refuses private, loopback, link-local, CGNAT, multicast and reserved IPv4", () => {
    for (const a of [
      "127.0.0.1",
      "127.8.9.10",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "100.127.255.255",
      "0.0.0.0",
      "224.0.0.1",
      "239.255.255.250",
      "255.255.255.255",
      "198.18.0.1",
    ])
      expect(isPublicAddress(a), a).toBe(false);
  });

  it("refuses IPv6 loopback, unique-local, link-local, multicast and IPv4 hidden in IPv6", () => {
    for (const a of [
      "::1",
      "::",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "64:ff9b::a9fe:a9fe",
    ])
      expect(isPublicAddress(a), a).toBe(false);
  });

  it("lets public addresses through", () => {
    for (const a of ["93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])
      expect(isPublicAddress(a), a).toBe(true);
  });

  it("refuses a literal private address, credentials and other schemes before any DNS", () => {
    expect(targetProblem("http://127.0.0.1:9/hook", false)).toMatch(/private/);
    expect(targetProblem("http://[::1]/hook", false)).toMatch(/private/);
    expect(targetProblem("http://169.254.169.254/latest/meta-data", false)).toMatch(/private/);
    expect(targetProblem("https://user:pw@example.com/", false)).toMatch(/credentials/);
    expect(targetProblem("ftp://example.com/", false)).toMatch(/http/);
    expect(targetProblem("https://example.com/hook", false)).toBeNull();
    // Allowed only where the configuration says so (tests, development).
    expect(targetProblem("http://127.0.0.1:9/hook", true)).toBeNull();
  });
});
