import { Link } from 'react-router'
import { useStoredDiagnosis } from '../app/diagnose-inputs.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { findEntry } from '../engine/lookups.ts'
import { AnswerPath } from '../ui/AnswerPath.tsx'

/** Several problems still fit and no question can split them: show them side by side. */
export function CompareRoute() {
  const { kb, answers, order, diagnosis: d } = useStoredDiagnosis()
  const heading = useFocusHeading<HTMLHeadingElement>('compare')
  return (
    <div>
      <h1 ref={heading} tabIndex={-1}>
        More than one problem fits
      </h1>
      <p>
        Your error and answers fit each of these equally. Answering "I don't know" less often
        narrows it down; otherwise check each one.
      </p>
      <AnswerPath answers={answers} order={order} />
      <ul>
        {d.live.map((c) => {
          const e = findEntry(kb, c.entryId)
          return e ? (
            <li key={e.id}>
              <Link to={paths.result(e.id, answers, order)}>{e.title}</Link>: {e.summary}
            </li>
          ) : null
        })}
      </ul>
      {d.live.length === 0 && (
        <p>
          Nothing fits any more. <Link to={paths.noMatch()}>See why</Link>.
        </p>
      )}
    </div>
  )
}
