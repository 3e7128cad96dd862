// "Today" in a facility's zone: the date a deadline or a 実施時期 is checked against.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../src/dates/calendar-date.ts';

const direct = (timeZone: string, at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

describe('todayIn', () => {
  it('turns at midnight in Tokyo, not at midnight UTC', () => {
    expect(todayIn('Asia/Tokyo', new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
    expect(todayIn('Asia/Tokyo', new Date('2026-03-31T15:00:00.000Z'))).toBe('2026-04-01');
    expect(todayIn('Asia/Tokyo', new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
    // Kathmandu is UTC+05:45: its day turns at a quarter past the hour.
    expect(todayIn('Asia/Kathmandu', new Date('2026-03-31T18:14:59.999Z'))).toBe('2026-03-31');
    expect(todayIn('Asia/Kathmandu', new Date('2026-03-31T18:15:00.000Z'))).toBe('2026-04-01');
  });

  it('agrees with a fresh formatter at any moment, in zones with odd offsets and daylight saving, asked in any order', () => {
    const zones = ['Asia/Tokyo', 'Asia/Kathmandu', 'Australia/Eucla', 'Pacific/Chatham', 'America/New_York', 'Europe/London', 'America/St_Johns'];
    const start = Date.parse('2026-01-01T00:00:00Z');
    const end = Date.parse('2028-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: start, max: end }), (zone, ms) => {
        const at = new Date(ms);
        expect(todayIn(zone, at)).toBe(direct(zone, at));
        // The instant just before and after the next quarter hour too: a day can only turn there.
        const edge = Math.ceil(ms / 900_000) * 900_000;
        expect(todayIn(zone, new Date(edge - 1))).toBe(direct(zone, new Date(edge - 1)));
        expect(todayIn(zone, new Date(edge))).toBe(direct(zone, new Date(edge)));
      }),
      { numRuns: 2000 },
    );
  });
});
