// The versioned cache: reuse within a document's versions, shared reuse, and letting stale versions go.
import { describe, expect, it } from "vitest";
import { VersionedCache } from "../../src/engine/cache";

describe("VersionedCache", () => {
  it("reuses the values of a document's previous version and drops the ones it no longer uses", () => {
    const cache = new VersionedCache<number>(10, 0);
    const v1 = cache.begin("a.md");
    v1.set("p1", 1);
    v1.set("p2", 2);
    v1.commit();
    const v2 = cache.begin("a.md");
    expect(v2.get("p1")).toBe(1);
    v2.set("p3", 3);
    v2.commit();
    expect(cache.size).toBe(2);
    expect(cache.begin("a.md").get("p2")).toBeUndefined();
  });
  it("shares recent text across documents through a bounded LRU", () => {
    const cache = new VersionedCache<number>(10, 2);
    const a = cache.begin("a.md");
    a.set("x", 1);
    a.set("y", 2);
    a.set("z", 3);
    a.commit();
    const b = cache.begin("b.md");
    expect(b.get("z")).toBe(3);
    expect(b.get("x")).toBeUndefined();
  });
  it("does not let the versions of an edited document fill the shared LRU", () => {
    const cache = new VersionedCache<number>(10, 10);
    const first = cache.begin("a.md");
    first.set("v0", 0);
    first.commit();
    for (let i = 1; i < 5; i++) {
      const v = cache.begin("a.md");
      v.set(`v${i}`, i);
      v.commit();
    }
    expect(cache.begin("b.md").get("v0")).toBe(0);
    expect(cache.begin("b.md").get("v3")).toBeUndefined();
  });
  it("keeps a bounded number of documents and forgets closed ones", () => {
    const cache = new VersionedCache<number>(2, 0);
    for (const uri of ["a", "b", "c"]) {
      const v = cache.begin(uri);
      v.set(uri, 1);
      v.commit();
    }
    expect(cache.size).toBe(2);
    cache.forget("c");
    expect(cache.size).toBe(1);
  });
});
