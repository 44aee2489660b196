import { Link } from 'react-router'
import { useKb } from '../app/kb.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { MIGRATION_LABEL } from '../content/labels.ts'
import { MIGRATION_TYPES } from '../content/schema-constants.ts'

/** "I don't have an error message": start from the kind of migration. */
export function BrowseRoute() {
  const kb = useKb()
  const heading = useFocusHeading<HTMLHeadingElement>('browse')
  const counts = new Map<string, { symptoms: number; errors: number }>()
  for (const e of kb.entries) {
    const c = counts.get(e.migrationType) ?? { symptoms: 0, errors: 0 }
    if (e.symptoms.length > 0) c.symptoms++
    else c.errors++
    counts.set(e.migrationType, c)
  }
  const types = MIGRATION_TYPES.filter((t) => counts.has(t))
  return (
    <div>
      <h1 ref={heading} tabIndex={-1}>
        No error message? Start from what you see
      </h1>
      <p>
        Some migration problems show no error at all: moves that crawl, free/busy or delegates
        broken after the move, items missing. Pick the kind of migration, then what you see.
      </p>
      <ul className="entry-list">
        {types.map((t) => {
          const c = counts.get(t)!
          return (
            <li key={t}>
              <Link to={paths.browseType(t)}>{MIGRATION_LABEL[t]}</Link>
              <p className="help">
                {c.symptoms} {c.symptoms === 1 ? 'problem' : 'problems'} without an error message,{' '}
                {c.errors} with one
              </p>
            </li>
          )
        })}
      </ul>
      <p>
        <Link to={paths.home()}>I do have an error message</Link>
      </p>
    </div>
  )
}
