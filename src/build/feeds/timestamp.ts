/** The seed timestamp: `HH:MM DD.MM.YYYY`, Kyiv time. */
import { daysInMonth, kyivLocalToIso } from '../../core/time/kyivTime.ts';

export const TIMESTAMP_FORMAT = 'HH:MM DD.MM.YYYY';
const TIMESTAMP = /^(\d{1,2}):(\d{2})\s+(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const REVERSED = /^\d{1,2}\.\d{1,2}\.\d{4}\s+\d{1,2}:\d{2}$/;

export interface ParsedTimestamp {
  /** ISO 8601 with the Kyiv offset, when the text is a real time */
  iso?: string;
  /** looks like a timestamp at all */
  shaped: boolean;
  /** why it is not a real time, or a hint for a near miss */
  problem?: string;
}

export function parseTimestamp(text: string): ParsedTimestamp {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) {
    return REVERSED.test(text.trim())
      ? { shaped: false, problem: 'the time comes first, then the date' }
      : { shaped: false };
  }
  const [hh, mm, d, mo, y] = m.slice(1).map(Number) as [number, number, number, number, number];
  let problem: string | undefined;
  if (hh > 23) problem = `hour ${hh} does not exist (00–23)`;
  else if (mm > 59) problem = `minute ${mm} does not exist (00–59)`;
  else if (mo < 1 || mo > 12) problem = `month ${mo} does not exist (01–12)`;
  else if (y < 1) problem = `year ${y} does not exist`;
  else if (d < 1 || d > daysInMonth(y, mo)) problem = `day ${d} does not exist in ${String(mo).padStart(2, '0')}.${y}`;
  if (problem) return { shaped: true, problem };
  return { shaped: true, iso: kyivLocalToIso(y, mo, d, hh, mm) };
}
