import type { Entry, EntryBody, EntryHead, Question } from '../engine/types.ts'
import { applies } from '../engine/lookups.ts'
import { fillCsv, type Values } from '../engine/values.ts'
import { CommandBlock } from './CommandBlock.tsx'
import { EntryCause } from './EntryCause.tsx'
import { CopyButton } from './CopyButton.tsx'
import { TableScroll } from './TableScroll.tsx'

interface Props {
  entry: EntryHead
  body: EntryBody
  questions: readonly Question[]
  answers: Readonly<Record<string, string>>
  values: Values
  onValueChange: (name: string, value: string) => void
}

/** "If …" before a step that applies only for some answers. */
export function conditionText(
  questions: readonly Question[],
  when: NonNullable<Entry['steps'][number]['when']>,
) {
  const q = questions.find((x) => x.id === when.question)
  const labels = when.in.map((v) => q?.options.find((o) => o.value === v)?.label ?? v)
  return `If ${labels.join(' or ').replace(/^./, (c) => c.toLowerCase())}`
}

/** Cause, steps with commands, CSV fix, warnings, verification and sources of one entry. */
export function EntryDetails(props: Props) {
  return (
    <>
      <EntryCause body={props.body} />
      <EntryFix {...props} />
    </>
  )
}

/** What follows the cause: steps with commands, CSV fix, warnings, verification and sources. */
export function EntryFix({ entry, body, questions, answers, values, onValueChange }: Props) {
  const steps = body.steps.filter((s) => applies(s.when, answers) !== 'no')
  return (
    <>
      <section aria-labelledby="steps-h">
        <h2 id="steps-h">What to do</h2>
        <ol className="steps">
          {steps.map((step, i) => {
            const command = step.command
              ? body.commands.find((c) => c.id === step.command)
              : undefined
            const showCommand = command && applies(command.when, answers) !== 'no'
            return (
              <li key={i}>
                {applies(step.when, answers) === 'maybe' && step.when && (
                  <p className="condition">{conditionText(questions, step.when)}:</p>
                )}
                <p>{step.text}</p>
                {showCommand && (
                  <CommandBlock
                    command={command}
                    valueSpecs={entry.values}
                    values={values}
                    onValueChange={onValueChange}
                  />
                )}
                {step.csv && body.csvFix && <CsvFix fix={body.csvFix} values={values} />}
              </li>
            )
          })}
        </ol>
      </section>

      {body.warnings.length > 0 && (
        <section aria-labelledby="warn-h" className="warnings">
          <h2 id="warn-h">Before you start</h2>
          <ul>
            {body.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="verify-h">
        <h2 id="verify-h">How to check it worked</h2>
        <ul>
          {body.verify.map((v, i) => (
            <li key={i}>{v}</li>
          ))}
        </ul>
      </section>

      {body.moreExactThanTheArticle.length > 0 && (
        <section aria-labelledby="exact-h">
          <h2 id="exact-h">Where this goes beyond the article</h2>
          <ul>
            {body.moreExactThanTheArticle.map((v, i) => (
              <li key={i}>{v}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="src-h">
        <h2 id="src-h">Sources</h2>
        <ul className="sources">
          {entry.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} rel="noreferrer" target="_blank">
                {s.title}
              </a>
              {s.kb ? ` (KB ${s.kb})` : ''}
              {s.role === 'primary' ? ' — the article this diagnosis is based on' : ''}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

function CsvFix({ fix, values }: { fix: NonNullable<Entry['csvFix']>; values: Values }) {
  const csv = fillCsv(fix, values)
  return (
    <div className="csv-fix">
      <TableScroll label="The corrected row in the migration CSV">
        <table>
          <caption>The corrected row in the migration CSV</caption>
          <thead>
            <tr>
              {fix.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {fix.columns.map((c) => (
                <td key={c}>
                  {(fix.row[c] ?? '').replace(
                    /\{([a-z]+)\}/g,
                    (_, n: string) => values[n as keyof Values] || `<${n}>`,
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <figure aria-label="Corrected CSV lines" className="code-figure">
        <pre className="code">
          <code>{csv}</code>
        </pre>
      </figure>
      <CopyButton text={csv} label="Copy CSV lines" />
      <p>{fix.note}</p>
    </div>
  )
}
