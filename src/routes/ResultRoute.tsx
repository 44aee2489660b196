import { useEffect, useMemo, useState } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { lookupsOnly, useResultData } from '../app/kb.ts'
import { absoluteLink, parseAnswers, paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { applies, diagnose, failedConditions } from '../engine/diagnose.ts'
import { normalize, type Normalized } from '../engine/normalize.ts'
import { UNKNOWN, type EntryBody, type EntryHead, type Kb, type Question } from '../engine/types.ts'
import { extractValues, fillTemplate, type Values } from '../engine/values.ts'
import { maskText } from '../report/mask.ts'
import { ticketNote, type TicketNoteInput } from '../report/ticket-note.ts'
import { useInputs } from '../store/inputs.ts'
import { AnswerPath } from '../ui/AnswerPath.tsx'
import { CopyButton } from '../ui/CopyButton.tsx'
import { conditionText, EntryDetails } from '../ui/EntryDetails.tsx'
import { Evidence } from '../ui/Evidence.tsx'
import { MIGRATION_LABEL, UNKNOWN_LABEL } from '../content/labels.ts'
import { TicketNote } from '../ui/TicketNote.tsx'
import { UnknownEntry } from '../ui/UnknownEntry.tsx'

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
      kb={data.kb}
      questions={data.questions}
      entry={data.file.head}
      body={data.file.body}
    />
  )
}

interface PageProps {
  /** The whole knowledge base when there is a paste to match, else null. */
  kb: Kb | null
  questions: Question[]
  entry: EntryHead
  body: EntryBody
}

/** The empty paste, as the engine reads it. */
const NOTHING = normalize('')

function ResultPage({ kb, questions, entry, body }: PageProps) {
  const { search } = useLocation()
  const text = useInputs((s) => s.text)
  const storeOrder = useInputs((s) => s.order)
  const typed = useInputs((s) => s.values)
  const setValue = useInputs((s) => s.setValue)
  const setAnswers = useInputs((s) => s.setAnswers)
  const [includeIds, setIncludeIds] = useState(false)
  const heading = useFocusHeading<HTMLHeadingElement>(entry.id)
  const lookups = useMemo(() => lookupsOnly([entry], questions), [entry, questions])
  const parsed = useMemo(() => parseAnswers(lookups, search), [lookups, search])
  const d = useMemo(
    () => (kb ? diagnose(kb, text, parsed.answers) : null),
    [kb, text, parsed.answers],
  )
  const normalized = d?.normalized ?? NOTHING

  // Opening a share link in a fresh tab: adopt its answers so Back through the questions works.
  useEffect(() => {
    if (storeOrder.length === 0 && parsed.order.length > 0) setAnswers(parsed.answers, parsed.order)
  }, [storeOrder.length, parsed, setAnswers])

  const candidate = d?.candidates.find((c) => c.entryId === entry.id)
  const fromPaste = d && candidate ? extractValues(entry, d) : {}
  const values: Values = { ...fromPaste }
  // A value the user typed wins, even an emptied one: the command then waits for a new value.
  for (const [k, v] of Object.entries(typed)) values[k as keyof Values] = v
  const failed = failedConditions(lookups, entry, parsed.answers)
  const spans = candidate ? candidate.evidence.flatMap((e) => e.spans) : []
  const share = absoluteLink(paths.result(entry.id, parsed.answers, parsed.order))
  const note = noteInput(questions, entry, body, normalized, parsed, values, includeIds)

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

      {spans.length > 0 && (
        <Evidence
          text={normalized.text}
          spans={spans}
          label="The parts of your error that point here:"
        />
      )}

      <EntryDetails
        entry={entry}
        body={body}
        questions={questions}
        answers={parsed.answers}
        values={values}
        onValueChange={setValue}
      />

      <TicketNote
        markdown={ticketNote(note, 'markdown')}
        text={ticketNote(note, 'text')}
        includeIdentifiers={includeIds}
        onIncludeIdentifiersChange={setIncludeIds}
      />

      <section aria-labelledby="share-h" className="share">
        <h2 id="share-h">Share or come back</h2>
        <p>The link carries this diagnosis and your answers, never the text you pasted.</p>
        <p className="share-link">
          <code>{share}</code>
        </p>
        <CopyButton text={share} label="Copy link" />
        {entry.sources.some((x) => x.kb === '2845956') && (
          <p>
            <Link to={paths.csvCheck()}>Check a migration CSV file</Link> for ForceChangePassword on
            federated users and other mistakes before you restart the batch.
          </p>
        )}
        <p>
          <Link to={paths.entry(entry.id)}>Permanent page for this problem</Link> ·{' '}
          <Link to={paths.home()}>Diagnose another error</Link>
        </p>
      </section>
    </article>
  )
}

/** The pieces of the ticket note: what the page shows, identifiers masked unless included. */
function noteInput(
  questions: readonly Question[],
  entry: EntryHead,
  body: EntryBody,
  normalized: Normalized,
  parsed: { answers: Record<string, string>; order: readonly string[] },
  values: Values,
  includeIds: boolean,
): TicketNoteInput {
  const { answers } = parsed
  const steps = body.steps.filter((s) => applies(s.when, answers) !== 'no')
  const commands = steps.flatMap((s) => {
    const c = s.command ? body.commands.find((x) => x.id === s.command) : undefined
    if (!c || applies(c.when, answers) === 'no') return []
    // Left out, the values stay as `<name>` placeholders: the note names no one.
    return [{ label: c.label, text: fillTemplate(c.template, includeIds ? values : {}) }]
  })
  const primary = entry.sources.find((s) => s.role === 'primary') ?? entry.sources[0]
  return {
    error: includeIds ? normalized.text : maskText(normalized),
    answers: parsed.order.map((q) => {
      const question = questions.find((x) => x.id === q)
      const a = answers[q] ?? ''
      return {
        question: question?.prompt ?? q,
        answer:
          a === UNKNOWN
            ? UNKNOWN_LABEL
            : (question?.options.find((o) => o.value === a)?.label ?? a),
      }
    }),
    title: entry.title,
    cause: body.cause,
    steps: steps.map((s) => {
      const condition =
        applies(s.when, answers) === 'maybe' && s.when ? conditionText(questions, s.when) : null
      return condition ? { text: s.text, condition } : { text: s.text }
    }),
    commands,
    source: primary ? { title: primary.title, url: primary.url, kb: primary.kb } : null,
  }
}
