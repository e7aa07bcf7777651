// Keeps the server's memory flat over long editing sessions: each keystroke's parse and analysis
// survive until the next one (the per-document caches hold them), so they reach the old generation
// as garbage; V8 would grow the heap for it rather than collect. A full collection when the heap has
// grown well past its last live size keeps RSS near its starting point.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** How much the heap may grow past its last collected size before a full collection. */
const GROWTH = 1.15;
const MIN_GROWTH_BYTES = 12 * 1024 * 1024;

function loadGc(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** Schedules a full garbage collection when the heap has grown well past its live size. */
export class HeapKeeper {
  private readonly gc = loadGc();
  private baseline = getHeapStatistics().total_heap_size;
  private scheduled = false;

  /** Call after work that allocated (a lint); cheap when nothing needs doing. */
  check(): void {
    if (!this.gc || this.scheduled) return;
    const total = getHeapStatistics().total_heap_size;
    if (total < this.baseline * GROWTH || total - this.baseline < MIN_GROWTH_BYTES) return;
    this.scheduled = true;
    setImmediate(() => {
      this.gc?.();
      this.baseline = getHeapStatistics().total_heap_size;
      this.scheduled = false;
    });
  }
}
