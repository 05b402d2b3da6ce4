import { Fragment, type ReactNode } from 'react';

/** One step of a {@link Breadcrumb}: a link back when it has `onClick`, plain text otherwise. */
export interface Crumb {
  label: ReactNode;
  onClick?: () => void;
}

/** Where the user is in Sites → site → apartment; the last step is the current page. */
export function Breadcrumb({ trail }: { trail: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      {trail.map((crumb, i) => (
        <Fragment key={i}>
          {i > 0 ? <span aria-hidden="true">›</span> : null}
          {i === trail.length - 1 ? (
            <span aria-current="page">{crumb.label}</span>
          ) : crumb.onClick ? (
            <button type="button" className="link-button" onClick={crumb.onClick}>
              {crumb.label}
            </button>
          ) : (
            <span>{crumb.label}</span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}
