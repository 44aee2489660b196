import { useId, type ReactNode } from 'react'
import { Link } from 'react-router'
import type { Group } from '../report/triage.ts'

interface Props {
  group: Group
  /** Links to the problems of the group. */
  links: { to: string; title: string }[]
  children?: ReactNode
}

/** How many users or line numbers show before the rest folds into "All …". */
const INLINE = 10

/** A list shown by its first items, the whole of it one click away. */
function Folded({ label, all, noun }: { label: string; all: readonly string[]; noun: string }) {
  const more = all.length - INLINE
  return (
    <>
      <p className={noun === 'line numbers' ? 'lines' : 'users'}>
        <strong>{label}:</strong> {all.slice(0, INLINE).join(', ')}
        {more > 0 ? ` and ${more} more` : ''}
      </p>
      {more > 0 && (
        <details>
          <summary>
            All {all.length} {noun}
          </summary>
          <p>{all.join(', ')}</p>
        </details>
      )}
    </>
  )
}

/** One group of a triaged report: the problem, how many rows, which users and lines. */
export function TriageGroup({ group, links, children }: Props) {
  const id = useId()
  const heading =
    group.kind === 'unknown' ? `Unknown error (${group.count})` : `${group.title} (${group.count})`
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
      {group.users.length === 0 ? (
        <p className="users">
          <strong>Users:</strong> none named in the report
        </p>
      ) : (
        <Folded label="Users" all={group.users} noun="users" />
      )}
      <Folded label="Lines" all={group.lines.map(String)} noun="line numbers" />
      {children}
    </section>
  )
}
