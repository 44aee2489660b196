import { useId } from 'react'
import type { Shell } from '../content/schema-constants.ts'
import { CommandHeading, RiskAndCopy } from './RiskNotice.tsx'

export interface FixScriptItem {
  label: string
  /** The script for every user, or the single command when it needs other values. */
  code: string
  perUser: boolean
  /** How many users the script runs for. */
  users: number
  risk: 'read-only' | 'changes-settings' | 'data-loss'
  riskNote: string | null
  shell: Shell
  /** Where exactly the command can run (product and versions). */
  runsOn: string
}

/** Scripts longer than this many characters start folded. */
const LONG = 1500

/** A fix for every user of a group, with the data-loss confirmation before copy. */
export function FixScript({ item }: { item: FixScriptItem }) {
  const id = useId()
  // A script for hundreds of users is folded: it is copied, rarely read line by line.
  const long = item.code.length > LONG
  const block = (
    <pre className="code">
      <code>{item.code}</code>
    </pre>
  )
  return (
    <section className={`command risk-${item.risk}`} aria-labelledby={`${id}-h`}>
      <CommandHeading id={id} label={item.label} shell={item.shell} runsOn={item.runsOn} />
      {!item.perUser && (
        <p className="hint">
          This command needs values other than the user: fill them in on the problem&apos;s page and
          run it for each user.
        </p>
      )}
      {long ? (
        <details>
          <summary>
            Show the {item.perUser ? `script for all ${item.users} users` : 'command'}
          </summary>
          {block}
        </details>
      ) : (
        block
      )}
      <RiskAndCopy
        id={id}
        risk={item.risk}
        riskNote={item.riskNote}
        text={item.code}
        label={item.perUser ? 'Copy script' : 'Copy command'}
      />
    </section>
  )
}
