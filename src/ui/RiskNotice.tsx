import { useState, type ReactNode } from 'react'
import type { Shell } from '../content/schema-constants.ts'
import { SHELL_LABEL } from '../content/labels.ts'
import { CopyButton } from './CopyButton.tsx'

interface Props {
  id: string
  risk: string
  riskNote: string | null | undefined
  confirmed: boolean
  onConfirm: (confirmed: boolean) => void
}

/** What a command risks; for one that can lose data, the confirmation copying waits for. */
export function RiskNotice({ id, risk, riskNote, confirmed, onConfirm }: Props) {
  if (risk !== 'data-loss') return riskNote ? <p className="risk-note">{riskNote}</p> : null
  return (
    <div className="danger" role="note">
      <p>
        <strong>Can lose data.</strong> {riskNote}
      </p>
      <p>
        <input
          id={`${id}-confirm`}
          type="checkbox"
          checked={confirmed}
          onChange={(e) => onConfirm(e.target.checked)}
        />{' '}
        <label htmlFor={`${id}-confirm`}>
          I understand what can be lost and I want to copy this command.
        </label>
      </p>
    </div>
  )
}

/** A command's heading and the shell and versions it runs in. */
export function CommandHeading(props: { id: string; label: string; shell: Shell; runsOn: string }) {
  return (
    <>
      <h4 id={`${props.id}-h`}>{props.label}</h4>
      <p className="shell">
        <strong>Run in:</strong> {SHELL_LABEL[props.shell]}. <span>{props.runsOn}.</span>
      </p>
    </>
  )
}

/**
 * A command's risk and its Copy button: a command that can lose data is copied only after the
 * confirmation. `children` show between the two; `blocked` holds the button back for other reasons.
 */
export function RiskAndCopy({
  id,
  risk,
  riskNote,
  text,
  label,
  blocked = false,
  children,
}: {
  id: string
  risk: string
  riskNote: string | null | undefined
  text: string
  label: string
  blocked?: boolean
  children?: ReactNode
}) {
  const [confirmed, setConfirmed] = useState(false)
  return (
    <>
      <RiskNotice
        id={id}
        risk={risk}
        riskNote={riskNote}
        confirmed={confirmed}
        onConfirm={setConfirmed}
      />
      {children}
      <CopyButton
        text={text}
        label={label}
        disabled={blocked || (risk === 'data-loss' && !confirmed)}
      />
    </>
  )
}
