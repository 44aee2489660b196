// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  canonical,
  fixScript,
  perUser,
  resultCsv,
  resultMarkdown,
  triage,
} from '../../src/report/triage.ts'
import { IM_ENTRY, STAGED_ENTRY, kb } from '../helpers/kb.ts'

const staged = (who: string) =>
  `A Windows Live error occurred while provisioning for "${who}". An internal error occurred while talking to Windows Live. Additional details: "0x800482101033This action is currently blocked for the API.`
const im = (who: string) =>
  `Error: MigrationPermanentException: You shouldn't migrate mailbox '${who}' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange.`

describe('triage', () => {
  const rows = [
    { line: 2, identity: 'a@contoso.com', error: staged('a@contoso.com') },
    { line: 3, identity: 'b@contoso.com', error: staged('b@contoso.com') },
    { line: 4, identity: 'c@contoso.com', error: im('c@contoso.com') },
    { line: 5, identity: 'd@contoso.com', error: 'Kaboom for d@contoso.com in the widget' },
    { line: 6, identity: 'e@contoso.com', error: 'Kaboom for e@contoso.com in the widget' },
    { line: 7, identity: 'b@contoso.com', error: staged('b@contoso.com') },
  ]
  const result = triage(kb, rows, [{ line: 8, reason: 'The error column is empty.' }])

  it('groups known problems with their count and distinct users, most rows first', () => {
    const [first, second] = result.groups
    expect(first).toMatchObject({
      kind: 'known',
      entryIds: [STAGED_ENTRY],
      count: 3,
      users: ['a@contoso.com', 'b@contoso.com'],
      lines: [2, 3, 7],
    })
    expect(second).toMatchObject({ kind: 'known', entryIds: [IM_ENTRY], count: 1 })
  })

  it('groups unknown errors by their masked shape', () => {
    const unknown = result.groups.filter((g) => g.kind === 'unknown')
    expect(unknown).toHaveLength(1)
    expect(unknown[0]).toMatchObject({ count: 2, sample: 'Kaboom for <email> in the widget' })
  })

  it('counts every row: rows in = rows shown', () => {
    expect(result.total).toBe(7)
    expect(result.groups.reduce((n, g) => n + g.count, 0) + result.problems.length).toBe(7)
  })

  it('reports progress up to the last row', () => {
    const seen: number[] = []
    triage(kb, rows, [], (n) => seen.push(n), 2)
    expect(seen).toEqual([2, 4, 6, 6])
  })

  it('exports CSV and Markdown', () => {
    const csv = resultCsv(result)
    expect(csv.split('\r\n')[0]).toBe('Kind,Problem,Count,Users,Lines')
    expect(csv).toContain('known,Staged migration rejects federated users')
    expect(csv).toContain('unreadable,The error column is empty.,1,,8')
    const md = resultMarkdown(result)
    expect(md).toContain('7 rows read.')
    expect(md).toContain('- Line 8: The error column is empty.')
  })
})

describe('canonical', () => {
  it.each([
    ['x a@b.com y', 'x user@example.com y'],
    ['id 5f3c9a2e-81d4-4b6f-9e07-c2a1d8b4e6f3', 'id 00000000-0000-0000-0000-000000000000'],
    ['no values', 'no values'],
  ])('canonicalises %s', (input, out) => expect(canonical(input)).toBe(out))
})

describe('fix scripts', () => {
  it.each([
    ['Set-Mailbox -Identity "{mailbox}" -X $false', true],
    ['Get-Recipient "{address}"', true],
    ['Set-Thing -Identity "{mailbox}" -Server "{server}"', false],
    ['Get-OrganizationConfig', false],
  ])('%s runs per user: %s', (template, expected) => expect(perUser(template)).toBe(expected))

  it('loops over every user, escaped for PowerShell', () => {
    expect(
      fixScript({ template: 'Set-Mailbox -Identity "{mailbox}" -X $false' }, [
        'a@x.com',
        'we"ird$@x.com',
      ]),
    ).toBe(
      '$users = @("a@x.com", "we`"ird`$@x.com")\nforeach ($u in $users) {\n  Set-Mailbox -Identity "$u" -X $false\n}',
    )
  })
})
