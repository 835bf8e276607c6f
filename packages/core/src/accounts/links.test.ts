import { describe, expect, it } from "vitest";
import { parseInvitationToken } from "./links";

describe("parseInvitationToken", () => {
  it("reads the tenant from a well-formed token and refuses anything else", () => {
    const id = "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1c01";
    expect(parseInvitationToken(`${id}.${"a".repeat(43)}`)).toEqual({ customerId: id });
    expect(parseInvitationToken(`${id}.short`)).toBeNull();
    expect(parseInvitationToken(`not-a-uuid.${"a".repeat(43)}`)).toBeNull();
    expect(parseInvitationToken("")).toBeNull();
  });
});
