// Maps the characters of a parsed value (escapes resolved, markup removed) back to source offsets.

/** How far the aligner looks ahead in the source for the next value character. */
const MAX_SKIP = 96;

/**
 * Returns, for every character of `value`, its offset in `source`, plus the end offset at index
 * `value.length`. The value is a parsed form of `source.slice(start, end)` (escapes, entities,
 * blockquote markers and indentation removed): characters are matched greedily in order, so markup
 * between them is skipped. A character with no counterpart (a decoded entity) maps to the current
 * position without consuming source.
 */
export function alignValue(value: string, source: string, start: number, end: number): Int32Array {
  const out = new Int32Array(value.length + 1);
  if (source.length >= end && end - start === value.length && source.startsWith(value, start)) {
    for (let i = 0; i <= value.length; i++) out[i] = start + i;
    return out;
  }
  let s = start;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const limit = Math.min(end, s + MAX_SKIP);
    let j = s;
    while (j < limit && source.charCodeAt(j) !== c) j++;
    if (j < limit) {
      out[i] = j;
      s = j + 1;
    } else {
      out[i] = Math.min(s, end);
    }
  }
  out[value.length] = Math.min(s, end);
  return out;
}

/** Linear offsets for a value that is a verbatim slice of the source. */
export function linearOffsets(start: number, length: number): Int32Array {
  const out = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) out[i] = start + i;
  return out;
}
