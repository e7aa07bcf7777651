// Caches for incremental work: what the last version of each open document used is kept, plus a
// small shared LRU, so an edit reuses unchanged paragraphs and stale versions are let go at once.

/** Per-document, per-version cache of values keyed by text (paragraph or chunk). */
export class VersionedCache<V> {
  private readonly byDocument = new Map<string, Map<string, V>>();
  private readonly shared = new Map<string, V>();

  constructor(
    /** Documents whose last version is kept (least recently used dropped first). */
    private readonly maxDocuments = 256,
    /** Entries in the shared LRU, which serves repeated text across documents (first versions only). */
    private readonly maxShared = 1000,
  ) {}

  /** Starts a new version of a document; `commit` makes it the one kept. */
  begin(uri: string): CacheVersion<V> {
    const previous = this.byDocument.get(uri);
    const current = new Map<string, V>();
    return {
      get: (key) => {
        let v = current.get(key) ?? previous?.get(key);
        if (v === undefined) {
          v = this.shared.get(key);
          if (v !== undefined) {
            this.shared.delete(key);
            this.shared.set(key, v);
          }
        }
        if (v !== undefined) current.set(key, v);
        return v;
      },
      set: (key, value) => {
        current.set(key, value);
        // Only a document's first version feeds the shared LRU: the text of edits in progress is
        // rarely seen again and would push out what other documents share.
        if (this.maxShared === 0 || previous) return;
        this.shared.set(key, value);
        if (this.shared.size > this.maxShared) this.shared.delete(this.shared.keys().next().value as string);
      },
      commit: () => {
        this.byDocument.delete(uri);
        this.byDocument.set(uri, current);
        if (this.byDocument.size > this.maxDocuments) this.byDocument.delete(this.byDocument.keys().next().value as string);
      },
    };
  }

  /** Forgets a document (closed in the editor). */
  forget(uri: string): void {
    this.byDocument.delete(uri);
  }

  /** Number of entries held, for tests and benchmarks. */
  get size(): number {
    let n = this.shared.size;
    for (const m of this.byDocument.values()) n += m.size;
    return n;
  }
}

/** One version of a document being built. */
export interface CacheVersion<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  commit(): void;
}
