import { useState, type RefObject } from 'react'
import { Link } from 'react-router'
import type { Question } from '../engine/types.ts'
import { UNKNOWN } from '../engine/types.ts'
import { CopyButton } from './CopyButton.tsx'
import { SHELL_LABEL, UNKNOWN_LABEL } from '../content/labels.ts'

interface Props {
  question: Question
  initial: string | undefined
  onAnswer: (value: string) => void
  back: string
  /** The question is the page's heading; focus moves to it on each step. */
  headingRef: RefObject<HTMLHeadingElement | null>
}

/** One question: its options plus "I don't know", how to find out, Back and Next. */
export function QuestionForm({ question, initial, onAnswer, back, headingRef }: Props) {
  const [value, setValue] = useState<string | undefined>(initial)
  const [missing, setMissing] = useState(false)
  const options = [...question.options, { value: UNKNOWN, label: UNKNOWN_LABEL }]
  return (
    <form
      className="question"
      onSubmit={(e) => {
        e.preventDefault()
        if (value === undefined) setMissing(true)
        else onAnswer(value)
      }}
    >
      <fieldset aria-describedby={missing ? 'pick-one' : undefined}>
        <legend>
          <h1 ref={headingRef} tabIndex={-1}>
            {question.prompt}
          </h1>
        </legend>
        {question.detail && <p className="help">{question.detail}</p>}
        {options.map((o) => (
          <p key={o.value} className="option">
            <input
              type="radio"
              id={`opt-${o.value}`}
              name={question.id}
              value={o.value}
              checked={value === o.value}
              onChange={() => {
                setValue(o.value)
                setMissing(false)
              }}
            />{' '}
            <label htmlFor={`opt-${o.value}`}>{o.label}</label>
          </p>
        ))}
      </fieldset>
      {missing && (
        <p id="pick-one" role="alert" className="notice">
          Pick one answer, or "{UNKNOWN_LABEL}".
        </p>
      )}
      <details className="how">
        <summary>How to find out</summary>
        <p>{question.howToFindOut.text}</p>
        {question.howToFindOut.command && (
          <>
            {question.howToFindOut.shell && (
              <p className="shell">
                <strong>Run in:</strong> {SHELL_LABEL[question.howToFindOut.shell]}
              </p>
            )}
            <pre className="code">
              <code>{question.howToFindOut.command}</code>
            </pre>
            <CopyButton text={question.howToFindOut.command} label="Copy command" />
          </>
        )}
      </details>
      <div className="actions">
        <Link to={back} className="button">
          Back
        </Link>
        <button type="submit" className="primary">
          Next
        </button>
      </div>
    </form>
  )
}
