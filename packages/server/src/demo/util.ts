/** Small helpers the demo generators share. */
import { addHours, toIso, toMs } from '@openprm/core';

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const isBefore = (a: string, b: string) => toMs(a) < toMs(b);

/** When a time-driven job that runs every minute acts on something due at `at`. */
export const jobRunAfter = (at: string) => addHours(at, 1 / 60);

/** `prefix_0001`, `prefix_0002`, …: ids that sort in the order they were made. */
export const sequentialId = (prefix: string, index: number, width = 4) =>
  `${prefix}_${String(index + 1).padStart(width, '0')}`;

/** An amount rounded to a plausible quote: whole hundreds below 10k, whole thousands above. */
export const roundAmount = (amount: number) =>
  amount < 10_000 ? Math.round(amount / 100) * 100 : Math.round(amount / 1000) * 1000;

/** The instant at the start of its minute: timestamps a person reads without squinting. */
export const wholeMinute = (at: string) => toIso(Math.floor(toMs(at) / 60_000) * 60_000);
