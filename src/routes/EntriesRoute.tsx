import { Link } from 'react-router'
import { useKb } from '../app/kb.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { MIGRATION_LABEL } from '../content/labels.ts'

export function EntriesRoute() {
  const kb = useKb()
  const heading = useFocusHeading<HTMLHeadingElement>('entries')
  return (
    <div>
      <h1 ref={heading} tabIndex={-1}>
        Known problems
      </h1>
      <p>Every problem this tool can diagnose, with the public article it is based on.</p>
      <ul className="entry-list">
        {kb.entries.map((e) => (
          <li key={e.id}>
            <Link to={paths.entry(e.id)}>{e.title}</Link>
            <span className="kicker"> · {MIGRATION_LABEL[e.migrationType]}</span>
            <p>{e.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
