import { describe, expect, it } from "vitest";
import { displayIp } from "./display-ip";

describe("displayIp", () => {
  it("shows IPv4-mapped IPv6 addresses as IPv4, everything else as stored", () => {
    expect(displayIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(displayIp("::FFFF:10.0.0.7")).toBe("10.0.0.7");
    expect(displayIp("2001:db8::1")).toBe("2001:db8::1");
    expect(displayIp("192.0.2.4")).toBe("192.0.2.4");
    expect(displayIp("::ffff:7f00:1")).toBe("::ffff:7f00:1");
    expect(displayIp(null)).toBe("—");
  });
});
