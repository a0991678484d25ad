import { describe, expect, it } from "vitest";
import { createVerifyCache } from "./verify-cache";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("createVerifyCache", () => {
  it("answers a found certificate from memory until it expires", async () => {
    let clock = 0;
    let loads = 0;
    const cache = createVerifyCache<{ status: string }>({ ttlMs: 10_000, maxEntries: 10, now: () => clock });
    const load = async () => {
      loads++;
      return { status: "ISSUED" };
    };
    expect(await cache.get("A", load)).toEqual({ status: "ISSUED" });
    clock = 9_999;
    await cache.get("A", load);
    expect(loads).toBe(1);
    clock = 10_000;
    await cache.get("A", load);
    expect(loads).toBe(2);
  });

  it("never keeps an unknown code: a certificate issued a moment later verifies at once", async () => {
    const cache = createVerifyCache<string>({ ttlMs: 10_000, maxEntries: 10 });
    expect(await cache.get("A", async () => null)).toBeNull();
    expect(await cache.get("A", async () => "ISSUED")).toBe("ISSUED");
    expect(cache.size()).toBe(1);
  });

  it("forget() drops every entry (revoke, reissue, regrade)", async () => {
    const cache = createVerifyCache<string>({ ttlMs: 10_000, maxEntries: 10 });
    await cache.get("A", async () => "ISSUED");
    cache.forget();
    expect(await cache.get("A", async () => "REVOKED")).toBe("REVOKED");
  });

  it("a lookup that started before a revoke does not put the old status back", async () => {
    const cache = createVerifyCache<string>({ ttlMs: 10_000, maxEntries: 10 });
    const slow = deferred<string>();
    const before = cache.get("A", () => slow.promise);
    cache.forget(); // the revoke commits while the old read is in flight
    slow.resolve("ISSUED");
    expect(await before).toBe("ISSUED"); // its caller asked before the revoke: fine
    expect(await cache.get("A", async () => "REVOKED")).toBe("REVOKED");
  });

  it("concurrent misses for one code share a single database read", async () => {
    const cache = createVerifyCache<string>({ ttlMs: 10_000, maxEntries: 10 });
    const slow = deferred<string>();
    let loads = 0;
    const load = () => {
      loads++;
      return slow.promise;
    };
    const all = Promise.all([cache.get("A", load), cache.get("A", load), cache.get("A", load)]);
    slow.resolve("ISSUED");
    expect(await all).toEqual(["ISSUED", "ISSUED", "ISSUED"]);
    expect(loads).toBe(1);
  });

  it("a failed read is not cached and does not block the next one", async () => {
    const cache = createVerifyCache<string>({ ttlMs: 10_000, maxEntries: 10 });
    await expect(cache.get("A", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cache.get("A", async () => "ISSUED")).toBe("ISSUED");
  });

  it("holds at most maxEntries, dropping the least recently used", async () => {
    const cache = createVerifyCache<string>({ ttlMs: 10_000, maxEntries: 2 });
    await cache.get("A", async () => "a");
    await cache.get("B", async () => "b");
    await cache.get("A", async () => "a2"); // A is now the most recent
    await cache.get("C", async () => "c"); // B goes
    expect(await cache.get("A", async () => "reloaded")).toBe("a");
    expect(await cache.get("B", async () => "reloaded")).toBe("reloaded");
  });

  it("ttl 0 turns caching off", async () => {
    let loads = 0;
    const cache = createVerifyCache<string>({ ttlMs: 0, maxEntries: 10 });
    for (let i = 0; i < 3; i++)
      await cache.get("A", async () => {
        loads++;
        return "x";
      });
    expect(loads).toBe(3);
  });
});
