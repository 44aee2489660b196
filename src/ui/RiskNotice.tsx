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
