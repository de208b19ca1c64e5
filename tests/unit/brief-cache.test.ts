// The page frame's memo (lib/server/brief-cache.ts): reused within its time, dropped by any write
// made through this server and after its time, failures not kept, size bounded.
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { briefCacheSize, briefly, clearBriefCache, noteWrite } from "@/lib/server/brief-cache";
import { viewerKey } from "@/lib/authz/permissions";
import { runAction } from "@/lib/server/action";
import { setViewerForTests } from "@/lib/auth/viewer";
import { AppError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/authz/permissions";

let loads = 0;
const load = () => Promise.resolve(++loads);

beforeEach(() => {
  clearBriefCache();
  loads = 0;
});

describe("briefly", () => {
  it("reuses a value within its time", async () => {
    expect(await briefly("k", 1000, load, 0)).toBe(1);
    expect(await briefly("k", 1000, load, 999)).toBe(1);
    expect(loads).toBe(1);
  });

  it("loads again once its time has passed", async () => {
    await briefly("k", 1000, load, 0);
    expect(await briefly("k", 1000, load, 1000)).toBe(2);
  });

  it("loads again after any write, whatever the time", async () => {
    await briefly("k", 60_000, load, 0);
    noteWrite();
    expect(await briefly("k", 60_000, load, 1)).toBe(2);
    expect(await briefly("k", 60_000, load, 2)).toBe(2);
  });

  it("keeps keys apart", async () => {
    expect(await briefly("a", 1000, load, 0)).toBe(1);
    expect(await briefly("b", 1000, load, 0)).toBe(2);
    expect(await briefly("a", 1000, load, 0)).toBe(1);
  });

  it("does not keep a failure", async () => {
    await expect(briefly("k", 1000, () => Promise.reject(new Error("db down")), 0)).rejects.toThrow("db down");
    await Promise.resolve();
    expect(await briefly("k", 1000, load, 1)).toBe(1);
  });

  it("holds at most 5,000 entries, dropping the oldest", async () => {
    for (let i = 0; i < 5_010; i++) await briefly(`k${i}`, 60_000, load, 0);
    expect(briefCacheSize()).toBe(5_000);
    const before = loads;
    await briefly("k0", 60_000, load, 1); // evicted: loaded again
    expect(loads).toBe(before + 1);
  });
});

describe("viewerKey", () => {
  it("differs when the roles differ, for the same user", () => {
    const a = viewerKey({ userId: "u1", memberId: "m1", grants: [{ role: "MEMBER", schoolId: "s1", organisationId: null, unionGroupId: null }] });
    const b = viewerKey({ userId: "u1", memberId: "m1", grants: [{ role: "UNION_CHAIR", schoolId: "s1", organisationId: null, unionGroupId: null }] });
    expect(a).not.toBe(b);
  });
});

describe("every server action drops the memos (lib/server/action.ts runAction)", () => {
  const viewer = { userId: "u1", sessionId: "s1", email: "a@b.vn", displayName: "A", memberId: null, grants: [], unitIds: [] } as unknown as Viewer;
  const form = () => new FormData();

  it("after a handler that succeeds or is refused", async () => {
    setViewerForTests(viewer);
    try {
      await briefly("k", 60_000, load, 0);
      await runAction(form(), z.object({}), async () => {});
      expect(await briefly("k", 60_000, load, 1)).toBe(2);
      await runAction(form(), z.object({}), async () => {
        throw new AppError("CONFLICT");
      });
      expect(await briefly("k", 60_000, load, 2)).toBe(3);
      // nothing ran: the memo stays
      expect(await briefly("k", 60_000, load, 3)).toBe(3);
    } finally {
      setViewerForTests(undefined);
    }
  });
});
