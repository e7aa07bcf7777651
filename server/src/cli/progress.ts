// A one-line progress display on stderr ("checked 120/5000 files"), shown only on a terminal.

/** Rewrites one stderr line as files are checked; does nothing when disabled. */
export class Progress {
  private shown = -1;
  private done = 0;

  constructor(
    private readonly write: (s: string) => void,
    private readonly enabled: boolean,
    private readonly total: number,
  ) {}

  /** Counts one checked file and redraws when the percentage changed. */
  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const percent = Math.floor((this.done * 100) / Math.max(1, this.total));
    if (percent === this.shown) return;
    this.shown = percent;
    this.write(`\r\u001b[2Ksafeharbor: checked ${this.done}/${this.total} files (${percent}%)`);
  }

  /** Clears the line. */
  end(): void {
    if (this.enabled && this.shown >= 0) this.write("\r\u001b[2K");
  }
}
