import { useEffect, useMemo, useRef, useState } from 'react'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import {
  applyFixes,
  checkMigrationCsv,
  COLUMNS,
  parseDomains,
  type CsvKind,
} from '../report/csv-check.ts'
import { downloadText } from '../report/download.ts'
import { parseCsvText } from '../report/parse.ts'
import { CsvFindings } from '../ui/CsvFindings.tsx'

const PASTED = ''

const KINDS: { value: CsvKind; label: string }[] = [
  { value: 'staged', label: 'Staged migration' },
  { value: 'cutover', label: 'Cutover migration' },
  { value: 'imap', label: 'IMAP migration' },
]

/** Checks a staged or IMAP migration CSV file and offers a fixed copy. */
export function CsvCheckRoute() {
  const heading = useFocusHeading<HTMLHeadingElement>('csv-check')
  const [kind, setKind] = useState<CsvKind>('staged')
  const [text, setText] = useState('')
  const [fileName, setFileName] = useState(PASTED)
  const [domains, setDomains] = useState('')
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const table = useMemo(() => parseCsvText(text), [text])
  const federated = useMemo(() => parseDomains(domains), [domains])
  const findings = useMemo(
    () => checkMigrationCsv(table, kind, federated),
    [table, kind, federated],
  )
  const fixed = useMemo(() => applyFixes(table, findings, picked), [table, findings, picked])
  // The paste box and file picker give way to the loaded file: focus moves on to the findings
  // (or to Clear the file when there are none) instead of falling back to the page.
  const justLoaded = useRef(false)
  const findingsHeading = useRef<HTMLHeadingElement>(null)
  const clearButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!justLoaded.current || !text) return
    justLoaded.current = false
    const target = findingsHeading.current ?? clearButton.current
    target?.focus()
  }, [text])
  const load = (value: string, name: string) => {
    justLoaded.current = value !== ''
    setText(value)
    setPicked(new Set())
    setFileName(name)
  }
  const spec = COLUMNS[kind]

  return (
    <div className="csv-check">
      <h1 ref={heading} tabIndex={-1}>
        Check a migration CSV file
      </h1>
      <p>
        Open or paste the CSV file of a staged or IMAP migration batch before you create the batch.
        The file stays in this browser tab; passwords are never shown.
      </p>
      <form onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Kind of migration</legend>
          {KINDS.map((k) => (
            <p key={k.value}>
              <input
                id={`csv-kind-${k.value}`}
                type="radio"
                name="csv-kind"
                value={k.value}
                checked={kind === k.value}
                onChange={() => {
                  setKind(k.value)
                  setPicked(new Set())
                }}
              />{' '}
              <label htmlFor={`csv-kind-${k.value}`}>{k.label}</label>
            </p>
          ))}
        </fieldset>
        {kind === 'cutover' ? (
          <p role="status" className="notice">
            A cutover migration takes no user CSV file: it migrates every mailbox of the source
            organization. There is nothing to check here.
          </p>
        ) : (
          <>
            <p className="help">
              Columns: {spec.required.join(', ')} (required)
              {spec.optional.length > 0 ? `; ${spec.optional.join(', ')} (optional)` : ''}.
            </p>
            {text ? (
              <p role="status">
                {fileName === PASTED ? 'Pasted file' : fileName} loaded: {table.records.length} row
                {table.records.length === 1 ? '' : 's'}. The file itself is not shown, so its
                passwords stay hidden.{' '}
                <button ref={clearButton} type="button" onClick={() => load('', PASTED)}>
                  Clear the file
                </button>
              </p>
            ) : (
              <>
                <label htmlFor="csv-text" className="paste-label">
                  CSV file
                </label>
                <textarea
                  id="csv-text"
                  value=""
                  rows={4}
                  spellCheck={false}
                  placeholder="Paste the file here"
                  onChange={(e) => load(e.target.value, PASTED)}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    const file = e.dataTransfer.files[0]
                    if (!file) return
                    e.preventDefault()
                    void file.text().then((t) => load(t, file.name))
                  }}
                />
                <p>
                  <label htmlFor="csv-file">Or open a file</label>{' '}
                  <input
                    id="csv-file"
                    type="file"
                    accept=".csv,text/csv,text/plain"
                    onChange={(e) => {
                      const file = e.target.files?.[0]
                      if (file) void file.text().then((t) => load(t, file.name))
                    }}
                  />
                </p>
              </>
            )}
            {kind === 'staged' && (
              <p>
                <label htmlFor="csv-domains">
                  Federated domains (AD FS or another identity provider)
                </label>{' '}
                <input
                  id="csv-domains"
                  type="text"
                  value={domains}
                  placeholder="contoso.com, fabrikam.com"
                  spellCheck={false}
                  onChange={(e) => setDomains(e.target.value)}
                />
              </p>
            )}
          </>
        )}
      </form>

      {kind !== 'cutover' && table.headers.length > 0 && (
        <CsvFindings
          headingRef={findingsHeading}
          rows={table.records.length}
          findings={findings}
          picked={picked}
          onPick={(id, on) => {
            const next = new Set(picked)
            if (on) next.add(id)
            else next.delete(id)
            setPicked(next)
          }}
          changes={fixed.changes}
          onDownload={() =>
            downloadText(
              `${(fileName === PASTED ? 'migration' : fileName).replace(/\.csv$/i, '')}-fixed.csv`,
              fixed.csv,
              'text/csv',
            )
          }
        />
      )}
    </div>
  )
}
