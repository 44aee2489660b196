import { useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { useKb } from '../app/kb.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { applies, findEntry } from '../engine/lookups.ts'
import type { EntryBody } from '../engine/types.ts'
import { downloadText } from '../report/download.ts'
import { encodingLabel } from '../report/decode.ts'
import { detectColumns, parseReport, toRows } from '../report/parse.ts'
import { reportNote } from '../report/report-note.ts'
import { runTriage, type TriageRun } from '../report/run.ts'
import {
  clearTool,
  reportStore,
  useKept,
  useReportInputs,
  type FileSource,
} from '../report/tool-state.ts'
import {
  fixScript,
  perUser,
  resultCsv,
  resultMarkdown,
  type Group,
  type TriageResult,
} from '../report/triage.ts'
import { EntryBodyView } from '../ui/EntryBodyView.tsx'
import { FixScript, type FixScriptItem } from '../ui/FixScript.tsx'
import { TicketNote } from '../ui/TicketNote.tsx'
import { TriageGroup } from '../ui/TriageGroup.tsx'
import { allowDrop, dropFile, OpenFileInput, openTextFile } from '../ui/OpenFile.tsx'

type RunState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }
  | { status: 'done'; result: TriageResult; ms: number }

/** The fixes of a known problem for all its users (per-user commands) or as single commands. */
function fixItems(body: EntryBody, users: readonly string[]): FixScriptItem[] {
  return body.commands
    .filter((c) => applies(c.when, {}) !== 'no')
    .map((c) => {
      const each = perUser(c.template) && users.length > 0
      return {
        label: c.label,
        code: each ? fixScript(c, users) : c.template,
        perUser: each,
        users: users.length,
        risk: c.risk,
        riskNote: c.riskNote ?? null,
        shell: c.shell,
        runsOn: c.runsOn,
      }
    })
}

/** The last result, so Back from a problem's page shows it again without a new run. */
let lastResult: {
  text: string
  identity: number
  error: number
  result: TriageResult
  ms: number
} | null = null

