import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { Link, useNavigate } from 'react-router'
import { entryBody, useMatcherIfLoaded } from '../app/kb.ts'
import type { EntryHead } from '../engine/types.ts'
import { MIGRATION_TYPES } from '../content/schema-constants.ts'
import { paths } from '../app/paths.ts'
import { markPaste, measureVerdict } from '../app/timing.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { findEntry } from '../engine/lookups.ts'
import { MAX_INPUT_CHARS } from '../engine/limits.ts'
import { useInputs } from '../store/inputs.ts'
import { Evidence } from '../ui/Evidence.tsx'
import { strengthLabel } from '../content/labels.ts'

/**
 * The start page. Everything but the diagnosis shows before the knowledge base has arrived; what
 * is pasted meanwhile is kept and diagnosed as soon as it is there.
 */
export function HomeRoute() {
  const matcher = useMatcherIfLoaded()
  const kb = matcher?.kb ?? null
  const text = useInputs((s) => s.text)
  const answers = useInputs((s) => s.answers)
  const setText = useInputs((s) => s.setText)
  const clear = useInputs((s) => s.clear)
  const navigate = useNavigate()
  const heading = useFocusHeading<HTMLHeadingElement>('home')
  // Typing stays responsive on huge pastes: their diagnosis follows the text a beat behind (in a
  // render of its own, after the browser has shown the text). An error message of ordinary size
  // is diagnosed with the input that brought it, so its verdict is on the page in the same frame.
  const behind = useDeferredValue(text)
  const deferred = text.length <= DIAGNOSE_AT_ONCE_CHARS ? text : behind
  const d = useMemo(
    () => (matcher ? matcher.engine.diagnose(matcher.kb, deferred, answers) : null),
    [matcher, deferred, answers],
  )
  const empty = deferred.trim().length === 0
  // Fetch the details of the problems that match while the user reads, so the result is instant.
  const liveIds = d ? d.live.map((c) => c.entryId).join(' ') : ''
  useEffect(() => {
    for (const id of liveIds.split(' ')) if (id) void entryBody(id).catch(() => {})
  }, [liveIds])
  const examples = useMemo(() => (kb ? pickExamples(kb.entries) : null), [kb])

  // Paste → verdict: from the input event to the commit of that text's diagnosis (app/timing.ts).
  const pasted = useRef<{ text: string; at: number; beforeKb: boolean } | null>(null)
  useLayoutEffect(() => {
    const p = pasted.current
    if (!p || !d || deferred !== p.text) return
    pasted.current = null
    measureVerdict(p.at, { chars: p.text.length, verdict: d.verdict, waitedForKb: p.beforeKb })
  }, [d, deferred])

  let status: string
  if (empty) status = 'Paste an error above and the matching known problems appear here.'
  else if (!d)
    status = 'Loading the knowledge base… Your text is diagnosed as soon as it has arrived.'
  else if (d.normalized.binary)
    status =
      'This looks like binary data, not error text. Paste the text of the error message instead.'
  else if (d.verdict === 'match') status = 'One known problem matches this error.'
  else if (d.verdict === 'ambiguous')
    status = `${d.live.length} known problems match this text; a few questions will tell them apart.`
  else status = 'No known problem matches this text.'

  const top = d?.candidates[0]
  const topEntry = kb && top ? findEntry(kb, top.entryId) : undefined
  const spans = top ? top.evidence.flatMap((e) => e.spans) : []

  return (
    <div className="home">
      <h1 ref={heading} tabIndex={-1}>
        Diagnose a mailbox migration error
      </h1>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (empty || !d) return
          void navigate(d.verdict === 'none' ? paths.noMatch() : paths.question(0))
        }}
      >
        <label htmlFor="paste" className="paste-label">
          Error text
        </label>
        <p id="paste-help" className="help">
          Paste the error from the Exchange admin center, from Get-MigrationUserStatistics or
          Get-MoveRequestStatistics, or from PowerShell, as it is: names, GUIDs and PowerShell noise
          are fine.
        </p>
        <p id="privacy" className="privacy">
          What you paste stays in this browser tab: nothing is uploaded, it is forgotten when you
          close the tab, and Clear forgets it now.
        </p>
        <textarea
          id="paste"
          aria-describedby="paste-help privacy"
          value={text}
          rows={10}
          spellCheck={false}
          onChange={(e) => {
            const value = e.target.value.slice(0, MAX_INPUT_CHARS * 2)
            const at = markPaste(value.length)
            pasted.current = at === null ? null : { text: value, at, beforeKb: !kb }
            setText(value)
          }}
        />
        {d?.normalized.truncated && (
          <p className="notice" role="alert">
            The text is longer than 1 MB; only its first megabyte was read.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={empty || !d || d.normalized.binary}>
            {!empty && d?.verdict === 'none' ? 'See why nothing matched' : 'Continue'}
          </button>
          <button
            type="button"
            onClick={clear}
            disabled={empty && Object.keys(answers).length === 0}
          >
            Clear
          </button>
        </div>
        <p>
          No error message, only something wrong after a move?{' '}
          <Link to={paths.browse()}>Start from what you see</Link>.
        </p>
        <p>
          A whole batch failed? <Link to={paths.report()}>Triage a report of failed users</Link>.
          About to start a staged or IMAP batch?{' '}
          <Link to={paths.csvCheck()}>Check a migration CSV file</Link>.
        </p>
      </form>

      <section aria-labelledby="results-h" className="results">
        <h2 id="results-h">Matching known problems</h2>
        <p role="status" className={!empty && !d ? 'verdict-line loading' : 'verdict-line'}>
          {status}
        </p>
        {kb && d && !empty && !d.normalized.binary && d.candidates.length > 0 && (
          <ol className="candidates">
            {d.candidates.slice(0, 5).map((c) => {
              const e = findEntry(kb, c.entryId)
              if (!e) return null
              const live = d.live.some((l) => l.entryId === c.entryId)
              return (
                <li key={c.entryId} className={live ? 'live' : 'faint'}>
                  <span className="candidate-title">{e.title}</span>{' '}
                  <span className="strength">
                    {strengthLabel(c.score)} ({Math.round(c.score * 100)}%)
                  </span>
                  {!live && d.closest.find((r) => r.entryId === c.entryId)?.reasons[0] && (
                    <p className="why-not">
                      {d.closest.find((r) => r.entryId === c.entryId)?.reasons[0]}
                    </p>
                  )}
                </li>
              )
            })}
          </ol>
        )}
        {d && top && topEntry && spans.length > 0 && (
          <Evidence
            text={d.normalized.text}
            spans={spans}
            label={`What matched "${topEntry.title}" (highlighted):`}
          />
        )}
      </section>

      {empty && (
        <section aria-labelledby="examples-h" className="examples">
          <h2 id="examples-h">No error at hand? Try an example</h2>
          {examples ? (
            <ul className="example-list">
              {examples.map((x) => (
                <li key={x.id}>
                  <button type="button" className="link" onClick={() => setText(x.text)}>
                    {x.title}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            // As tall as the list it stands for, so nothing below moves when the list arrives.
            <p role="status" className="loading example-list">
              Loading the examples…
            </p>
          )}
          <p>
            Or <Link to={paths.entries()}>browse the known problems</Link>.
          </p>
        </section>
      )}
    </div>
  )
}

/**
 * Longest text diagnosed in the same render as the input (a few milliseconds at most); longer
 * pastes are diagnosed in a deferred render, so the paste box never waits for the matcher.
 */
const DIAGNOSE_AT_ONCE_CHARS = 20_000

/** Most examples shown on the start page. */
const MAX_EXAMPLES = 6

/** One example per kind of migration, in the catalogue's order of kinds, so the list stays short. */
function pickExamples(
  entries: readonly EntryHead[],
): { id: string; title: string; text: string }[] {
  const out: { id: string; title: string; text: string }[] = []
  for (const type of MIGRATION_TYPES) {
    const e = entries.find((x) => x.migrationType === type && x.example !== null)
    if (e?.example) out.push({ id: e.id, title: e.title, text: e.example })
    if (out.length >= MAX_EXAMPLES) break
  }
  return out
}
