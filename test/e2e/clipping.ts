import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The elements a user can click, type into or reach with Tab. */
const INTERACTIVE = 'button, a[href], input, select, textarea, [role=button], [tabindex]';

/** One element that lies (partly) where nobody can see or scroll to it. */
interface Clipped {
  what: string;
  box: string;
  why: string;
}

/**
 * Asserts that no visible interactive element on the page lies outside what the user can see.
 *
 * Vertical scrolling is fine: an element below the fold of a container that scrolls vertically
 * (the content pane, a dialog, a list) can be reached. Horizontal scrolling is not: an element
 * must lie fully inside the window's width and inside every ancestor that clips sideways (a
 * table inside an `overflow-x: auto` box whose right part needs a sideways scroll counts as
 * clipped — at 1024 × 640 nobody finds Cancel there). Vertically, an element must lie inside
 * every ancestor that clips but does not scroll (`overflow: hidden`), and inside the window
 * when nothing between it and the window scrolls vertically.
 *
 * Skipped: elements not rendered (display none, visibility hidden, zero or 1-pixel boxes such
 * as visually-hidden text), and the skip link (off-screen until it has focus, by design).
 */
export async function expectNothingClipped(page: Page, where: string): Promise<void> {
  const clipped = await page.evaluate((selector): Clipped[] => {
    const out: Clipped[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const slack = 1;
    const describe = (el: Element): string => {
      const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.getAttribute('name') ?? '';
      const id = el.id ? `#${el.id}` : '';
      return `<${el.tagName.toLowerCase()}${id}> "${label.trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
    };
    const scrolls = (value: string) => value === 'auto' || value === 'scroll';
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (el.closest('.skip-link')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      const box = `x ${Math.round(r.left)}–${Math.round(r.right)}, y ${Math.round(r.top)}–${Math.round(r.bottom)}`;
      const fail = (why: string) => out.push({ what: describe(el), box, why });
      if (r.left < -slack || r.right > vw + slack) {
        fail(`outside the window's width (0–${vw})`);
        continue;
      }
      let scrollsVertically = false;
      let reason: string | null = null;
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const style = getComputedStyle(a);
        const ar = a.getBoundingClientRect();
        const left = ar.left + a.clientLeft;
        const top = ar.top + a.clientTop;
        if (style.overflowX !== 'visible' && (r.left < left - slack || r.right > left + a.clientWidth + slack)) {
          reason = `needs a sideways scroll of ${describe(a)} (visible x ${Math.round(left)}–${Math.round(left + a.clientWidth)})`;
          break;
        }
        if (style.overflowY !== 'visible') {
          const yScroll = scrolls(style.overflowY);
          if (yScroll) scrollsVertically = true;
          else if (r.top < top - slack || r.bottom > top + a.clientHeight + slack) {
            reason = `cut off by ${describe(a)}, which does not scroll`;
            break;
          }
        }
        if (style.position === 'fixed') break;
      }
      if (reason) {
        fail(reason);
        continue;
      }
      const pageScrolls = document.documentElement.scrollHeight > vh + slack && getComputedStyle(document.body).overflowY !== 'hidden';
      if (!scrollsVertically && !pageScrolls && (r.top < -slack || r.bottom > vh + slack)) fail(`outside the window's height (0–${vh}) with nothing to scroll`);
    }
    return out;
  }, INTERACTIVE);
  expect(clipped.map((c) => `${where}: ${c.what} at ${c.box} — ${c.why}`)).toEqual([]);
}
