import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DERIVED_STATUSES } from '../../../src/lib/status/status';
import { STATUS_COLORS, statusOfColor } from '../../../src/lib/site/status-colors';

const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('status colours', () => {
  it.each(DERIVED_STATUSES)('chart colour of %s is the colour global.css gives badges', (status) => {
    const match = new RegExp(`--status-${status}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
    expect(match?.[1]?.toLowerCase()).toBe(STATUS_COLORS[status].toLowerCase());
  });

  it.each(DERIVED_STATUSES)('white badge text on %s has AA contrast (4.5:1)', (status) => {
    expect(1.05 / (luminance(STATUS_COLORS[status]) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every status its own colour', () => {
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(DERIVED_STATUSES.length);
  });

  it('tells the status of a status colour (charts colour their swatches by status in CSS), and of no other', () => {
    for (const status of DERIVED_STATUSES) expect(statusOfColor(STATUS_COLORS[status])).toBe(status);
    expect([statusOfColor('#000000'), statusOfColor(undefined)]).toEqual([undefined, undefined]);
  });
});
