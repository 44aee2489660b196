// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/engine/diagnose.ts'
import { applies } from '../../src/engine/lookups.ts'
import { IM_ENTRY, STAGED_ENTRY, kb } from '../helpers/kb.ts'

/** Pastes written for these tests, separate from the entries' own samples. */
const pastes: { name: string; text: string; entry: string | null }[] = [
  {
    name: 'EAC batch detail with a display name',
    text: "Error: MigrationPermanentException: You shouldn't migrate mailbox 'Diego Siciliani' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange.",
    entry: IM_ENTRY,
  },
  {
    name: 'Get-MoveRequestStatistics -IncludeReport line with timestamp, GUID and a word cut by the console',
    text: "11/20/2026 2:14:07 PM [EXO-MBX-07] Fatal error MigrationPermanentException has occurred.\nFailure: You shouldn't migrate mailbox '7b0e3c44-91f2-4d6e-9a43-0c1a2b3d4e5f' to Exchange 2010 or an earlier version while the user's Instant Messag\ning contact list is stored in Exchange. If you do, the user could perm",
    entry: IM_ENTRY,
  },
  {
    name: 'all upper case from a ticket',
    text: "MIGRATIONPERMANENTEXCEPTION: YOU SHOULDN'T MIGRATE MAILBOX 'PATTIF@CONTOSO.COM' TO EXCHANGE 2010 OR AN EARLIER VERSION WHILE THE USER'S INSTANT MESSAGING CONTACT LIST IS STORED IN EXCHANGE",
    entry: IM_ENTRY,
  },
  {
    name: 'the wrong fix, from Exchange Online PowerShell',
    text: "The Mailbox lynne.robbins@contoso.com isn't enabled for unified messaging.\n    + CategoryInfo          : NotSpecified: (:) [Set-UMMailbox], RecipientTaskException",
    entry: IM_ENTRY,
  },
  {
    name: 'staged batch detail copied from the Learn more dialog',
    text: 'Errors: Mailboxes -1\n\njohanna@northwind.com\nA Windows Live error occurred while provisioning for "johanna@northwind.com". An internal error occurred while talking to Windows Live. Additional details: "0x800482101033This action is currently blocked for the API. SN1PR0301MB1234 2026.11.20.10.01.02".',
    entry: STAGED_ENTRY,
  },
  {
    name: 'staged message cut at the start',
    text: 'ing for “grady@contoso.com”. An internal error occurred while talking to Windows Live. Additional details: “0x800482101033This action is currently blocked for the API.',
    entry: STAGED_ENTRY,
  },
  {
    name: 'the batch summary alone',
    text: "The mailboxes listed in the following table can't be migrated because they contain errors. Learn more...",
    entry: STAGED_ENTRY,
  },
  {
    name: 'a paste that starts in the middle of the long message',
    text: "…could permanently lose access to their Instant Messaging contact list, which will cause serious data loss. The Exchange copy might be the only copy of this user's contact list. To continue, please contact your Instant Messaging administrator",
    entry: IM_ENTRY,
  },
  {
    name: 'only the tail of the message, with the suggested command',
    text: "you can do so by running 'Set-UMMailbox mailboxID -ImListMigrationCompleted $false'.",
    entry: IM_ENTRY,
  },
  // Not migration errors, or other migration errors: no known match.
  {
    name: 'generic sentences that also stand in a long message',
    text: 'After this has been done, you should be able to complete this task. Please contact your administrator.',
    entry: null,
  },
  {
    name: 'an MRSProxy failure',
    text: "MigrationTransientException: The call to 'https://mail.contoso.com/EWS/mrsproxy.svc' failed. Error details: The HTTP request is unauthorized with client authentication scheme 'Negotiate'.",
    entry: null,
  },
  {
    name: 'an NDR',
    text: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    entry: null,
  },
  {
    name: 'an Outlook error',
    text: 'Cannot start Microsoft Outlook. Cannot open the Outlook window. The set of folders cannot be opened.',
    entry: null,
  },
  {
    name: 'a sign-in error',
    text: 'AADSTS50126: Error validating credentials due to invalid username or password. Trace ID: 0f8fad5b-d9cb-469f-a165-70867728950e',
    entry: null,
  },
  {
    name: 'another MigrationPermanentException',
    text: 'Error: MigrationPermanentException: The job quota has been exceeded for the organization. Try again later.',
    entry: null,
  },
  {
    name: 'the offboarding version error of the neighbouring article',
    text: 'MigrationPermanentException: Moving mailbox to Exchange version 14.3 is not supported. Mailboxes can be moved to Exchange version 15.1 and later versions only.',
    entry: 'offboarding-blocked-unsupported-exchange-version',
  },
  {
    name: 'HTML and script',
    text: '<script>alert(1)</script><img src=x onerror=alert(2)>',
    entry: null,
  },
]

