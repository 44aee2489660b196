import { Link } from 'react-router'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'

/** Shown for a link to an entry id the knowledge base does not have. */
export function UnknownEntry({ id }: { id: string }) {
  const heading = useFocusHeading<HTMLHeadingElement>(id)
  return (
    <div>
      <h1 ref={heading} tabIndex={-1}>
        This problem is not in the knowledge base
      </h1>
      <p>
        The link names a problem called <code>{id.slice(0, 120)}</code>, which this version does not
        know. The link may be mistyped or cut short.
      </p>
      <p>
        <Link to={paths.entries()}>See every known problem</Link> or{' '}
        <Link to={paths.home()}>diagnose an error</Link>.
      </p>
    </div>
  )
}
