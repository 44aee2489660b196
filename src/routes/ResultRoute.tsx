import { Suspense, use, useEffect, useMemo } from 'react'
import { useLocation, useParams } from 'react-router'
import { lookupsOnly, useResultData, type Matcher } from '../app/kb.ts'
import { loadResultRest } from '../app/lazy-views.tsx'
import { parseAnswers } from '../app/paths.ts'
import { useAfterPaint } from '../app/use-after-paint.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { failedConditions } from '../engine/lookups.ts'
import type { EntryBody, EntryHead, Question } from '../engine/types.ts'
import type { Values } from '../engine/values.ts'
import { useInputs } from '../store/inputs.ts'
import { AnswerPath } from '../ui/AnswerPath.tsx'
import { EntryCause } from '../ui/EntryCause.tsx'
import { Evidence } from '../ui/Evidence.tsx'
import { MIGRATION_LABEL } from '../content/labels.ts'
import { UnknownEntry } from '../ui/UnknownEntry.tsx'
import type { ResultRestProps } from './ResultRest.tsx'

/** The diagnosis: the entry in the path, the answers in the query (so the URL is the share link). */
export function ResultRoute() {
  const { entryId = '' } = useParams()
  const { search } = useLocation()
  const hasText = useInputs((s) => s.text.trim() !== '')
  // With a paste the page needs the matcher (the evidence, the values taken from the text), so it
  // waits for the whole knowledge base; without one (a share link opened in a new tab) the
  // entry's own file (with the questions it refers to) is all it shows.
  const data = useResultData(entryId, search, hasText)
  if (!data)
    return (
      <p role="status" className="loading">
        Loading the diagnosis…
      </p>
    )
  if (!data.file) return <UnknownEntry id={entryId} />
  return (
    <ResultPage
      matcher={data.matcher}
      questions={data.questions}
      entry={data.file.head}
      body={data.file.body}
    />
  )
}

interface PageProps {
  /** The whole knowledge base and the matcher when there is a paste to match, else null. */
  matcher: Matcher | null
  questions: Question[]
  entry: EntryHead
  body: EntryBody
}

/** The rest of the page, from its own chunk of code (see ResultRest.tsx). */
function Rest(props: ResultRestProps) {
  const { ResultRest } = use(loadResultRest())
  return <ResultRest {...props} />
}

function ResultPage({ matcher, questions, entry, body }: PageProps) {
  const { search } = useLocation()
  const text = useInputs((s) => s.text)
  const storeOrder = useInputs((s) => s.order)
  const typed = useInputs((s) => s.values)
  const setValue = useInputs((s) => s.setValue)
  const setAnswers = useInputs((s) => s.setAnswers)
  const heading = useFocusHeading<HTMLHeadingElement>(entry.id)
  const lookups = useMemo(() => lookupsOnly([entry], questions), [entry, questions])
  const parsed = useMemo(() => parseAnswers(lookups, search), [lookups, search])
  const d = useMemo(
    () => (matcher ? matcher.engine.diagnose(matcher.kb, text, parsed.answers) : null),
    [matcher, text, parsed.answers],
  )
  const normalized = d?.normalized

  // Opening a share link in a fresh tab: adopt its answers so Back through the questions works.
  useEffect(() => {
    if (storeOrder.length === 0 && parsed.order.length > 0) setAnswers(parsed.answers, parsed.order)
  }, [storeOrder.length, parsed, setAnswers])

  const candidate = d?.candidates.find((c) => c.entryId === entry.id)
  const fromPaste = matcher && d && candidate ? matcher.engine.extractValues(entry, d) : {}
  const values: Values = { ...fromPaste }
  // A value the user typed wins, even an emptied one: the command then waits for a new value.
  for (const [k, v] of Object.entries(typed)) values[k as keyof Values] = v
  const failed = failedConditions(lookups, entry, parsed.answers)
  const spans = candidate ? candidate.evidence.flatMap((e) => e.spans) : []
  // The top of the page (what a phone's screen shows first: the problem, your answers, the
  // evidence, the cause) renders and paints first; the fix, the ticket note and the share link
  // follow in a render of their own, so the top is on the screen without waiting for the whole
  // long page.
  const whole = useAfterPaint()

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
        questions={questions}
        answers={parsed.answers}
        order={parsed.order}
        changeable={storeOrder.length > 0}
      />

      {normalized && spans.length > 0 && (
        <Evidence
          text={normalized.text}
          spans={spans}
          label="The parts of your error that point here:"
        />
      )}

      <EntryCause body={body} />

      {/* Until the rest is on the page (before the first paint, then while its code loads), a
          placeholder a screen high holds its place, so the footer does not show and move. */}
      <Suspense fallback={<div className="result-rest" />}>
        {whole ? (
          <Rest
            entry={entry}
            body={body}
            questions={questions}
            parsed={parsed}
            values={values}
            onValueChange={setValue}
            normalized={normalized}
          />
        ) : (
          <div className="result-rest" />
        )}
      </Suspense>
    </article>
  )
}
