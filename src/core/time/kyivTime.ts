/**
 * Kyiv local time → an ISO 8601 instant with the right offset, using the
 * platform's time-zone data (Intl), no libraries.
 *
 * Europe/Kyiv is UTC+02:00 in winter and UTC+03:00 in summer (from 03:00 on
 * the last Sunday of March to 04:00 on the last Sunday of October). Two local
 * times need a rule:
 * - a time that does not exist (the spring gap, 03:00–03:59 when clocks jump
 *   to 04:00) is moved forward by the length of the gap: 03:30 → 04:30+03:00,
 *   as Temporal's `disambiguation: 'compatible'` does;
 * - a time that happens twice (the autumn overlap, 03:00–03:59) is read as the
 *   earlier of the two instants, still in summer time: 03:30 → 03:30+03:00.
 */

const ZONE_NAMES = ['Europe/Kyiv', 'Europe/Kiev'] as const;

let formatter: Intl.DateTimeFormat | undefined;

function kyivFormatter(): Intl.DateTimeFormat {
  if (formatter) return formatter;
  for (const timeZone of ZONE_NAMES) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      return formatter;
    } catch {
      // older time-zone data knows only the old spelling; try the next name
    }
  }
  throw new RangeError('this platform has no time-zone data for Europe/Kyiv');
}

/** The Kyiv offset from UTC, in minutes, at the instant `utcMs`. */
export function kyivOffsetMinutes(utcMs: number): number {
  const parts = kyivFormatter().formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const localAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const wholeSeconds = Math.floor(utcMs / 1000) * 1000;
  return Math.round((localAsUtc - wholeSeconds) / 60_000);
}

/** Is (y, m, d, hh, mm) a real calendar date and clock time? */
export function isValidLocalDateTime(y: number, m: number, d: number, hh: number, mm: number): boolean {
  if (![y, m, d, hh, mm].every(Number.isInteger)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || hh < 0 || hh > 23 || mm < 0 || mm > 59) return false;
  return d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant of a Kyiv wall-clock time, e.g. (2021, 12, 21, 16, 0) →
 * "2021-12-21T16:00:00+02:00". Month is 1-based. Throws RangeError for a date
 * or time that no calendar has (month 13, 25:00); see the module comment for
 * the DST gap and overlap.
 */
export function kyivLocalToIso(y: number, m: number, d: number, hh: number, mm: number): string {
  if (!isValidLocalDateTime(y, m, d, hh, mm)) {
    throw new RangeError(`not a valid date and time: ${y}-${pad(m)}-${pad(d)} ${pad(hh)}:${pad(mm)}`);
  }
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The offsets in force around this wall time: transitions are rare, so a
  // day either side catches every offset this local time could have.
  const candidates = [...new Set([kyivOffsetMinutes(wall - 86_400_000), kyivOffsetMinutes(wall), kyivOffsetMinutes(wall + 86_400_000)])];
  // Every offset that maps the wall time back onto itself is a valid reading;
  // the earliest instant wins in an overlap (the larger offset).
  const valid = candidates
    .filter((offset) => kyivOffsetMinutes(wall - offset * 60_000) === offset)
    .sort((a, b) => b - a);
  const chosen = valid[0];
  if (chosen !== undefined) return `${y}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:00${formatOffset(chosen)}`;

  // A gap: use the offset from before the jump, then show the real local time.
  const before = kyivOffsetMinutes(wall - 86_400_000);
  const instant = wall - before * 60_000;
  const offset = kyivOffsetMinutes(instant);
  const local = new Date(instant + offset * 60_000);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${formatOffset(offset)}`
  );
}
