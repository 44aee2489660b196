import type { Ref } from 'react'
import type { Change, Finding } from '../report/csv-check.ts'
import { TableScroll } from './TableScroll.tsx'

interface Props {
  rows: number
  findings: readonly Finding[]
  picked: ReadonlySet<string>
  onPick: (id: string, on: boolean) => void
  /** Ticks or unticks every fix of one kind. */
  onPickGroup: (group: string, on: boolean) => void
  changes: readonly Change[]
  /** One sentence on how the fixed file is written (its encoding). */
  output: string
  onDownload: () => void
  /** The section's heading, for moving focus to the findings when a file is loaded. */
  headingRef?: Ref<HTMLHeadingElement>
}

/** What ticking every fix of a kind does, by finding group. */
const GROUP_LABEL: Record<string, (n: number) => string> = {
  fcp: (n) => `Set ForceChangePassword to False for all ${n} federated users`,
  spaces: (n) => `Remove the spaces around all ${n} addresses`,
  duplicate: (n) => `Remove all ${n} duplicate rows`,
  unknown: (n) => `Remove all ${n} unknown columns`,
}

/** The findings of a migration CSV check, a tick per fix, and the fixed file's changes. */
export function CsvFindings({
  rows,
  findings,
  picked,
  onPick,
  onPickGroup,
  changes,
  output,
  onDownload,
  headingRef,
}: Props) {
  const groups = new Map<string, { total: number; picked: number }>()
  for (const f of findings)
    if (f.fixes.length > 0) {
      const g = groups.get(f.group) ?? { total: 0, picked: 0 }
      g.total++
      if (picked.has(f.id)) g.picked++
      groups.set(f.group, g)
    }
  const bulk = [...groups].filter(([group, g]) => g.total > 1 && GROUP_LABEL[group])
  return (
    <section aria-labelledby="findings-h" className="csv-findings">
      <h2 id="findings-h" ref={headingRef} tabIndex={-1}>
        Findings
      </h2>
      <p role="status">
        {rows} row{rows === 1 ? '' : 's'} checked:{' '}
        {findings.length === 0
          ? 'no problems found.'
          : `${findings.length} finding${findings.length === 1 ? '' : 's'}.`}
      </p>
      {bulk.length > 0 && (
        <fieldset className="bulk-fixes">
          <legend>Fix every row of a kind at once</legend>
          {bulk.map(([group, g]) => (
            <p key={group}>
              <input
                id={`fix-all-${group}`}
                type="checkbox"
                checked={g.picked === g.total}
                ref={(el) => {
                  if (el) el.indeterminate = g.picked > 0 && g.picked < g.total
                }}
                onChange={(e) => onPickGroup(group, e.target.checked)}
              />{' '}
              <label htmlFor={`fix-all-${group}`}>{GROUP_LABEL[group]?.(g.total)}</label>
            </p>
          ))}
        </fieldset>
      )}
      {findings.length > 0 && (
        <TableScroll label="Findings by line and column">
          <table>
            <caption>Each finding by line and column; tick the fixes to apply</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Problem</th>
                <th scope="col">Fix</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={f.id}>
                  <td>{f.record === null && f.line === 1 ? 'Header' : f.line}</td>
                  <td>{f.column ?? ''}</td>
                  <td>
                    <code>{f.shown ?? ''}</code>
                  </td>
                  <td>{f.message}</td>
                  <td>
                    {f.fixLabel ? (
                      <>
                        <input
                          id={`fix-${f.id}`}
                          type="checkbox"
                          aria-label={`${f.fixLabel} (line ${f.line}, ${f.column ?? 'file'})`}
                          checked={picked.has(f.id)}
                          onChange={(e) => onPick(f.id, e.target.checked)}
                        />{' '}
                        <label htmlFor={`fix-${f.id}`}>{f.fixLabel}</label>
                      </>
                    ) : (
                      'Fix by hand'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Fixed file</h2>
      {changes.length === 0 ? (
        <p>No change picked: the fixed file would be the same as yours.</p>
      ) : (
        <>
          <p>
            The fixed file differs from yours in exactly these changes; every other line is kept
            byte for byte. {output}
          </p>
          <ul className="changes">
            {changes.map((c, i) => (
              <li key={i}>
                {c.line === null ? '' : c.line === 1 ? 'Header: ' : `Line ${c.line}: `}
                {c.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <button type="button" onClick={onDownload} disabled={changes.length === 0}>
          Download the fixed file
        </button>
      </p>
    </section>
  )
}
