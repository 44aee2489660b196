import { Suspense, type ReactNode } from 'react'
import { useEntryBody } from '../app/kb.ts'
import type { EntryBody } from '../engine/types.ts'

interface Props {
  id: string
  children: (body: EntryBody) => ReactNode
}

function Loaded({ id, children }: Props) {
  return <>{children(useEntryBody(id))}</>
}

/** Renders an entry's body once it has arrived, and says so while it loads. */
export function EntryBodyView(props: Props) {
  return (
    <Suspense
      fallback={
        <p role="status" className="loading">
          Loading the cause and the fix…
        </p>
      }
    >
      <Loaded {...props} />
    </Suspense>
  )
}
