import { Link, useNavigate, useParams } from 'react-router'
import { useKb } from '../app/kb.ts'
import { paths } from '../app/paths.ts'
import { useFocusHeading } from '../app/use-focus-heading.ts'
import { MIGRATION_LABEL } from '../content/labels.ts'
import type { MigrationType } from '../content/schema-constants.ts'
import { useInputs } from '../store/inputs.ts'

/** The problems of one kind of migration: pick what you see, or open one with an error message. */
export function BrowseTypeRoute() {
  const kb = useKb()
  const { type = '' } = useParams()
  const pickSymptom = useInputs((s) => s.pickSymptom)
  const navigate = useNavigate()
  const heading = useFocusHeading<HTMLHeadingElement>(type)
  const label = (MIGRATION_LABEL as Record<string, string>)[type]
  const entries = kb.entries.filter((e) => e.migrationType === (type as MigrationType))
  if (!label || entries.length === 0)
    return (
      <div>
        <h1 ref={heading} tabIndex={-1}>
          No problems of this kind
        </h1>
        <p>
          The link names a kind of migration this tool does not know.{' '}
          <Link to={paths.browse()}>Pick one from the list</Link>.
        </p>
      </div>
    )
  const quiet = entries.filter((e) => e.symptoms.length > 0)
  const loud = entries.filter((e) => e.symptoms.length === 0)
  return (
    <div>
      <p className="kicker">
        <Link to={paths.browse()}>No error message</Link> · {label}
      </p>
      <h1 ref={heading} tabIndex={-1}>
        What do you see?
      </h1>
      {quiet.length === 0 ? (
        <p>Every known problem of this kind comes with an error message.</p>
      ) : (
        <ul className="symptom-list">
          {quiet.map((e) => (
            <li key={e.id}>
              <h2>{e.title}</h2>
              <ul>
                {e.symptoms.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
              <button
                type="button"
                onClick={() => {
                  pickSymptom(e.id)
                  void navigate(paths.question(0))
                }}
              >
                This is what I see
                <span className="visually-hidden">: {e.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {loud.length > 0 && (
        <section aria-labelledby="loud-h">
          <h2 id="loud-h">Problems of this kind that come with an error message</h2>
          <ul>
            {loud.map((e) => (
              <li key={e.id}>
                <Link to={paths.entry(e.id)}>{e.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
