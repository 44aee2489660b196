/**
 * The result page below its top: the fix (steps, commands, CSV fix, warnings, checks, sources),
 * the ticket note and the share link. Its own chunk of code (src/app/lazy-views.tsx), rendered
 * once the top has painted: neither the code nor the rendering holds up what the screen shows
 * first, and the start page's script stays within its budget.
 */
import { useState } from 'react'
import { Link } from 'react-router'
import { absoluteLink, paths } from '../app/paths.ts'
import { applies } from '../engine/lookups.ts'
import type { Normalized } from '../engine/normalize.ts'
import { UNKNOWN, type EntryBody, type EntryHead, type Question } from '../engine/types.ts'
import { fillTemplate, type Values } from '../engine/values.ts'
import { UNKNOWN_LABEL } from '../content/labels.ts'
import { maskText } from '../report/mask.ts'
import { ticketNote, type TicketNoteInput } from '../report/ticket-note.ts'
import { CopyButton } from '../ui/CopyButton.tsx'
import { conditionText, EntryFix } from '../ui/EntryDetails.tsx'
import { TicketNote } from '../ui/TicketNote.tsx'

export interface ResultRestProps {
  entry: EntryHead
  body: EntryBody
  questions: readonly Question[]
  parsed: { answers: Record<string, string>; order: readonly string[] }
  values: Values
  onValueChange: (name: string, value: string) => void
  /** The paste as the engine read it; undefined when there is none to match. */
  normalized: Normalized | undefined
}

export function ResultRest({
  entry,
  body,
  questions,
  parsed,
  values,
  onValueChange,
  normalized,
}: ResultRestProps) {
  const share = absoluteLink(paths.result(entry.id, parsed.answers, parsed.order))
  const [includeIds, setIncludeIds] = useState(false)
  const note = noteInput(questions, entry, body, normalized, parsed, values, includeIds)
  return (
    <>
      <EntryFix
        entry={entry}
        body={body}
        questions={questions}
        answers={parsed.answers}
        values={values}
        onValueChange={onValueChange}
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
    </>
  )
}

/** The pieces of the ticket note: what the page shows, identifiers masked unless included. */
function noteInput(
  questions: readonly Question[],
  entry: EntryHead,
  body: EntryBody,
  normalized: Normalized | undefined,
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
    // No paste, no error text (what an empty paste would give, masked or not).
    error: !normalized ? '' : includeIds ? normalized.text : maskText(normalized),
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
