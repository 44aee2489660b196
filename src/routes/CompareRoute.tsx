import { useMemo } from 'react'
import { Link } from 'react-router'
import { useKb } from '../app/kb.ts'
import { diagnoseInputs } from '../app/diagnose-inputs.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { findEntry } from '../engine/diagnose.ts'
import { useInputs } from '../store/inputs.ts'
import { AnswerPath } from '../ui/AnswerPath.tsx'

/** Several problems still fit and no question can split them: show them side by side. */
export function CompareRoute() {
  const kb = useKb()
  const text = useInputs((s) => s.text)
  const symptom = useInputs((s) => s.symptom)
  const answers = useInputs((s) => s.answers)
  const order = useInputs((s) => s.order)
  const heading = useFocusHeading<HTMLHeadingElement>('compare')
  const d = useMemo(() => diagnoseInputs(kb, text, symptom, answers), [kb, text, symptom, answers])
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
