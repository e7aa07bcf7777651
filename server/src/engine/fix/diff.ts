// A unified line diff (Myers' O(ND) algorithm), for `safeharbor fix --dry-run`.

type Op = { kind: " " | "-" | "+"; line: string };

/** Splits text into lines that keep their terminators, so CRLF and a missing final newline show. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

/** The shortest edit script from `a` to `b`, as equal, delete and insert operations. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const t = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && t[offset + k - 1] < t[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = t[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x] });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: "+", line: b[--y] });
    else ops.push({ kind: "-", line: a[--x] });
  }
  return ops.reverse();
}

function show(op: Op): string {
  // A CRLF line keeps its CR, as diff(1) prints it, so that the patch applies to the file.
  const body = op.line.replace(/\n$|\r$/, "");
  const missingNewline = !/[\r\n]$/.test(op.line);
  return `${op.kind}${body}\n${missingNewline ? "\\ No newline at end of file\n" : ""}`;
}

/**
 * A unified diff between two texts with `context` lines around each change; empty when they are
 * equal. `name` labels both sides (`--- a/name`, `+++ b/name`).
 */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  // Common head and tail need no search.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [
    ...a.slice(0, head).map((line): Op => ({ kind: " ", line })),
    ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line): Op => ({ kind: " ", line })),
  ];
  let out = `--- a/${name}\n+++ b/${name}\n`;
  let i = 0;
  let aLine = 0;
  let bLine = 0;
  while (i < ops.length) {
    if (ops[i].kind === " ") {
      i++;
      aLine++;
      bLine++;
      continue;
    }
    // A hunk: back up over context, then run until `2 * context` unchanged lines in a row.
    const lead = Math.min(context, i, aLine, bLine);
    let start = i - lead;
    let end = i;
    let quiet = 0;
    while (end < ops.length) {
      if (ops[end].kind !== " ") quiet = 0;
      else if (quiet === 2 * context) break;
      else quiet++;
      end++;
    }
    end -= Math.max(0, quiet - context);
    const hunk = ops.slice(start, end);
    const aStart = aLine - lead;
    const bStart = bLine - lead;
    const aCount = hunk.filter((o) => o.kind !== "+").length;
    const bCount = hunk.filter((o) => o.kind !== "-").length;
    out += `@@ -${aCount === 0 ? aStart : aStart + 1},${aCount} +${bCount === 0 ? bStart : bStart + 1},${bCount} @@\n`;
    out += hunk.map(show).join("");
    for (; start < end; start++) {
      if (start < i) continue;
      if (ops[start].kind !== "+") aLine++;
      if (ops[start].kind !== "-") bLine++;
    }
    i = end;
  }
  return out;
}
