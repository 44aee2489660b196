import { useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { useKb } from '../app/kb.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { applies, findEntry } from '../engine/diagnose.ts'
import type { EntryBody } from '../engine/types.ts'
import { downloadText } from '../report/download.ts'
import { detectColumns, parseReport, toRows } from '../report/parse.ts'
import { runTriage, type TriageRun } from '../report/run.ts'
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
import { TriageGroup } from '../ui/TriageGroup.tsx'

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
        risk: c.risk,
        riskNote: c.riskNote ?? null,
        shell: c.shell,
        runsOn: c.runsOn,
      }
    })
}

/** Triage a whole report: every row diagnosed, grouped by problem, with one fix per problem. */
export function ReportRoute() {
  const kb = useKb()
  const heading = useFocusHeading<HTMLHeadingElement>('report')
  const [text, setText] = useState('')
  const [identityChoice, setIdentityChoice] = useState<number | null>(null)
  const [errorChoice, setErrorChoice] = useState<number | null>(null)
  const [run, setRun] = useState<RunState>({ status: 'idle' })
  const [filter, setFilter] = useState('')
  const current = useRef<TriageRun | null>(null)
  useEffect(() => () => current.current?.cancel(), [])
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

  const table = useMemo(() => parseReport(text), [text])
  const detected = useMemo(() => detectColumns(table.headers), [table])
  const identity = identityChoice ?? detected.identity
  const error = errorChoice ?? detected.error
  const input = useMemo(() => toRows(table, identity, error), [table, identity, error])

  const load = (value: string) => {
    current.current?.cancel()
    setText(value)
    setIdentityChoice(null)
    setErrorChoice(null)
    setRun({ status: 'idle' })
  }
  const start = () => {
    current.current?.cancel()
    const total = input.rows.length
    const began = performance.now()
    setRun({ status: 'running', done: 0, total })
    const r = runTriage(kb, input.rows, input.problems, (done) =>
      setRun((s) => (s.status === 'running' ? { ...s, done } : s)),
    )
    current.current = r
    r.promise.then(
      (result) => {
        if (current.current !== r) return
        settled.current = true
        setRun(
          result
            ? { status: 'done', result, ms: Math.round(performance.now() - began) }
            : { status: 'cancelled' },
        )
      },
      (e: unknown) => {
        settled.current = true
        setRun({ status: 'failed', message: String(e) })
      },
    )
  }
  const cancel = () => {
    current.current?.cancel()
    current.current = null
    settled.current = true
    setRun({ status: 'cancelled' })
  }

  const result = run.status === 'done' ? run.result : null
  const needle = filter.trim().toLowerCase()
  const shown = (g: Group) =>
    !needle || `${g.title}\n${g.sample}\n${g.users.join('\n')}`.toLowerCase().includes(needle)
  const known = result?.groups.filter((g) => g.kind !== 'unknown' && shown(g)) ?? []
  const unknown = result?.groups.filter((g) => g.kind === 'unknown' && shown(g)) ?? []
  const options = table.headers.map((h, i) => ({ value: String(i), label: h || `Column ${i + 1}` }))

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
          onChange={(e) => load(e.target.value)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            const file = e.dataTransfer.files[0]
            if (!file) return
            e.preventDefault()
            void file.text().then(load)
          }}
        />
        <p>
          <label htmlFor="report-file">Or open a file</label>{' '}
          <input
            id="report-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) void file.text().then(load)
            }}
          />
        </p>
        {table.format !== 'empty' && (
          <p role="status">
            {table.format === 'binary'
              ? 'This is binary data, not a text report.'
              : `Read as ${table.format === 'csv' ? 'CSV' : 'Format-List text'}: ${table.records.length} record${table.records.length === 1 ? '' : 's'}, ${input.rows.length} with error text.`}
          </p>
        )}
        {table.headers.length > 0 && (
          <div className="columns">
            <ColumnSelect
              id="report-identity"
              label="User column"
              value={identity}
              options={options}
              onChange={setIdentityChoice}
            />
            <ColumnSelect
              id="report-error"
              label="Error column"
              value={error}
              options={options}
              onChange={setErrorChoice}
            />
          </div>
        )}
        <div className="actions">
          <button
            ref={diagnoseButton}
            type="button"
            className="primary"
            disabled={run.status === 'running' || input.rows.length + input.problems.length === 0}
            onClick={start}
          >
            Diagnose {input.rows.length} row{input.rows.length === 1 ? '' : 's'}
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
          <p>
            <label htmlFor="report-filter">Filter by problem, error or user</label>{' '}
            <input
              id="report-filter"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </p>

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
