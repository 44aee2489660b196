import { useMemo } from 'react'
import { Link, Navigate, useNavigate, useParams } from 'react-router'
import { useKb } from '../app/kb.ts'
import { diagnoseInputs } from '../app/diagnose-inputs.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { findEntry, findQuestion } from '../engine/lookups.ts'
import { UNKNOWN } from '../engine/types.ts'
import { useInputs } from '../store/inputs.ts'
import { AnswerPath } from '../ui/AnswerPath.tsx'
import { QuestionForm } from '../ui/QuestionForm.tsx'

/** Step `n` of the questions: the n-th question asked, or the next one the engine picks. */
export function QuestionRoute() {
  const kb = useKb()
  const { step: raw } = useParams()
  const step = /^\d{1,3}$/.test(raw ?? '') ? Number(raw) : -1
  const text = useInputs((s) => s.text)
  const symptom = useInputs((s) => s.symptom)
  const answers = useInputs((s) => s.answers)
  const order = useInputs((s) => s.order)
  const answer = useInputs((s) => s.answer)
  const navigate = useNavigate()
  const heading = useFocusHeading<HTMLHeadingElement>(step)

  // The diagnosis as it stood before this step's answer: it decides what this step asks.
  const before = useMemo(() => {
    const given: Record<string, string> = {}
    for (const q of order.slice(0, Math.max(0, step)))
      if (answers[q] !== undefined) given[q] = answers[q]
    return diagnoseInputs(kb, text, symptom, given)
  }, [kb, text, symptom, answers, order, step])

  if (step < 0) return <Navigate to={paths.question(0)} replace />
  const fromSymptom = !text.trim() && symptom ? findEntry(kb, symptom) : undefined
  if (!text.trim() && !fromSymptom)
    return (
      <div>
        <h1 ref={heading} tabIndex={-1}>
          Nothing to diagnose yet
        </h1>
        <p>
          The questions follow from an error text, and there is none in this tab.{' '}
          <Link to={paths.home()}>Paste an error</Link> or{' '}
          <Link to={paths.entries()}>browse the known problems</Link>.
        </p>
      </div>
    )
  if (step > order.length) return <Navigate to={paths.question(order.length)} replace />

  const asked =
    step < order.length ? findQuestion(kb, order[step] ?? '') : (before.nextQuestion ?? undefined)
  if (!asked) {
    if (before.verdict === 'match' && before.entryId)
      return (
        <Navigate
          to={paths.result(before.entryId, pick(answers, order, step), order.slice(0, step))}
          replace
        />
      )
    if (before.verdict === 'ambiguous') return <Navigate to={paths.compare()} replace />
    return <Navigate to={paths.noMatch()} replace />
  }

  const still = before.live.map((c) => findEntry(kb, c.entryId)?.title).filter(Boolean) as string[]
  return (
    <div className="question-page">
      <p className="step-count">Question {step + 1}</p>
      <AnswerPath answers={answers} order={order.slice(0, step)} />
      <QuestionForm
        key={`${step}-${asked.id}`}
        question={asked}
        headingRef={heading}
        initial={step < order.length ? answers[asked.id] : undefined}
        onAnswer={(value) => {
          answer(step, asked.id, value)
          void navigate(paths.question(step + 1))
        }}
        back={
          step > 0
            ? paths.question(step - 1)
            : fromSymptom
              ? paths.browseType(fromSymptom.migrationType)
              : paths.home()
        }
      />
      {still.length > 0 && (
        <aside aria-labelledby="still-h" className="still">
          <h2 id="still-h">Still possible</h2>
          <ul>
            {still.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  )
}

function pick(
  answers: Record<string, string>,
  order: readonly string[],
  step: number,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const q of order.slice(0, step)) out[q] = answers[q] ?? UNKNOWN
  return out
}
