import { use } from 'react'
import { Link } from 'react-router'
import { questionCatalogue } from '../app/kb.ts'
import { paths } from '../app/paths.ts'
import { UNKNOWN, type Question } from '../engine/types.ts'
import { UNKNOWN_LABEL } from '../content/labels.ts'

interface Props {
  /** The questions answered (the whole catalogue when left out; it then suspends until loaded). */
  questions?: readonly Question[]
  answers: Readonly<Record<string, string>>
  order: readonly string[]
  /** Offer a "Change" link back to each question step. */
  changeable?: boolean
}

/** The answers given so far, in order, each with a way to change it. */
export function AnswerPath({ questions: given, answers, order, changeable = true }: Props) {
  const questions = given ?? use(questionCatalogue())
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
