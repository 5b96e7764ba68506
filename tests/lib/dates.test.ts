import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysInMonth, formatDateVi, parseDate, todayInVietnam } from '../../src/lib/dates';

describe('parseDate', () => {
  it.each([
    ['2024-06-30', '2024-06-30'],
    ['30/06/2024', '2024-06-30'],
    ['30/6/2024', '2024-06-30'],
    ['1/1/2024', '2024-01-01'],
    [' 2024-02-29 ', '2024-02-29'],
    ['29/2/2024', '2024-02-29'],
  ])('reads %j as %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each([
    '31/02/2024',
    '29/02/2023',
    '2024-13-01',
    '2024-00-10',
    '32/1/2024',
    '2024/06/30',
    '30-06-2024',
    '',
    'ngày 30',
  ])('refuses %j', (text) => expect(parseDate(text)).toBeNull());

  it('answers alike when asked again, beyond the number of texts it remembers too', () => {
    const texts: string[] = [];
    for (let day = 0; day < 12_000; day++)
      texts.push(`${(day % 31) + 1}/${(Math.floor(day / 31) % 13) + 1}/${2000 + Math.floor(day / 403)}`);
    const first = texts.map(parseDate);
    expect(first.filter((d) => d === null).length).toBeGreaterThan(0);
    expect(texts.map(parseDate)).toEqual(first);
    expect(parseDate('31/1/2000')).toBe('2000-01-31');
    expect(parseDate('31/2/2000')).toBeNull();
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => expect(daysInMonth(year, month)).toBe(days));

  it('agrees with the calendar for every month from year 1 to 3000', () => {
    for (let year = 1; year <= 3000; year++) {
      for (let month = 1; month <= 12; month++) {
        if (daysInMonth(year, month) !== new Date(Date.UTC(year, month, 0)).getUTCDate())
          throw new Error(`${year}-${month}`);
      }
    }
  });
});

describe('date arithmetic and display', () => {
  it('writes dates as DD/MM/YYYY', () => expect(formatDateVi('2024-06-05')).toBe('05/06/2024'));
  it('counts days across a leap day', () => expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2));
  it('adds days across a year end', () => expect(addDays('2024-12-31', 1)).toBe('2025-01-01'));
  it("takes today's date in Vietnam, not the machine's zone", () => {
    // 18:30 UTC on 31/12 is already 01:30 on 1/1 in Hà Nội.
    expect(todayInVietnam(new Date('2024-12-31T18:30:00Z'))).toBe('2025-01-01');
  });
});
