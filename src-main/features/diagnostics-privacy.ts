import { redact, redactText, SECRET_KEY } from '../logging/redact';

/**
 * Keys whose values are about a person (names, contact details) or are record values a problem
 * line quotes (`value`: an RF card, a masked PIN). A diagnostics report leaves the machine, so
 * these go as well as secrets; IDs, codes, counts and dates stay.
 */
export const PERSONAL_KEY =
  /^(name|first_?name|last_?name|full_?name|display_?name|subject|person|email|e-?mail_?address|phone|phone_?number|phone_?numbers|mobile|address|addresses|street\d?|address\d?|city|zip|postal_?code|value|user_?name|contacts?)$/i;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const EMAIL_ONLY = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
/** A word of free text: letters and digits of any script. */
const WORD = /[\p{L}\p{N}]+/gu;
/** "Jane Doe (tenant 920)": the person part of the labels problems and reports use. */
const LABEL_SUFFIX = /\s*\((tenant|contact|resident)[^)]*\)\s*$/i;
const PERSONAL = '[personal]';
const REDACTED = '[redacted]';

/**
 * The privacy pass of the diagnostics report, on top of the logger's redactor
 * (`logging/redact.ts`). It first *learns* every value found under a secret or personal key in
 * everything the report will hold — so a name that is also quoted in a free-text reason ("…
 * already belongs to Jane Doe (tenant 920)") or a PIN quoted in a message is known — and then
 * {@link PrivacyFilter.clean} redacts secrets (the same redactor), replaces personal values, and
 * scrubs every learned value and every e-mail address out of all remaining text.
 */
export class PrivacyFilter {
  /**
   * Learned words (lower case) and what replaces them: `[redacted]` for secrets, `[personal]`
   * for the rest. Text is scrubbed word by word with one map look-up per word, so a run report
   * naming thousands of people stays fast (an alternation of every name was minutes).
   */
  private readonly words = new Map<string, string>();
  /**
   * Learned values that words alone do not cover ("Li Na", "O'Brien", a password with
   * punctuation), indexed by their first word, with the characters before that word.
   */
  private readonly phrases = new Map<string, Array<{ phrase: string; offset: number; label: string }>>();
  private readonly kept: string[] = [];

  /**
   * Values that must survive although they look opaque to the redactor — the run's and the
   * site's IDs (UUIDs), which support needs to find the run. Exact values only, never patterns.
   */
  keep(...values: readonly string[]): void {
    for (const v of values) if (v.length >= 8 && !this.kept.includes(v)) this.kept.push(v);
  }

