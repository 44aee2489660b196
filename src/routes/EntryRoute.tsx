import { Link, useParams } from 'react-router'
import { useKb } from '../app/kb.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { findEntry } from '../engine/lookups.ts'
import type { Values } from '../engine/values.ts'
import { useInputs } from '../store/inputs.ts'
import { EntryDetails } from '../ui/EntryDetails.tsx'
import { EntryBodyView } from '../ui/EntryBodyView.tsx'
import { MIGRATION_LABEL } from '../content/labels.ts'
import { UnknownEntry } from '../ui/UnknownEntry.tsx'

/** The permanent page of one problem: everything it covers, with no paste needed. */
export function EntryRoute() {
  const kb = useKb()
  const { entryId = '' } = useParams()
  const typed = useInputs((s) => s.values)
  const setValue = useInputs((s) => s.setValue)
  const heading = useFocusHeading<HTMLHeadingElement>(entryId)
  const entry = findEntry(kb, entryId)
  if (!entry) return <UnknownEntry id={entryId} />
  const values: Values = {}
  // A value the user typed wins, even an emptied one: the command then waits for a new value.
  for (const [k, v] of Object.entries(typed)) values[k as keyof Values] = v
  return (
    <article className="result">
      <p className="kicker">Known problem · {MIGRATION_LABEL[entry.migrationType]}</p>
      <h1 ref={heading} tabIndex={-1}>
        {entry.title}
      </h1>
      <p className="summary">{entry.summary}</p>
      <section aria-labelledby="sig-h">
        <h2 id="sig-h">Error text it covers</h2>
        <ul className="signatures">
          {entry.signatures
            .filter((s) => s.kind !== 'code')
            .map((s) => (
              <li key={s.id}>
                {s.origin === 'wrong-fix' && <strong>After the fix that does not work: </strong>}
                <q>{s.text.replace(/\{([a-z]+)\}/g, '<$1>')}</q>
              </li>
            ))}
        </ul>
      </section>
      {entry.conditions.length > 0 && (
        <section aria-labelledby="cond-h">
          <h2 id="cond-h">When it applies</h2>
          <ul>
            {entry.conditions.map((c) => (
              <li key={c.question}>{c.why}</li>
            ))}
          </ul>
        </section>
      )}
      <EntryBodyView id={entry.id}>
        {(body) => (
          <EntryDetails
            entry={entry}
            body={body}
            questions={kb.questions}
            answers={{}}
            values={values}
            onValueChange={setValue}
          />
        )}
      </EntryBodyView>
      <p>
        <Link to={paths.home()}>Diagnose your own error</Link>
      </p>
    </article>
  )
}
