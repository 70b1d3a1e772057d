/* Numbers in words for messages. */

/** `6 days`, `2 hours 30 minutes`, `-20 minutes`: a readable span. */
export function duration(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  let minutes = Math.round(Math.abs(ms) / 60_000);
  const parts: string[] = [];
  for (const [unit, size] of [["day", 1440], ["hour", 60], ["minute", 1]] as const) {
    const n = Math.floor(minutes / size);
    minutes -= n * size;
    if (n > 0) parts.push(count(n, unit));
  }
  return sign + (parts.join(" ") || "0 minutes");
}

/** `1 problem`, `2 problems`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
