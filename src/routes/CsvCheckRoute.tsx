import { useEffect, useMemo, useRef, useState } from 'react'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import {
  applyFixes,
  checkMigrationCsv,
  COLUMNS,
  parseDomains,
  pickGroup,
  type CsvKind,
} from '../report/csv-check.ts'
import { encodeText, encodingLabel } from '../report/decode.ts'
import { downloadText } from '../report/download.ts'
import { parseCsvText } from '../report/parse.ts'
import {
  clearTool,
  csvCheckStore,
  useCsvCheckInputs,
  useKept,
  type FileSource,
} from '../report/tool-state.ts'
import { CsvFindings } from '../ui/CsvFindings.tsx'
import { allowDrop, dropFile, OpenFileInput, openTextFile } from '../ui/OpenFile.tsx'

const KINDS: { value: CsvKind; label: string }[] = [
  { value: 'staged', label: 'Staged migration' },
  { value: 'cutover', label: 'Cutover migration' },
  { value: 'imap', label: 'IMAP migration' },
]

/** Checks a staged or IMAP migration CSV file and offers a fixed copy. */
export function CsvCheckRoute() {
  const heading = useFocusHeading<HTMLHeadingElement>('csv-check')
  const kind = useCsvCheckInputs((s) => s.kind)
  const text = useCsvCheckInputs((s) => s.text)
  const source = useCsvCheckInputs((s) => s.source)
  const domains = useCsvCheckInputs((s) => s.domains)
  const targets = useCsvCheckInputs((s) => s.targets)
  const pickedIds = useCsvCheckInputs((s) => s.picked)
  const kept = useKept('csv-check')
  const [fileError, setFileError] = useState<string | null>(null)
  const picked = useMemo(() => new Set(pickedIds), [pickedIds])
  const table = useMemo(() => parseCsvText(text), [text])
  const federated = useMemo(() => parseDomains(domains), [domains])
  const target = useMemo(() => parseDomains(targets), [targets])
  const findings = useMemo(
    () => checkMigrationCsv(table, kind, federated, kind === 'imap' ? target : []),
    [table, kind, federated, target],
  )
  const fixed = useMemo(() => applyFixes(table, findings, picked), [table, findings, picked])
  const setPicked = (next: ReadonlySet<string>) => csvCheckStore.setState({ picked: [...next] })
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
  const load = (value: string, from: FileSource | null) => {
    justLoaded.current = value !== ''
    setFileError(null)
    csvCheckStore.setState({ text: value, source: from, picked: [] })
  }
  const open = (file: File | undefined) => openTextFile(file, load, setFileError)
  const spec = COLUMNS[kind]
  const binary = table.format === 'binary'
  const name = source?.name ?? 'The pasted file'

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
                onChange={() => csvCheckStore.setState({ kind: k.value, picked: [] })}
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
                {name} loaded
                {source ? ` (${encodingLabel(source.encoding, source.bom)})` : ''}:{' '}
                {table.records.length} row{table.records.length === 1 ? '' : 's'}
                {table.headers.length === 0 && !binary
                  ? ' — there is no header line, so there is nothing to check'
                  : ''}
                . The file itself is not shown, so its passwords stay hidden.{' '}
                <button
                  ref={clearButton}
                  type="button"
                  onClick={() => {
                    setFileError(null)
                    clearTool('csv-check', { keepChoices: true })
                  }}
                >
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
                  onChange={(e) => load(e.target.value, null)}
                  onDragOver={allowDrop}
                  onDrop={(e) => dropFile(e, open)}
                />
                <p>
                  <OpenFileInput
                    id="csv-file"
                    accept=".csv,.txt,text/csv,text/plain"
                    onOpen={open}
                  />
                </p>
              </>
            )}
            {fileError && (
              <p role="alert" className="notice">
                {fileError}
              </p>
            )}
            {binary && (
              <p role="alert" className="notice">
                This is not a CSV file: it holds control characters that no text file has.
              </p>
            )}
            {text && !kept && (
              <p className="hint">
                This file is too large to keep in the tab, so it will not come back after a reload;
                everything else works.
              </p>
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
                  onChange={(e) => csvCheckStore.setState({ domains: e.target.value })}
                />
              </p>
            )}
            {kind === 'imap' && (
              <p>
                <label htmlFor="csv-targets">
                  Microsoft 365 domains of the new mailboxes (optional)
                </label>{' '}
                <input
                  id="csv-targets"
                  type="text"
                  value={targets}
                  placeholder="contoso.com, contoso.onmicrosoft.com"
                  spellCheck={false}
                  onChange={(e) => csvCheckStore.setState({ targets: e.target.value })}
                />
              </p>
            )}
          </>
        )}
      </form>

      {kind !== 'cutover' && table.headers.length > 0 && !binary && (
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
          onPickGroup={(group, on) => setPicked(pickGroup(picked, findings, group, on))}
          changes={fixed.changes}
          output={
            source
              ? `The fixed file is written as ${encodingLabel(source.encoding, source.bom)}, like yours.`
              : 'The fixed file is written as UTF-8.'
          }
          onDownload={() =>
            downloadText(
              `${(source?.name ?? 'migration').replace(/\.(csv|txt)$/i, '')}-fixed.csv`,
              source ? encodeText(fixed.csv, source.encoding, source.bom) : fixed.csv,
              'text/csv',
            )
          }
        />
      )}
    </div>
  )
}
