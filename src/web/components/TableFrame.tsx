import type { ReactNode } from "react";

/**
 * The DSFR table markup around a <table>. The scrolling container takes the focus so keyboard users can scroll a
 * wide table (RGAA 12.13, axe "scrollable-region-focusable").
 */
export function TableFrame({ children, noCaption = false }: { children: ReactNode; noCaption?: boolean }) {
  return (
    <div className={`fr-table${noCaption ? " fr-table--no-caption" : ""}`}>
      <div className="fr-table__wrapper">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <div className="fr-table__container" tabIndex={0}>
          <div className="fr-table__content">{children}</div>
        </div>
      </div>
    </div>
  );
}
