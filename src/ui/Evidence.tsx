import type { Span } from '../engine/types.ts'

/** Longest text rendered whole; beyond it only the passages around the evidence are shown. */
const WHOLE_TEXT_LIMIT = 4000
const CONTEXT = 100
const MAX_SPANS = 12

interface Props {
  text: string
  spans: readonly Span[]
  label: string
}

/** The user's text with the parts that matched marked. Text is rendered as text, never as HTML. */
export function Evidence({ text, spans, label }: Props) {
  const sorted = [...spans].sort((a, b) => a.start - b.start).slice(0, MAX_SPANS)
  const windows: { start: number; end: number }[] = []
  if (text.length <= WHOLE_TEXT_LIMIT) windows.push({ start: 0, end: text.length })
  else
    for (const s of sorted) {
      const w = {
        start: Math.max(0, s.start - CONTEXT),
        end: Math.min(text.length, s.end + CONTEXT),
      }
      const last = windows[windows.length - 1]
      if (last && w.start <= last.end) last.end = Math.max(last.end, w.end)
      else windows.push(w)
    }
  return (
    <figure className="evidence">
      <figcaption>{label}</figcaption>
      {/* Focusable because a long paste makes it scroll: keyboard users must reach it too. */}
      <pre tabIndex={0} role="region" aria-label={label}>
        {windows.map((w, wi) => {
          const parts: React.ReactNode[] = []
          let at = w.start
          for (const s of sorted) {
            if (s.end <= w.start || s.start >= w.end) continue
            const from = Math.max(s.start, at)
            const to = Math.min(s.end, w.end)
            if (from > at) parts.push(text.slice(at, from))
            if (to > from) parts.push(<mark key={`${wi}-${from}`}>{text.slice(from, to)}</mark>)
            at = Math.max(at, to)
          }
          if (at < w.end) parts.push(text.slice(at, w.end))
          return (
            <span key={wi}>
              {w.start > 0 ? '… ' : ''}
              {parts}
              {w.end < text.length ? ' …\n' : ''}
            </span>
          )
        })}
      </pre>
    </figure>
  )
}
