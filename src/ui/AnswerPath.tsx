import { Link } from 'react-router'
import { useQuestions } from '../app/kb.ts'
import { paths } from '../app/paths.ts'
import { UNKNOWN } from '../engine/types.ts'
import { UNKNOWN_LABEL } from '../content/labels.ts'

interface Props {
  answers: Readonly<Record<string, string>>
  order: readonly string[]
  /** Offer a "Change" link back to each question step. */
  changeable?: boolean
}

/** The answers given so far, in order, each with a way to change it. */
export function AnswerPath({ answers, order, changeable = true }: Props) {
  const questions = useQuestions()
  if (order.length === 0) return null
  return (
    <nav aria-label="Your answers so far" className="answer-path">
      <ol>
        {order.map((qid, i) => {
          const q = questions.find((x) => x.id === qid)
          const a = answers[qid]
          const label =
            a === UNKNOWN ? UNKNOWN_LABEL : (q?.options.find((o) => o.value === a)?.label ?? a)
          return (
            <li key={qid}>
              <span className="q">{q?.prompt ?? qid}</span> <strong className="a">{label}</strong>
              {changeable && (
                <>
                  {' '}
                  <Link
                    to={paths.question(i)}
                    aria-label={`Change your answer to: ${q?.prompt ?? qid}`}
                  >
                    Change
                  </Link>
                </>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
