import type { ReactNode } from 'react'

/**
 * A data table that scrolls sideways inside its own box when the screen is narrower than the
 * table (WCAG 1.4.10 allows that for tables), so the page itself never does. The box takes
 * keyboard focus, so it scrolls with the arrow keys too; `label` names it (the table's caption).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
