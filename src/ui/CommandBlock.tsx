import { useId, useState } from 'react'
import type { Entry } from '../content/schema.ts'
import { fillTemplate, isComplete, placeholdersOf, type Values } from '../engine/values.ts'
import { CopyButton } from './CopyButton.tsx'
import { RiskNotice } from './RiskNotice.tsx'
import { SHELL_LABEL } from '../content/labels.ts'

interface Props {
  command: Entry['commands'][number]
  valueSpecs: Entry['values']
  values: Values
  onValueChange: (name: string, value: string) => void
}

/** A command with its shell, where it runs, the user's values (editable), risk and copy. */
export function CommandBlock({ command, valueSpecs, values, onValueChange }: Props) {
  const id = useId()
  const [confirmed, setConfirmed] = useState(false)
  const names = [...new Set(placeholdersOf(command.template))]
  const filled = fillTemplate(command.template, values)
  const complete = isComplete(command.template, values)
  const dangerous = command.risk === 'data-loss'
  return (
    <section className={`command risk-${command.risk}`} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{command.label}</h4>
      <p className="shell">
        <strong>Run in:</strong> {SHELL_LABEL[command.shell]}. <span>{command.runsOn}.</span>
      </p>
      {names.map((name) => {
        const spec = valueSpecs.find((v) => v.name === name)
        return (
          <p key={name} className="value-field">
            <label htmlFor={`${id}-${name}`}>{spec?.label ?? name}</label>
            <input
              id={`${id}-${name}`}
              type="text"
              value={values[name as keyof Values] ?? ''}
              placeholder={spec?.example ?? ''}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => onValueChange(name, e.target.value)}
            />
          </p>
        )
      })}
      <pre className="code">
        <code>{filled}</code>
      </pre>
      <RiskNotice
        id={id}
        risk={command.risk}
        riskNote={command.riskNote}
        confirmed={confirmed}
        onConfirm={setConfirmed}
      />
      {!complete && <p className="hint">Fill in every value above before you copy the command.</p>}
      <CopyButton
        text={filled}
        label="Copy command"
        disabled={!complete || (dangerous && !confirmed)}
      />
      <p className="reference">
        Parameters checked against the{' '}
        <a href={command.reference} rel="noreferrer" target="_blank">
          cmdlet reference
        </a>
        .
      </p>
    </section>
  )
}
