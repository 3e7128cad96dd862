// When a clinic may be reminded: Japanese business days in the facility's zone, 9:00–18:00.
import { describe, expect, it } from 'vitest';
import {
  businessDayOnOrAfter,
  firstBusinessDayOfWeek,
  instantAt,
  isBusinessDay,
  isSendTime,
  nextSendInstant,
} from '../../src/scheduler/business-calendar.ts';

const JST = (local: string) => new Date(`${local}+09:00`);

describe('the business calendar', () => {
  it('skips 土日, 祝日 and 振替休日 from the holiday package, and 年末年始 12/29–1/3', () => {
    expect(isBusinessDay('2027-04-28')).toBe(true); // Wednesday
    expect(isBusinessDay('2027-05-01')).toBe(false); // Saturday
    expect(isBusinessDay('2027-05-02')).toBe(false); // Sunday
    expect(isBusinessDay('2027-04-29')).toBe(false); // 昭和の日
    expect(isBusinessDay('2027-09-20')).toBe(false); // 敬老の日
    expect(isBusinessDay('2026-05-06')).toBe(false); // 振替休日 (5/3 was a Sunday)
    expect(isBusinessDay('2026-12-28')).toBe(true);
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) expect(isBusinessDay(d), d).toBe(false);
    expect(isBusinessDay('2027-01-04')).toBe(true);
  });

  it('moves a day off to the next business day', () => {
    expect(businessDayOnOrAfter('2027-05-01')).toBe('2027-05-06'); // Golden Week
    expect(businessDayOnOrAfter('2026-12-29')).toBe('2027-01-04');
    expect(businessDayOnOrAfter('2027-07-16')).toBe('2027-07-16'); // a Friday stays a Friday
    expect(businessDayOnOrAfter('2027-07-17')).toBe('2027-07-20'); // weekend then 海の日
  });

  it('sends only inside the window, else at the next window’s start', () => {
    expect(isSendTime(JST('2027-07-16T08:59'), 'Asia/Tokyo')).toBe(false);
    expect(isSendTime(JST('2027-07-16T09:00'), 'Asia/Tokyo')).toBe(true);
    expect(isSendTime(JST('2027-07-16T17:59'), 'Asia/Tokyo')).toBe(true);
    expect(isSendTime(JST('2027-07-16T18:00'), 'Asia/Tokyo')).toBe(false);
    expect(nextSendInstant(JST('2027-07-16T07:00'), '2027-07-16', 'Asia/Tokyo')).toEqual(JST('2027-07-16T09:00'));
    expect(nextSendInstant(JST('2027-07-16T12:34'), '2027-07-16', 'Asia/Tokyo')).toEqual(JST('2027-07-16T12:34'));
    // Friday evening before 海の日: Tuesday morning.
    expect(nextSendInstant(JST('2027-07-16T18:30'), '2027-07-16', 'Asia/Tokyo')).toEqual(JST('2027-07-20T09:00'));
    // A date in the future waits for that date.
    expect(nextSendInstant(JST('2027-07-01T10:00'), '2027-07-09', 'Asia/Tokyo')).toEqual(JST('2027-07-09T09:00'));
    // A custom window.
    expect(nextSendInstant(JST('2027-07-16T09:30'), '2027-07-16', 'Asia/Tokyo', { startMinute: 10 * 60, endMinute: 12 * 60 })).toEqual(
      JST('2027-07-16T10:00'),
    );
  });

  it('counts the window in the facility’s own time zone', () => {
    expect(instantAt('2027-07-16', 9 * 60, 'America/New_York').toISOString()).toBe('2027-07-16T13:00:00.000Z');
    // 9:00 in Tokyo is 00:00 UTC; a New York facility is still asleep.
    expect(isSendTime(new Date('2027-07-16T00:30:00Z'), 'Asia/Tokyo')).toBe(true);
    expect(isSendTime(new Date('2027-07-16T00:30:00Z'), 'America/New_York')).toBe(false);
  });

  it('finds the first business day of a week', () => {
    expect(firstBusinessDayOfWeek('2027-04-26')).toBe('2027-04-26');
    expect(firstBusinessDayOfWeek('2027-05-03')).toBe('2027-05-06');
    expect(firstBusinessDayOfWeek('2028-01-03')).toBe('2028-01-04');
  });
});
