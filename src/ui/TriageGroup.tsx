import { useId, type ReactNode } from 'react'
import { Link } from 'react-router'
import type { Group } from '../report/triage.ts'

interface Props {
  group: Group
  /** Links to the problems of the group. */
  links: { to: string; title: string }[]
  children?: ReactNode
}

const MAX_SHOWN = 200

/** One group of a triaged report: the problem, how many rows, which users and lines. */
export function TriageGroup({ group, links, children }: Props) {
  const id = useId()
  const heading =
    group.kind === 'unknown' ? `Unknown error (${group.count})` : `${group.title} (${group.count})`
  const more = group.users.length - MAX_SHOWN
  return (
    <section aria-labelledby={`${id}-h`} className={`triage-group triage-${group.kind}`}>
      <h3 id={`${id}-h`}>{heading}</h3>
      {group.kind === 'unknown' && (
        <pre className="code">
          <code>{group.sample}</code>
        </pre>
      )}
      {links.length > 0 && (
        <ul>
          {links.map((l) => (
            <li key={l.to}>
              <Link to={l.to}>{l.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>Users:</strong>{' '}
        {group.users.length === 0
          ? 'none named in the report'
          : group.users.slice(0, MAX_SHOWN).join(', ') + (more > 0 ? ` and ${more} more` : '')}
      </p>
      <p className="lines">
        <strong>Lines:</strong> {group.lines.slice(0, MAX_SHOWN).join(', ')}
        {group.lines.length > MAX_SHOWN ? ` and ${group.lines.length - MAX_SHOWN} more` : ''}
      </p>
      {children}
    </section>
  )
}
