import { useId } from 'react'
import type { Entry } from '../content/schema.ts'
import { fillTemplate, isComplete, placeholdersOf, type Values } from '../engine/values.ts'
import { CommandHeading, RiskAndCopy } from './RiskNotice.tsx'

interface Props {
  command: Entry['commands'][number]
  valueSpecs: Entry['values']
  values: Values
  onValueChange: (name: string, value: string) => void
}

/** A command with its shell, where it runs, the user's values (editable), risk and copy. */
export function CommandBlock({ command, valueSpecs, values, onValueChange }: Props) {
  const id = useId()
  const names = [...new Set(placeholdersOf(command.template))]
  const filled = fillTemplate(command.template, values)
  const complete = isComplete(command.template, values)
  return (
    <section className={`command risk-${command.risk}`} aria-labelledby={`${id}-h`}>
      <CommandHeading id={id} label={command.label} shell={command.shell} runsOn={command.runsOn} />
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
      <RiskAndCopy
        id={id}
        risk={command.risk}
        riskNote={command.riskNote}
        text={filled}
        label="Copy command"
        blocked={!complete}
      >
        {!complete && (
          <p className="hint">Fill in every value above before you copy the command.</p>
        )}
      </RiskAndCopy>
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
