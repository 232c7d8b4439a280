// "24h", "30d", "2w", "90m" or a date (2026-03-01) → the moment a digest starts from.

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** The start of the period `text` names, counted back from `now`; null when it cannot be read. */
export function parseSince(text: string, now: Date): Date | null {
  const t = text.trim().toLowerCase();
  const m = /^(\d{1,5})\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?)$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    if (n <= 0) return null;
    return new Date(now.getTime() - n * UNITS[m[2][0]]);
  }
  if (/^\d{4}-\d{2}-\d{2}(t[\d:.]+z?)?$/.test(t)) {
    const d = new Date(t.length === 10 ? `${t}T00:00:00Z` : t.toUpperCase());
    return Number.isNaN(d.getTime()) || d.getTime() > now.getTime() ? null : d;
  }
  return null;
}

export const DEFAULT_SINCE = "24h";