describe('diagnose on pastes it has not seen', () => {
  it.each(pastes)('$name', ({ text, entry }) => {
    const d = diagnose(kb, text)
    if (entry) {
      expect(d.verdict).toBe('match')
      expect(d.entryId).toBe(entry)
    } else {
      expect(d.verdict).toBe('none')
      expect(d.entryId).toBeNull()
    }
  })
})

describe('questions', () => {
  const moveError =
    "You shouldn't migrate mailbox 'a@contoso.com' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange."
  const trapError = "The Mailbox a@contoso.com isn't enabled for unified messaging."
  const stagedError =
    'A Windows Live error occurred while provisioning for "a@contoso.com". This action is currently blocked for the API.'

  it('asks nothing the error text already answers, only what shapes the fix', () => {
    const d = diagnose(kb, moveError)
    expect(d.answeredByText).toEqual(
      expect.arrayContaining(['migration-type', 'ran-suggested-command']),
    )
    expect(d.nextQuestion?.id).toBe('onprem-exchange-versions')
    expect(d.confirmed).toBe(true)
  })

  it('asks whether the unified-messaging error came from the suggested command', () => {
    const d = diagnose(kb, trapError)
    expect(d.nextQuestion?.id).toBe('ran-suggested-command')
    expect(d.confirmed).toBe(false)
  })

  it('rules the entry out when the unified-messaging error has another origin, and says why', () => {
    const d = diagnose(kb, trapError, { 'ran-suggested-command': 'no' })
    expect(d.verdict).toBe('none')
    expect(d.closest[0]?.entryId).toBe(IM_ENTRY)
    expect(d.closest[0]?.reasons.join(' ')).toMatch(/came from the Set-UMMailbox command/)
  })

  it('treats "I don\'t know" as no evidence either way', () => {
    const d = diagnose(kb, trapError, {
      'ran-suggested-command': 'unknown',
      'migration-type': 'unknown',
    })
    expect(d.verdict).toBe('match')
    expect(d.confirmed).toBe(false)
    expect(d.nextQuestion?.id).toBe('onprem-exchange-versions')
  })

  it('confirms the staged cause with the federation and CSV questions, then stops asking', () => {
    expect(diagnose(kb, stagedError).nextQuestion?.id).toBe('users-federated')
    expect(diagnose(kb, stagedError, { 'users-federated': 'yes' }).nextQuestion?.id).toBe(
      'csv-force-change-password',
    )
    const done = diagnose(kb, stagedError, {
      'users-federated': 'yes',
      'csv-force-change-password': 'true',
    })
    expect(done.nextQuestion).toBeNull()
    expect(done.verdict).toBe('match')
    expect(done.confirmed).toBe(true)
  })

  it.each([
    [{ 'users-federated': 'no' }, /federated/],
    [{ 'users-federated': 'yes', 'csv-force-change-password': 'false' }, /already/],
  ])('rules the staged cause out for %o', (answers, reason) => {
    const d = diagnose(kb, stagedError, answers)
    expect(d.verdict).toBe('none')
    expect(d.closest[0]?.reasons.join(' ')).toMatch(reason)
  })

  it('says why an exception name alone is not enough', () => {
    const d = diagnose(kb, 'MigrationPermanentException')
    expect(d.verdict).toBe('none')
    expect(d.closest[0]?.reasons[0]).toMatch(/shared by many different errors/)
  })
})

describe('evidence', () => {
  it('points at the matched words of the paste', () => {
    const text = 'Noise first. This action is currently blocked for the API. Noise after.'
    const d = diagnose(kb, text)
    const spans = d.candidates[0]?.evidence.flatMap((e) => e.spans) ?? []
    expect(spans.map((s) => text.slice(s.start, s.end))).toContain(
      'This action is currently blocked for the API',
    )
  })
})

describe('applies', () => {
  const when = { question: 'onprem-exchange-versions', in: ['has-2013-or-later'] }
  it.each([
    [undefined, {}, 'yes'],
    [when, {}, 'maybe'],
    [when, { 'onprem-exchange-versions': 'unknown' }, 'maybe'],
    [when, { 'onprem-exchange-versions': 'has-2013-or-later' }, 'yes'],
    [when, { 'onprem-exchange-versions': 'only-2010-or-earlier' }, 'no'],
  ] as const)('%o with %o is %s', (w, answers, expected) => {
    expect(applies(w, answers)).toBe(expected)
  })
})

describe('totality', () => {
  it.each([
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002'.repeat(1000)],
    ['lone surrogates', '\ud800\udc00\ud800 abc \udfff'],
    ['right-to-left and combining marks', 'خطأ في الترحيل e\u0301\u0301\u0301'],
    ['1 MB of repeated error text', "You shouldn't migrate mailbox 'x' ".repeat(40_000)],
    ['a very long single word', 'a'.repeat(1_000_000)],
  ])('returns a result for %s', (_, text) => {
    const d = diagnose(kb, text)
    expect(['match', 'ambiguous', 'none']).toContain(d.verdict)
  })
})