  /** Kept values become placeholders the redactor leaves alone (`⟦0⟧`), and back again. */
  private protect(value: unknown): unknown {
    if (this.kept.length === 0) return value;
    if (typeof value === 'string') return this.kept.reduce((text, v, i) => text.split(v).join(`\u27e6keep${i}\u27e7`), value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.protect(item));
    return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, this.protect(inner)]));
  }

  private restore(text: string): string {
    return this.kept.length === 0 ? text : text.replace(/\u27e6keep(\d+)\u27e7/g, (whole, i: string) => this.kept[Number(i)] ?? whole);
  }

  /** Learns the secret and personal values inside `value` (call for every input before {@link clean}). */
  learn(value: unknown, key = '', seen = new WeakSet<object>()): void {
    if (typeof value === 'string' || typeof value === 'number') {
      if (SECRET_KEY.test(key)) this.remember(String(value), REDACTED);
      else if (PERSONAL_KEY.test(key)) this.remember(String(value), PERSONAL);
      return;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    // A list or object under a personal key is personal through and through (`Contacts: [...]`).
    const inherited = SECRET_KEY.test(key) || PERSONAL_KEY.test(key) ? key : '';
    for (const [k, inner] of Object.entries(value)) this.learn(inner, Array.isArray(value) ? inherited || key : inherited || k, seen);
  }

  /** Learns the personal and secret values of each JSON line of a log (lines that are not JSON are text only). */
  learnLogLines(lines: readonly string[]): void {
    for (const line of lines) {
      const parsed = parseJson(line);
      if (parsed !== undefined) this.learn(parsed);
    }
  }

  private remember(text: string, label: string): void {
    // "Maple Court / 101 / Jane Doe (tenant 920)": only the person's part of a target is personal.
    const segments = text.split(' / ');
    const people = segments.filter((seg) => LABEL_SUFFIX.test(seg));
    for (const part of people.length > 0 ? people : [text]) {
      const whole = part.replace(LABEL_SUFFIX, '').trim();
      // Placeholders a redactor already wrote ("[redacted]") are not values; e-mails go by pattern.
      if (whole.length < 2 || /^\[[a-z]+\]$/.test(whole) || EMAIL_ONLY.test(whole)) continue;
      const tokens = whole.match(WORD) ?? [];
      if (tokens.length === 1 && tokens[0] === whole) {
        this.addWord(whole, label);
        continue;
      }
      // Names come as "Jane Doe", "Doe, Jane": each real word counts on its own.
      const words = tokens.filter((t) => t.length >= 3 && !/^\d+$/.test(t));
      for (const word of words) this.addWord(word, label);
      if (words.length < tokens.length || /[^\p{L}\p{N}\s]/u.test(whole)) this.addPhrase(whole, tokens[0], label);
    }
  }

  /** A secret stays a secret when it is also seen under a personal key. */
  private addWord(word: string, label: string): void {
    const key = word.toLowerCase();
    if (this.words.get(key) !== REDACTED) this.words.set(key, label);
  }

  private addPhrase(phrase: string, firstToken: string | undefined, label: string): void {
    if (!firstToken) return;
    const key = firstToken.toLowerCase();
    const list = this.phrases.get(key) ?? [];
    const lower = phrase.toLowerCase();
    if (!list.some((p) => p.phrase === lower)) list.push({ phrase: lower, offset: phrase.indexOf(firstToken), label });
    list.sort((a, b) => b.phrase.length - a.phrase.length);
    this.phrases.set(key, list);
  }

  /** Replaces learned phrases: at each word that starts one, compare the text there. */
  private scrubPhrases(text: string): string {
    if (this.phrases.size === 0) return text;
    const lower = text.toLowerCase();
    let out = '';
    let done = 0;
    for (const match of text.matchAll(WORD)) {
      const candidates = this.phrases.get(match[0].toLowerCase());
      if (!candidates || match.index < done) continue;
      for (const c of candidates) {
        const start = match.index - c.offset;
        const end = start + c.phrase.length;
        const bounded = start >= done && !/[\p{L}\p{N}]/u.test(text[start - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[end] ?? '');
        if (bounded && lower.startsWith(c.phrase, start)) {
          out += text.slice(done, start) + c.label;
          done = end;
          break;
        }
      }
    }
    return out + text.slice(done);
  }

  /** Scrubs learned values, e-mail addresses and secret-shaped text out of free text. */
  cleanText(text: string): string {
    const out = this.scrubPhrases(redactText(text).replace(EMAIL, '[email]'));
    return this.words.size === 0 ? out : out.replace(WORD, (word) => this.words.get(word.toLowerCase()) ?? word);
  }

  /** A deep copy of `value` fit to leave the machine: the redactor's pass, then personal keys and learned values. */
  clean(value: unknown): unknown {
    return this.depersonalise(redact(this.protect(value)));
  }

  /**
   * Response shapes, cleaned: the same redactor (a secret-named field shows `[redacted]` instead
   * of its type) and keys scrubbed like text. Leaves are type names and are left as the
   * recorder made them, so a recorder that leaked values would show in the canary test.
   */
  cleanShapes(value: unknown): unknown {
    const keysOnly = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(keysOnly);
      if (v === null || typeof v !== 'object') return v;
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [this.cleanText(k), keysOnly(inner)]));
    };
    return keysOnly(redact(value));
  }

  private depersonalise(value: unknown): unknown {
    if (typeof value === 'string') return this.restore(this.cleanText(value));
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.depersonalise(item));
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const name = this.cleanText(key);
      out[name] = PERSONAL_KEY.test(key) && inner !== null && inner !== '[redacted]' ? PERSONAL : this.depersonalise(inner);
    }
    return out;
  }

  /** One log line, cleaned: JSON lines field by field, anything else as text. */
  cleanLogLine(line: string): string {
    const parsed = parseJson(line);
    return parsed === undefined ? this.restore(this.cleanText(this.protect(line) as string)) : JSON.stringify(this.clean(parsed));
  }
}

function parseJson(line: string): unknown {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
