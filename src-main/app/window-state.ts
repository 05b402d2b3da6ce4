/** A window's saved position and size. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

/** A display's work area. */
export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size a first start opens with. */
export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };
const MIN = { width: 900, height: 600 };

/**
 * Restores saved bounds only when the window would still be visible on a connected display
 * (a laptop undocked from its monitor must not open off-screen); otherwise centres a default.
 */
export function restoreBounds(saved: WindowBounds | undefined, displays: WorkArea[]): WindowBounds {
  if (!saved) return DEFAULT_BOUNDS;
  const width = Math.max(MIN.width, saved.width);
  const height = Math.max(MIN.height, saved.height);
  if (saved.x === undefined || saved.y === undefined) return { width, height, maximized: saved.maximized };
  const visible = displays.some(
    (d) => saved.x! + 100 <= d.x + d.width && saved.x! + width - 100 >= d.x && saved.y! >= d.y && saved.y! + 50 <= d.y + d.height,
  );
  return visible ? { x: saved.x, y: saved.y, width, height, maximized: saved.maximized } : { width, height, maximized: saved.maximized };
}
