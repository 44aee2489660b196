// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { findEntry } from '../../src/engine/lookups.ts'
import { NOTE_USERS, reportNote } from '../../src/report/report-note.ts'
import { triage } from '../../src/report/triage.ts'
import { IM_ENTRY, kb } from '../helpers/kb.ts'

const im = (who: string) =>
  `Error: MigrationPermanentException: You shouldn't migrate mailbox '${who}' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange.`

const sourceOf = (id: string) => {
  const s = findEntry(kb, id)?.sources[0]
  return s ? { title: s.title, url: s.url, kb: s.kb ?? null } : null
}

describe('reportNote', () => {
  const rows = [
    { line: 2, identity: 'a_b@contoso.com', error: im('a_b@contoso.com') },
    { line: 3, identity: 'c@contoso.com', error: im('c@contoso.com') },
    { line: 4, identity: 'd@contoso.com', error: 'Kaboom `x` for d@contoso.com' },
  ]
  const result = triage(kb, rows, [{ line: 5, reason: 'The error column is empty.' }])
  const title = findEntry(kb, IM_ENTRY)?.title ?? ''

  it('counts users and masks addresses unless asked (Markdown)', () => {
    const note = reportNote(result, sourceOf, 'markdown', false)
    expect(note).not.toMatch(/contoso\.com/)
    const src = sourceOf(IM_ENTRY)
    expect(note.split('\n\n')).toEqual([
      '## Report triage: 4 rows',
      '2 in known problems, 1 unknown, 1 unreadable.',
      '### Known problems',
      `- **${title}**: 2 rows, 2 users.\n  Source: [${src?.title} (KB ${src?.kb})](${src?.url})`,
      '### Errors no known problem matches',
      '- ``Kaboom `x` for <email>``: 1 row, 1 user.',
      '### Lines that could not be read',
      '- Line 5: The error column is empty.\n',
    ])
  })

  it('names the users when asked, escaped for Markdown', () => {
    const note = reportNote(result, sourceOf, 'markdown', true)
    expect(note).toContain('2 rows, 2 users: a\\_b@contoso.com, c@contoso.com.')
  })

  it('writes plain text without Markdown', () => {
    const note = reportNote(result, sourceOf, 'text', true)
    expect(note).toMatch(/^Report triage: 4 rows\n\n/)
    expect(note).toContain(`- ${title}: 2 rows, 2 users: a_b@contoso.com, c@contoso.com.`)
    expect(note).toContain('- Kaboom `x` for <email>: 1 row, 1 user: d@contoso.com.')
    expect(note).not.toMatch(/\*\*|###|\]\(/)
  })

  it(`names at most ${NOTE_USERS} users per problem`, () => {
    const many = Array.from({ length: NOTE_USERS + 7 }, (_, i) => ({
      line: i + 2,
      identity: `u${i}@x.com`,
      error: im(`u${i}@x.com`),
    }))
    const note = reportNote(triage(kb, many, []), sourceOf, 'text', true)
    expect(note).toContain(`u${NOTE_USERS - 1}@x.com and 7 more (see the CSV export).`)
    expect(note).not.toContain(`u${NOTE_USERS}@x.com`)
  })
})
