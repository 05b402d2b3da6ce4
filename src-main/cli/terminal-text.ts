import { luhnValid } from '../../src-shared/rules/card';
import { maskPin } from '../../src-shared/rules/pin';

// Names and messages come from Rent Manager and SmartPlus, typed by anyone. In a terminal an
// ESC sequence can recolour, retitle or rewrite the screen, a line break can forge a line of the
// report, and bidi controls can make "Ann‮exe.txt" read backwards (Trojan Source).
/** ANSI/VT sequences: CSI (ESC [ or C1 0x9B … final byte), OSC (ESC ] … BEL or ST), and two-byte ESC sequences. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this module is for
const ESCAPE_SEQUENCE = /(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B[@-Z\\-_]?/g;
/** C0 and C1 controls, DEL, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this module is for
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
/** C0/C1 controls as above, but keeping the line breaks of multi-line output. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this module is for
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;
/** Bidi embeddings, overrides, isolates and marks (U+061C, U+200E/F, U+202A–E, U+2066–9), and the BOM. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * One name or value fit for a terminal: escape sequences and bidi controls removed, any other
 * control (a line break, a tab) turned into a space, so it stays on its line.
 */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(BIDI, '').replace(CONTROL, ' ');
}

/** Multi-line CLI output as a last line of defence: the same, but line breaks are kept. */
export function terminalLines(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(BIDI, '').replace(CONTROL_BUT_NEWLINE, ' ');
}

/**
 * A copy of `value` for the human report: every string passed through {@link terminalText} and
 * {@link maskCardNumbers} before the report is laid out (so a clipped cell cannot show part of a card).
 */
export function reportSafe<T>(value: T): T {
  if (typeof value === 'string') return maskCardNumbers(terminalText(value)) as T;
  if (Array.isArray(value)) return value.map((v) => reportSafe(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reportSafe(v)])) as T;
  }
  return value;
}

/** Payment-card numbers: 13–19 digits (spaces, dashes or dots between), masked only when they pass Luhn. */
const CARD_NUMBER = /\b\d(?:[ .-]?\d){12,18}\b/g;

/** A payment-card number as the app shows one: "•••• 4242" (its last four digits). */
export function maskCardNumbers(text: string): string {
  return text.replace(CARD_NUMBER, (found) => {
    const digits = found.replace(/\D/g, '');
    return luhnValid(digits) ? `•••• ${digits.slice(-4)}` : found;
  });
}

/**
 * A copy of `value` for `--json` output: every value under a `pin` key masked as the app masks
 * it (set-pin operations, held-back credential changes, problems), payment-card numbers in any
 * string masked to their last four digits. RF cards are shown as the app shows them.
 */
export function jsonSafe<T>(value: T): T {
  if (typeof value === 'string') return maskCardNumbers(value) as T;
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, /^pin$/i.test(k) && typeof v === 'string' ? maskPin(v) : jsonSafe(v)]),
    ) as T;
  }
  return value;
}

/**
 * One line of `--json` output: masked ({@link jsonSafe}), and with bidi, C1 and separator
 * characters written as `\uXXXX` escapes — the same JSON for a program, inert in a terminal.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(jsonSafe(value)).replace(/[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069\uFEFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