/** Forgets the kept result (Clear; tests). */
export function forgetReportResult(): void {
  lastResult = null
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** A column name as an option label: long garbage headers are cut. */
const columnLabel = (h: string, i: number) =>
  !h ? `Column ${i + 1}` : h.length > 60 ? `${h.slice(0, 57)}…` : h

/** Triage a whole report: every row diagnosed, grouped by problem, with one fix per problem. */
export function ReportRoute() {
  const kb = useKb()
  const heading = useFocusHeading<HTMLHeadingElement>('report')
  const text = useReportInputs((s) => s.text)
  const source = useReportInputs((s) => s.source)
  const identityChoice = useReportInputs((s) => s.identity)
  const errorChoice = useReportInputs((s) => s.error)
  const filter = useReportInputs((s) => s.filter)
  const diagnosed = useReportInputs((s) => s.diagnosed)
  const kept = useKept('report')
  const [fileError, setFileError] = useState<string | null>(null)
  const current = useRef<TriageRun | null>(null)
  useEffect(() => () => current.current?.cancel(), [])

  const table = useMemo(() => parseReport(text), [text])
  const detected = useMemo(() => detectColumns(table.headers), [table])
  const identity = identityChoice ?? detected.identity
  const error = errorChoice ?? detected.error
  const input = useMemo(() => toRows(table, identity, error), [table, identity, error])
  const [run, setRun] = useState<RunState>(() =>
    diagnosed &&
    lastResult &&
    lastResult.text === text &&
    lastResult.identity === identity &&
    lastResult.error === error
      ? { status: 'done', result: lastResult.result, ms: lastResult.ms }
      : { status: 'idle' },
  )
  // When a run the user started ends, focus goes to its result (or back to the button), so
  // keyboard and screen-reader users land on what changed instead of on a vanished button.
  const settled = useRef(false)
  const resultHeading = useRef<HTMLHeadingElement>(null)
  const diagnoseButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!settled.current || run.status === 'running' || run.status === 'idle') return
    settled.current = false
    const target = resultHeading.current ?? diagnoseButton.current
    target?.focus()
  }, [run])

  const stop = () => {
    current.current?.cancel()
    current.current = null
  }
  const load = (raw: string, from: FileSource | null) => {
    stop()
    setFileError(null)
    // The paste box reports line breaks as LF whatever the file had; keeping the text in that
    // form spares React from writing a large value back into the box on every render.
    const value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
    // An edit below the header line keeps the columns the user picked.
    const head = (t: string) => t.slice(0, t.indexOf('\n') >>> 0)
    const sameHeader = from === null && head(value) === head(text)
    reportStore.setState({
      text: value,
      source: from,
      ...(sameHeader ? {} : { identity: null, error: null }),
      diagnosed: false,
    })
    setRun({ status: 'idle' })
  }
  const choose = (which: 'identity' | 'error', column: number) => {
    stop()
    reportStore.setState({ [which]: column, diagnosed: false })
    setRun({ status: 'idle' })
  }
  const open = (file: File | undefined) => openTextFile(file, load, setFileError)
  const clear = () => {
    stop()
    forgetReportResult()
    clearTool('report')
    setFileError(null)
    setRun({ status: 'idle' })
  }
  const start = (byUser = true) => {
    stop()
    const total = input.rows.length
    const began = performance.now()
    const at = { text, identity, error }
    setRun({ status: 'running', done: 0, total })
    const r = runTriage(kb, input.rows, input.problems, (done) =>
      setRun((s) => (s.status === 'running' ? { ...s, done } : s)),
    )
    current.current = r
    r.promise.then(
      (result) => {
        if (current.current !== r) return
        current.current = null
        if (byUser) settled.current = true
        if (!result) {
          setRun({ status: 'cancelled' })
          return
        }
        const ms = Math.round(performance.now() - began)
        lastResult = { ...at, result, ms }
        reportStore.setState({ diagnosed: true })
        setRun({ status: 'done', result, ms })
      },
      (e: unknown) => {
        if (current.current === r) current.current = null
        if (byUser) settled.current = true
        setRun({ status: 'failed', message: e instanceof Error ? e.message : String(e) })
      },
    )
  }
  const cancel = () => {
    stop()
    settled.current = true
    setRun({ status: 'cancelled' })
  }
  // After a reload the result is gone but the report is back: run it again.
  const resume = useRef(diagnosed && run.status === 'idle')
  useEffect(() => {
    if (!resume.current) return
    resume.current = false
    start(false)
  })

  const result = run.status === 'done' ? run.result : null
  const needle = filter.trim().toLowerCase()
  const shown = (g: Group) =>
    !needle || `${g.title}\n${g.sample}\n${g.users.join('\n')}`.toLowerCase().includes(needle)
  const known = result?.groups.filter((g) => g.kind !== 'unknown' && shown(g)) ?? []
  const unknown = result?.groups.filter((g) => g.kind === 'unknown' && shown(g)) ?? []
  const options = table.headers.map((h, i) => ({ value: String(i), label: columnLabel(h, i) }))
  const from = source ? `${source.name} (${encodingLabel(source.encoding, source.bom)})` : null
  const readable = table.format === 'csv' || table.format === 'list'

  return (
    <div className="report">
      <h1 ref={heading} tabIndex={-1}>
        Triage a report of failed users
      </h1>
      <p>
        Paste or drop the export of a failed batch — a CSV file (Export-Csv, the admin center&apos;s
        report) or the text of <code>Get-MigrationUser | Format-List</code> — and see every row
        diagnosed, grouped by problem, with one fix for all the users of each. Nothing leaves this
        browser tab.
      </p>
      <form onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="report-text" className="paste-label">
          Report
        </label>
        <textarea
          id="report-text"
          value={text}
          rows={10}
          spellCheck={false}
          onChange={(e) => load(e.target.value, null)}
          onDragOver={allowDrop}
          onDrop={(e) => dropFile(e, open)}
        />
        <p>
          <OpenFileInput
            id="report-file"
            accept=".csv,.txt,.log,text/csv,text/plain"
            onOpen={open}
          />{' '}
          <button type="button" onClick={clear} disabled={!text && !fileError}>
            Clear
          </button>
        </p>
        {fileError && (
          <p role="alert" className="notice">
            {fileError}
          </p>
        )}
        {table.format !== 'empty' && (
          <p role="status">
            {table.format === 'binary'
              ? 'This is not text: it holds control characters that no report has. Paste the text of the export, or open the CSV or text file itself.'
              : `${from ? `Read ${from} as` : 'Read as'} ${table.format === 'csv' ? 'CSV' : 'Format-List text'}: ${plural(table.records.length, 'record')}, ${input.rows.length} with error text${input.problems.length > 0 ? `, ${input.problems.length} that cannot be diagnosed (listed with the result)` : ''}.`}
            {readable && table.records.length === 0 && table.format === 'csv'
              ? ' There is only a header line: no rows to diagnose.'
              : ''}
            {readable && table.headers.length > 0 && error < 0
              ? ' No column looks like the error text: pick it below.'
              : ''}
          </p>
        )}
        {text && !kept && (
          <p className="hint">
            This report is too large to keep in the tab, so it will not come back after a reload;
            everything else works.
          </p>
        )}
        {readable && table.headers.length > 0 && (
          <div className="columns">
            <ColumnSelect
              id="report-identity"
              label="User column"
              value={identity}
              options={options}
              onChange={(c) => choose('identity', c)}
            />
            <ColumnSelect
              id="report-error"
              label="Error column"
              value={error}
              options={options}
              onChange={(c) => choose('error', c)}
            />
          </div>
        )}
        <div className="actions">
          <button
            ref={diagnoseButton}
            type="button"
            className="primary"
            disabled={run.status === 'running' || input.rows.length + input.problems.length === 0}
            onClick={() => start()}
          >
            Diagnose {plural(input.rows.length, 'row')}
          </button>
          {run.status === 'running' && (
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          )}
        </div>
        {run.status === 'running' && (
          <p>
            <label htmlFor="report-progress">Diagnosing</label>{' '}
            <progress id="report-progress" max={Math.max(1, run.total)} value={run.done}>
              {run.done} of {run.total}
            </progress>{' '}
            {run.done} of {run.total}
          </p>
        )}
        {run.status === 'cancelled' && <p role="status">Cancelled.</p>}
        {run.status === 'failed' && (
          <p role="alert" className="notice">
            The triage failed: {run.message}
          </p>
        )}
      </form>

      {result && run.status === 'done' && (
        <section aria-labelledby="triage-h" className="triage">
          <h2 id="triage-h" ref={resultHeading} tabIndex={-1}>
            Result
          </h2>
          <p role="status">
            {result.total} rows read in {run.ms} ms:{' '}
            {result.groups.filter((g) => g.kind !== 'unknown').reduce((n, g) => n + g.count, 0)} in
            known problems,{' '}
            {result.groups.filter((g) => g.kind === 'unknown').reduce((n, g) => n + g.count, 0)}{' '}
            unknown, {result.problems.length} unreadable.
          </p>
          <p className="actions-inline">
            <button
              type="button"
              onClick={() => downloadText('triage.csv', resultCsv(result), 'text/csv')}
            >
              Download CSV
            </button>{' '}
            <button
              type="button"
              onClick={() => downloadText('triage.md', resultMarkdown(result), 'text/markdown')}
            >
              Download Markdown
            </button>
          </p>
          <p className="report-filter">
            <label htmlFor="report-filter">Filter by problem, error or user</label>{' '}
            <input
              id="report-filter"
              type="search"
              value={filter}
              onChange={(e) => reportStore.setState({ filter: e.target.value })}
            />
          </p>

          <ReportTicketNote result={result} />

          <h2>Known problems</h2>
          {known.length === 0 && <p>None.</p>}
          {known.map((g) => (
            <TriageGroup
              key={g.entryIds.join(' ')}
              group={g}
              links={g.entryIds.map((id) => ({
                to: paths.entry(id),
                title: `About: ${findEntry(kb, id)?.title ?? id}`,
              }))}
            >
              {g.kind === 'known' && g.entryIds[0] && (
                <EntryBodyView id={g.entryIds[0]}>
                  {(body) =>
                    fixItems(body, g.users).map((item) => (
                      <FixScript key={item.label} item={item} />
                    ))
                  }
                </EntryBodyView>
              )}
              {g.kind === 'ambiguous' && (
                <p className="hint">
                  The text alone cannot tell these problems apart: open one row&apos;s error on the{' '}
                  <Link to={paths.home()}>start page</Link> and answer the questions.
                </p>
              )}
            </TriageGroup>
          ))}

          <h2>Unknown errors</h2>
          {unknown.length === 0 && <p>None.</p>}
          {unknown.map((g) => (
            <TriageGroup key={`${g.sample}\n${g.lines[0] ?? ''}`} group={g} links={[]} />
          ))}

          <h2>Rows that could not be read</h2>
          {result.problems.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul>
              {result.problems.map((p) => (
                <li key={`${p.line}-${p.reason}`}>
                  Line {p.line}: {p.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  )
}

/** The result as a note for a ticket: users counted unless the user asks for their names. */
function ReportTicketNote({ result }: { result: TriageResult }) {
  const kb = useKb()
  const [include, setInclude] = useState(false)
  const sourceOf = (id: string) => {
    const s = findEntry(kb, id)?.sources[0]
    return s ? { title: s.title, url: s.url, kb: s.kb ?? null } : null
  }
  return (
    <TicketNote
      markdown={reportNote(result, sourceOf, 'markdown', include)}
      text={reportNote(result, sourceOf, 'text', include)}
      includeIdentifiers={include}
      onIncludeIdentifiersChange={setInclude}
      description="How many rows, each problem with its count and source article, the errors no known problem matches (addresses and GUIDs masked) and the lines that could not be read. Users are counted, not named, unless you include them."
      includeLabel="Include the users' names"
    />
  )
}

/** Which column of the report holds a field; "(none)" is -1. */
function ColumnSelect(props: {
  id: string
  label: string
  value: number
  options: readonly { value: number | string; label: string }[]
  onChange: (column: number) => void
}) {
  return (
    <p>
      <label htmlFor={props.id}>{props.label}</label>{' '}
      <select
        id={props.id}
        value={String(props.value)}
        onChange={(e) => props.onChange(Number(e.target.value))}
      >
        <option value="-1">(none)</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  )
}
