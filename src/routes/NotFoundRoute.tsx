import { Link } from 'react-router'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'

export function NotFoundRoute() {
  const heading = useFocusHeading<HTMLHeadingElement>('not-found')
  return (
    <div>
      <h1 ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p>
        This address is not part of the app; the link may be mistyped or cut short.{' '}
        <Link to={paths.home()}>Diagnose an error</Link> or{' '}
        <Link to={paths.entries()}>see the known problems</Link>.
      </p>
    </div>
  )
}
