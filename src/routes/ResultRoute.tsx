import { useEffect, useMemo } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { useKb } from '../app/kb.ts'
import { absoluteLink, parseAnswers, paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { diagnose, failedConditions, findEntry } from '../engine/diagnose.ts'
import { extractValues, type Values } from '../engine/values.ts'
import { useInputs } from '../store/inputs.ts'
import { AnswerPath } from '../ui/AnswerPath.tsx'
import { CopyButton } from '../ui/CopyButton.tsx'
import { EntryDetails } from '../ui/EntryDetails.tsx'
import { EntryBodyView } from '../ui/EntryBodyView.tsx'
import { Evidence } from '../ui/Evidence.tsx'
import { MIGRATION_LABEL } from '../content/labels.ts'
import { UnknownEntry } from '../ui/UnknownEntry.tsx'

/** The diagnosis: the entry in the path, the answers in the query (so the URL is the share link). */
export function ResultRoute() {
  const kb = useKb()
  const { entryId = '' } = useParams()
  const { search } = useLocation()
  const text = useInputs((s) => s.text)
  const storeOrder = useInputs((s) => s.order)
  const typed = useInputs((s) => s.values)
  const setValue = useInputs((s) => s.setValue)
  const setAnswers = useInputs((s) => s.setAnswers)
  const heading = useFocusHeading<HTMLHeadingElement>(entryId)
  const entry = findEntry(kb, entryId)
  const parsed = useMemo(() => parseAnswers(kb, search), [kb, search])
  const d = useMemo(() => diagnose(kb, text, parsed.answers), [kb, text, parsed])

  // Opening a share link in a fresh tab: adopt its answers so Back through the questions works.
  useEffect(() => {
    if (storeOrder.length === 0 && parsed.order.length > 0) setAnswers(parsed.answers, parsed.order)
  }, [storeOrder.length, parsed, setAnswers])

  if (!entry) return <UnknownEntry id={entryId} />

  const candidate = d.candidates.find((c) => c.entryId === entry.id)
  const fromPaste = candidate ? extractValues(entry, d) : {}
  const values: Values = { ...fromPaste }
  // A value the user typed wins, even an emptied one: the command then waits for a new value.
  for (const [k, v] of Object.entries(typed)) values[k as keyof Values] = v
  const failed = failedConditions(kb, entry, parsed.answers)
  const spans = candidate ? candidate.evidence.flatMap((e) => e.spans) : []
  const share = absoluteLink(paths.result(entry.id, parsed.answers, parsed.order))

  return (
    <article className="result">
      <p className="kicker">Diagnosis · {MIGRATION_LABEL[entry.migrationType]}</p>
      <h1 ref={heading} tabIndex={-1}>
        {entry.title}
      </h1>
      <p className="summary">{entry.summary}</p>

      {failed.length > 0 && (
        <div className="notice" role="alert">
          <p>
            <strong>Your answers do not fit this problem.</strong>
          </p>
          <ul>
            {failed.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {parsed.ignored.length > 0 && (
        <p className="notice">
          Part of this link was not understood and was left out: {parsed.ignored.join(', ')}.
        </p>
      )}
      {text.trim() && !candidate && (
        <p className="notice">
          The text in your paste box does not resemble this problem's error; this page shows it in
          general.
        </p>
      )}

      <AnswerPath
        answers={parsed.answers}
        order={parsed.order}
        changeable={storeOrder.length > 0}
      />

      {spans.length > 0 && (
        <Evidence
          text={d.normalized.text}
          spans={spans}
          label="The parts of your error that point here:"
        />
      )}

      <EntryBodyView id={entry.id}>
        {(body) => (
          <EntryDetails
            entry={entry}
            body={body}
            questions={kb.questions}
            answers={parsed.answers}
            values={values}
            onValueChange={setValue}
          />
        )}
      </EntryBodyView>

      <section aria-labelledby="share-h" className="share">
        <h2 id="share-h">Share or come back</h2>
        <p>The link carries this diagnosis and your answers, never the text you pasted.</p>
        <p className="share-link">
          <code>{share}</code>
        </p>
        <CopyButton text={share} label="Copy link" />
        <p>
          <Link to={paths.entry(entry.id)}>Permanent page for this problem</Link> ·{' '}
          <Link to={paths.home()}>Diagnose another error</Link>
        </p>
      </section>
    </article>
  )
}
