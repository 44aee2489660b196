/**
 * A ticket note for a triaged report, as Markdown or plain text: how many rows, each known
 * problem with its count and source article, the unknown errors by their masked text, and the
 * lines that could not be read. Users are counted, not named, unless the user includes them.
 * Pure: the page passes the result and how to name each problem.
 */
import type { TriageResult } from './triage.ts'

export interface NoteSource {
  title: string
  url: string
  kb: string | null
}

/** How many users a note names per problem before it points to the CSV export. */
export const NOTE_USERS = 50

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ')
}

/** Inline code that holds any backticks the text has. */
function code(text: string): string {
  const one = text.replace(/\s+/g, ' ')
  const longest = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length))
  const f = '`'.repeat(longest + 1)
  return `${f}${/^`|`$/.test(one) ? ` ${one} ` : one}${f}`
}

export function reportNote(
  result: TriageResult,
  sourceOf: (entryId: string) => NoteSource | null,
  format: 'markdown' | 'text',
  includeUsers: boolean,
): string {
  const mdown = format === 'markdown'
  const known = result.groups.filter((g) => g.kind !== 'unknown')
  const unknown = result.groups.filter((g) => g.kind === 'unknown')
  const rows = (kind: 'known' | 'unknown') =>
    (kind === 'known' ? known : unknown).reduce((n, g) => n + g.count, 0)
  const out: string[] = []
  out.push(
    mdown
      ? `## Report triage: ${plural(result.total, 'row')}`
      : `Report triage: ${plural(result.total, 'row')}`,
  )
  out.push(
    `${rows('known')} in known problems, ${rows('unknown')} unknown, ${result.problems.length} unreadable.`,
  )
  const users = (list: readonly string[]) => {
    if (list.length === 0) return 'no user named'
    if (!includeUsers) return plural(list.length, 'user')
    const shown = list.slice(0, NOTE_USERS).map((u) => (mdown ? md(u) : u))
    const more = list.length - shown.length
    return `${plural(list.length, 'user')}: ${shown.join(', ')}${more > 0 ? ` and ${more} more (see the CSV export)` : ''}`
  }
  if (known.length) {
    out.push(mdown ? '### Known problems' : 'Known problems:')
    out.push(
      known
        .map((g) => {
          const sources = g.entryIds
            .map(sourceOf)
            .filter((s): s is NoteSource => s !== null)
            .map((s) => {
              const name = `${s.title}${s.kb ? ` (KB ${s.kb})` : ''}`
              return mdown ? `[${md(name)}](${s.url})` : `${name} ${s.url}`
            })
          const head = mdown
            ? `- **${md(g.title)}**: ${plural(g.count, 'row')}, ${users(g.users)}.`
            : `- ${g.title}: ${plural(g.count, 'row')}, ${users(g.users)}.`
          return sources.length ? `${head}\n  Source: ${sources.join('; ')}` : head
        })
        .join('\n'),
    )
  }
  if (unknown.length) {
    out.push(mdown ? '### Errors no known problem matches' : 'Errors no known problem matches:')
    out.push(
      unknown
        .map(
          (g) =>
            `- ${mdown ? code(g.sample) : g.sample.replace(/\s+/g, ' ')}: ${plural(g.count, 'row')}, ${users(g.users)}.`,
        )
        .join('\n'),
    )
  }
  if (result.problems.length) {
    out.push(mdown ? '### Lines that could not be read' : 'Lines that could not be read:')
    out.push(
      result.problems.map((p) => `- Line ${p.line}: ${mdown ? md(p.reason) : p.reason}`).join('\n'),
    )
  }
  return `${out.join('\n\n')}\n`
}
