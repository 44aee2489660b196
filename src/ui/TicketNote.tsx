import { useId, useState } from 'react'
import { CopyButton } from './CopyButton.tsx'

interface Props {
  markdown: string
  text: string
  includeIdentifiers: boolean
  onIncludeIdentifiersChange: (include: boolean) => void
  /** What the note holds, in one or two sentences (the single result's by default). */
  description?: string
  /** The label of the box that puts identifiers in the note. */
  includeLabel?: string
}

const DESCRIPTION =
  'The error, your answers, the cause, the steps, the commands and the source, ready to paste into a ticket. Addresses, GUIDs and server names are replaced by placeholders unless you include them.'

/** Copy the diagnosis as a note for a helpdesk ticket, identifiers masked unless asked for. */
export function TicketNote({
  markdown,
  text,
  includeIdentifiers,
  onIncludeIdentifiersChange,
  description = DESCRIPTION,
  includeLabel = 'Include addresses, GUIDs and server names',
}: Props) {
  const id = useId()
  const [shown, setShown] = useState(false)
  return (
    <section aria-labelledby={`${id}-h`} className="ticket-note">
      <h2 id={`${id}-h`}>Ticket note</h2>
      <p>{description}</p>
      <p>
        <input
          id={`${id}-include`}
          type="checkbox"
          checked={includeIdentifiers}
          onChange={(e) => onIncludeIdentifiersChange(e.target.checked)}
        />{' '}
        <label htmlFor={`${id}-include`}>{includeLabel}</label>
      </p>
      <p>
        <button
          type="button"
          aria-expanded={shown}
          aria-controls={`${id}-preview`}
          onClick={() => setShown(!shown)}
        >
          {shown ? 'Hide the note' : 'Show the note'}
        </button>
      </p>
      <div id={`${id}-preview`}>
        {shown && (
          <pre className="code">
            <code>{markdown}</code>
          </pre>
        )}
      </div>
      <p className="actions-inline">
        <CopyButton text={markdown} label="Copy ticket note (Markdown)" />{' '}
        <CopyButton text={text} label="Copy ticket note (plain text)" />
      </p>
    </section>
  )
}
