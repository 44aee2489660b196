import { Link } from 'react-router'
import { useStoredDiagnosis } from '../app/diagnose-inputs.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { findEntry } from '../engine/lookups.ts'
import { AnswerPath } from '../ui/AnswerPath.tsx'
import { strengthLabel } from '../content/labels.ts'

/** Nothing fits: say so plainly, show what came closest and why each was ruled out. */
export function NoMatchRoute() {
  const { kb, text, symptom, answers, order, diagnosis: d } = useStoredDiagnosis()
  const heading = useFocusHeading<HTMLHeadingElement>('no-match')
  const nothing = !text.trim() && !symptom

  return (
    <div className="no-match">
      <h1 ref={heading} tabIndex={-1}>
        {nothing ? 'Nothing to diagnose yet' : 'No known problem matches'}
      </h1>
      {nothing ? (
        <p>
          There is no error text in this tab. <Link to={paths.home()}>Paste an error</Link> to
          start.
        </p>
      ) : (
        <>
          <p>
            This tool knows {kb.entries.length} migration problems, and none of them fits your error
            {order.length > 0 ? ' together with your answers' : ''}. Rather than guess, it stops
            here.
          </p>
          <AnswerPath answers={answers} order={order} />
          <section aria-labelledby="closest-h">
            <h2 id="closest-h">What came closest</h2>
            {d.closest.length === 0 ? (
              <p>Nothing in the knowledge base resembles this text at all.</p>
            ) : (
              <ul className="closest">
                {d.closest.map((c) => {
                  const e = findEntry(kb, c.entryId)
                  if (!e) return null
                  return (
                    <li key={c.entryId}>
                      <Link to={paths.entry(e.id)}>{e.title}</Link>{' '}
                      <span className="strength">
                        ({strengthLabel(c.score)}, {Math.round(c.score * 100)}%)
                      </span>
                      <ul>
                        {c.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </li>
                  )
                })}
              </ul>
            )}
          </section>
          <section aria-labelledby="next-h">
            <h2 id="next-h">What you can do</h2>
            <ul>
              <li>
                Check that you pasted the error itself: in the admin center it is often behind a
                Details or Learn more link, and Get-MigrationUserStatistics -IncludeReport shows the
                full text.
              </li>
              <li>
                If you changed an answer by mistake,{' '}
                <Link to={paths.question(0)}>review your answers</Link>.
              </li>
              <li>
                <Link to={paths.entries()}>Browse the known problems</Link> in case yours is
                described in other words.
              </li>
              <li>Search Microsoft Learn for the distinctive sentence of the error.</li>
            </ul>
            <p>
              <Link to={paths.home()}>Back to the error text</Link>
            </p>
          </section>
        </>
      )}
    </div>
  )
}
