import type { ReactNode } from 'react';

/**
 * A screen's heading row: its `<h1 id="screen-title">` (the section's label, focused by
 * `ScreenHost` on navigation) with the screen's actions or filters beside it.
 */
export function ScreenHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="screen-header">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
