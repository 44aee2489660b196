// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/engine/normalize.ts'
import { maskText } from '../../src/report/mask.ts'
import { ticketNote, type TicketNoteInput } from '../../src/report/ticket-note.ts'

const base: TicketNoteInput = {
  error: 'Error: the move failed',
  answers: [{ question: 'Are the users federated?', answer: 'Yes' }],
  title: 'Staged migration rejects federated users',
  cause: 'Microsoft 365 may not change federated accounts.',
  steps: [
    { text: 'Open the CSV file.' },
    { text: 'Set ForceChangePassword to False.', condition: 'If the domain is federated' },
  ],
  commands: [{ label: 'Clear the flag', text: 'Set-Mailbox -Identity "a@b.com" -X $false' }],
  source: { title: 'The article', url: 'https://learn.microsoft.com/x', kb: '2845956' },
}

describe('maskText', () => {
  it.each([
    [
      'an address',
      'provisioning for "sara@northwind.com" failed',
      'provisioning for "<email>" failed',
    ],
    ['a GUID', 'MailboxGuid : 5f3c9a2e-81d4-4b6f-9e07-c2a1d8b4e6f3', 'MailboxGuid : <guid>'],
    [
      'a host name',
      'SourceServer : SN6PR02MB4127.namprd02.prod.outlook.com',
      'SourceServer : <host>',
    ],
    ['a machine id', 'at BN3PR04MB2210 today', 'at <id> today'],
    [
      'a server named only in decoration',
      'Oops on EXHYB02\n    + FullyQualifiedErrorId : [Server=EXHYB02,RequestId=x]',
      'Oops on <server>\n    + FullyQualifiedErrorId : [Server=<server>,RequestId=x]',
    ],
    ['a quoted address', 'mailbox \u2018joe@contoso.com\u2019.', 'mailbox \u2018<email>\u2019.'],
    ['plain words', 'The batch failed.', 'The batch failed.'],
    ['nothing', '', ''],
  ])('masks %s', (_, input, expected) => {
    expect(maskText(normalize(input))).toBe(expected)
  })
})

describe('ticketNote', () => {
  it.each<[string, Partial<TicketNoteInput>, 'markdown' | 'text', string[], string[]]>([
    [
      'markdown with every section',
      {},
      'markdown',
      [
        '## Diagnosis: Staged migration rejects federated users',
        '### Error\n\n```text\nError: the move failed\n```',
        '- Are the users federated? **Yes**',
        '1. Open the CSV file.\n2. *If the domain is federated:* Set ForceChangePassword to False.',
        'Clear the flag:\n\n```powershell\nSet-Mailbox -Identity "a@b.com" -X $false\n```',
        '[The article (KB 2845956)](https://learn.microsoft.com/x)',
      ],
      [],
    ],
    [
      'plain text with every section',
      {},
      'text',
      [
        'Diagnosis: Staged migration rejects federated users',
        'Error:\n    Error: the move failed',
        '- Are the users federated? Yes',
        '2. If the domain is federated: Set ForceChangePassword to False.',
        'Clear the flag:\n    Set-Mailbox',
        'Source: The article (KB 2845956)\nhttps://learn.microsoft.com/x',
      ],
      ['```', '**'],
    ],
    [
      'an error holding a code fence',
      { error: 'a ``` b' },
      'markdown',
      ['````text\na ``` b\n````'],
      [],
    ],
    [
      'markup characters in the title',
      { title: 'A *bold* <b>claim</b>' },
      'markdown',
      ['## Diagnosis: A \\*bold\\* \\<b\\>claim\\</b\\>'],
      [],
    ],
    [
      'no error, answers, commands or source',
      { error: '  ', answers: [], commands: [], source: null },
      'markdown',
      ['### Cause'],
      ['### Error', '### Answers', '### Commands', '### Source'],
    ],
    [
      'Windows line ends in the error',
      { error: 'line one\r\nline two\r\n' },
      'text',
      ['Error:\n    line one\n    line two\n\n'],
      ['\r'],
    ],
  ])('formats %s', (_, over, format, contains, lacks) => {
    const note = ticketNote({ ...base, ...over }, format)
    for (const c of contains) expect(note).toContain(c)
    for (const l of lacks) expect(note).not.toContain(l)
    expect(note.endsWith('\n')).toBe(true)
  })
})
