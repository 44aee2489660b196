/**
 * End-to-end: the built app (dist/) in Debian's headless Chromium, served by a tiny local
 * server. Every page visited is scanned with axe (WCAG 2.0/2.1/2.2 A and AA), every test fails
 * on an uncaught page error or on a request to any other origin than the test server.
 * Run `npx vite build` first.
 */
import { describe, expect, it } from 'vitest'
import {
  answerAll,
  answerQuestion,
  appState,
  appUrl,
  codeBlocks,
  commandSection,
  expectAccessible,
  focused,
  h1,
  browserSuite,
  pasteOnHome,
  tabTo,
  waitForHeading,
  waitForPage,
  waitForStatus,
  waitUntil,
  type Session,
} from './helpers.ts'

// ---------------------------------------------------------------------------------------------
// Pastes written for these tests (not the entries' samples): noisy, wrapped, cut short.

/** Get-MoveRequestStatistics | Format-List, curly quotes, the sentence wrapped mid-way. */
const IM_PASTE = `[PS] C:\\Windows\\system32>Get-MoveRequestStatistics -Identity isaiah.langer@contoso.com | Format-List DisplayName,Status,StatusDetail,MailboxGuid,SourceServer,Message

DisplayName    : Isaiah Langer
Status         : Failed
StatusDetail   : FailedOther
MailboxGuid    : 5f3c9a2e-81d4-4b6f-9e07-c2a1d8b4e6f3
SourceServer   : SN6PR02MB4127.namprd02.prod.outlook.com
Message        : Error: MigrationPermanentException: You shouldn\u2019t migrate mailbox \u2018isaiah.langer@contoso.com\u2019 to Exchange
                 2010 or an earlier version while the user\u2019s Instant Messaging contact list is stored in Exchange. If you
                 do, the user could permanently lose access to their Instant Messaging contact list --> You shouldn't
                 migrate mailbox ...
`

/** What the command the move error suggests answers for a user without Unified Messaging. */
const WRONG_FIX_PASTE = `[PS] C:\\>Set-UMMailbox isaiah.langer@contoso.com -ImListMigrationCompleted $false
The Mailbox isaiah.langer@contoso.com isn't enabled for unified messaging.
    + CategoryInfo          : InvalidOperation: (isaiah.langer@contoso.com:MailboxIdParameter) [Set-UMMailbox], RecipientTaskException
    + FullyQualifiedErrorId : [Server=EXHYB02,RequestId=0d6e91c4-72ab-4f1e-b83d-9a5c2e7f1044,TimeStamp=11/3/2026 2:41:07 PM] [FailureCategory=Cmdlet-RecipientTaskException] 7C19B2E4,Microsoft.Exchange.Management.Tasks.UM.SetUMMailbox
    + PSComputerName        : exhyb02.contoso.local
`

/** A staged batch's error as copied from the Exchange admin center, wrapped by the copy. */
const STAGED_ADDRESS = 'kenji.watanabe@fabrikam.com'
const STAGED_PASTE = `Migration batch: Wave3-Finance
The mailboxes listed in the following table can't be migrated because they contain errors.
Learn more...
Errors: Mailboxes -1
${STAGED_ADDRESS}
A Windows Live error occurred while provisioning for "${STAGED_ADDRESS}". An internal error
occurred while talking to Windows Live. Additional details: "0x800482101033This action is currently blocked for the API. CY4PR19MB0937 2026.11.05.13.27.40".
`

/** The same problem from Get-MigrationUserStatistics, curly quotes, cut off at the end. */
const STAGED_PASTE_FORMAT_LIST = `PS C:\\> Get-MigrationUserStatistics -Identity rosa.martinez@tailspintoys.com | Format-List Identity,Status,ErrorSummary

Identity     : rosa.martinez@tailspintoys.com
Status       : Failed
ErrorSummary : A Windows Live error occurred while provisioning for \u201crosa.martinez@tailspintoys.com\u201d. An internal
               error occurred while talking to Windows Live. Additional details: \u201c0x800482101033This action is
               currently blocked for the API. PH0PR22MB3310 2026.11.12.
`

/** A whole `Get-MoveRequestStatistics -IncludeReport | Format-List`: long, the error deep inside. */
const IM_PASTE_FULL_REPORT = `[PS] C:\\>Get-MoveRequestStatistics -Identity "Alex Wilber" -IncludeReport | Format-List

RunspaceId                               : 0c5b7e21-6a4f-4f0e-bd3c-88e9a4d01f52
MailboxIdentity                          : contoso.com/Users/Alex Wilber
DistinguishedName                        : CN=Alex Wilber,OU=Users,DC=contoso,DC=com
DisplayName                              : Alex Wilber
Alias                                    : alexw
ExchangeGuid                             : 9e41c2b7-5d08-4a3e-b6f1-0c7d2e98a345
ArchiveGuid                              :
Status                                   : Failed
StatusDetail                             : FailedOther
SyncStage                                : None
Flags                                    : IntraOrg, Pull
RequestStyle                             : IntraOrg
Direction                                : Pull
IsOffline                                : False
Protect                                  : False
Suspend                                  : False
SuspendWhenReadyToComplete               : False
SourceVersion                            : Version 15.20 (Build 7741.0)
SourceDatabase                           : NAMPR02DG123-db087
SourceServer                             : SN6PR02MB4127.namprd02.prod.outlook.com
TargetVersion                            : Version 14.3 (Build 123.4)
TargetDatabase                           : DB-EX2010-02
TargetServer                             : EX2010MBX02.contoso.local
BatchName                                : MigrationService:Offboard-Wave7
RemoteHostName                           : hybrid.contoso.com
BadItemLimit                             : 10
BadItemsEncountered                      : 0
LargeItemLimit                           : 0
LargeItemsEncountered                    : 0
QueuedTimestamp                          : 11/14/2026 2:58:03 AM
StartTimestamp                           : 11/14/2026 2:59:41 AM
LastUpdateTimestamp                      : 11/14/2026 3:05:12 AM
FailureTimestamp                         : 11/14/2026 3:05:12 AM
OverallDuration                          : 00:07:09
TotalMailboxSize                         : 2.113 GB (2,268,920,114 bytes)
TotalMailboxItemCount                    : 18422
BytesTransferred                         : 0 B (0 bytes)
PercentComplete                          : 0
FailureCode                              : -2146233088
FailureType                              : MigrationPermanentException
FailureSide                              : Target
Message                                  : Error: MigrationPermanentException: You shouldn't migrate mailbox
                                           'alex.wilber@contoso.com' to Exchange 2010 or an earlier version while the
                                           user's Instant Messaging contact list is stored in Exchange. If you do, the
                                           user could permanently lose access to their Instant Messaging contact list,
                                           which will cause serious data loss.
Report                                   : 11/14/2026 2:58:03 AM [BN8PR02MB5889] 'contoso.onmicrosoft.com\\Migration.8f3b2c1d'
                                           created move request.
                                           11/14/2026 2:59:41 AM [BN8PR02MB5889] The Microsoft Exchange Mailbox Replication
                                           service 'BN8PR02MB5889.namprd02.prod.outlook.com' (15.20.7741.0 caps:...) is
                                           examining the request.
                                           11/14/2026 3:05:12 AM [BN8PR02MB5889] Fatal error MigrationPermanentException
                                           has occurred.
ObjectState                              : New
`

/** A non-delivery report: no migration problem at all. */
const NDR_PASTE = `Delivery has failed to these recipients or groups:
old.mailbox@contoso.com
The email address you entered couldn't be found.
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
`

/** A move log line cut off in the middle, for the keyboard-only pass. */
const IM_PASTE_LOG = `11/14/2026 3:05:12 AM [EXHYB01] Move request for 'debra.berger@contoso.com' failed.
MigrationPermanentException: You shouldn't migrate mailbox 'debra.berger@contoso.com' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange. If you do, the user could perm
`

// ---------------------------------------------------------------------------------------------
// The wording the tests rely on (questions/ and the entries).

const IM_ENTRY = 'im-contact-list-blocks-move-to-exchange-2010'
const IM_TITLE = 'Move to Exchange 2010 blocked'
const STAGED_ENTRY = 'staged-migration-federated-users-force-change-password'
const STAGED_TITLE = 'Staged migration rejects federated users: ForceChangePassword must be False'

const VERSIONS = 'Which Exchange Server versions are installed in your on-premises organization?'
const HAS_2013 = 'At least one server runs Exchange 2013, 2016, 2019 or Subscription Edition'
const ONLY_2010 = 'Every server runs Exchange 2010 or earlier'
const RAN_SUGGESTED =
  'Did this error appear when you ran Set-UMMailbox … -ImListMigrationCompleted $false, the command a failed move to Exchange 2010 suggested?'
const RAN_YES = 'Yes, I ran it because a mailbox move told me to'
const MIGRATION_TYPE = 'What kind of move or migration produced this error?'
const OFFBOARDING = 'Hybrid: moving a mailbox from Exchange Online back to on-premises Exchange'
const FEDERATED =
  'Do the affected users sign in through a federated domain (AD FS single sign-on), with their accounts synchronized from on-premises Active Directory?'
const FEDERATED_YES = 'Yes, the domain is federated and accounts are synced'
const FEDERATED_NO =
  'No, accounts are managed in the cloud (cloud passwords, or password hash sync without federation)'
const FORCE_CHANGE =
  'In the migration CSV file, what does the ForceChangePassword column hold for the users that failed?'

const CLEAR_FLAG = 'Clear the flag that blocks the move'
const SET_MAILBOX_ISAIAH =
  'Set-Mailbox -Identity "isaiah.langer@contoso.com" -ImListMigrationCompleted $false'
const CONFIRM_DATA_LOSS = 'I understand what can be lost and I want to copy this command.'
const ALL_2010_STEP =
  'All your on-premises servers run Exchange 2010, and none of them can run this fix'

// ---------------------------------------------------------------------------------------------

const { run } = browserSuite()

async function clipboardText(s: Session): Promise<string> {
  return s.page.evaluate(() => navigator.clipboard.readText())
}

async function shareLink(s: Session): Promise<string> {
  const code = s.page.getByRole('region', { name: 'Share or come back' }).locator('code')
  return ((await code.textContent()) ?? '').trim()
}

/** Fails if any distinctive part of a paste shows up in `where`. */
function expectNoPaste(where: string, fragments: readonly string[], label: string) {
  for (const f of fragments)
    expect(
      where.toLowerCase().includes(f.toLowerCase()),
      `${label} contains "${f}": ${where}`,
    ).toBe(false)
}

describe('migration error triage in a real browser', () => {
  it('KB 2932443: a noisy move-request paste leads to the guarded Set-Mailbox fix, and Back changes it', async () => {
    await run(
      async (s) => {
        const { page } = s
        await pasteOnHome(s, IM_PASTE)
        await waitForStatus(page, 'One known problem matches this error.')
        const evidence = page.getByRole('figure', { name: /What matched/ })
        await evidence.locator('mark').first().waitFor()
        const marked = (await evidence.locator('mark').allTextContents()).join(' ')
        expect(marked.replace(/\s+/g, ' ')).toMatch(/Instant Messaging contact list/)
        await expectAccessible(s, 'home with results')

        await page.getByRole('button', { name: 'Continue', exact: true }).click()
        await waitForPage(page, '/questions/0', VERSIONS)
        const asked = await answerAll(s, { [VERSIONS]: HAS_2013 })
        expect(asked).toEqual([VERSIONS])

        const result = await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
        expect(result.heading).toContain(IM_TITLE)
        const flag = commandSection(page, CLEAR_FLAG)
        expect(((await flag.locator('pre code').textContent()) ?? '').trim()).toBe(
          SET_MAILBOX_ISAIAH,
        )
        // A data-loss command: copying waits for the explicit confirmation.
        const copy = flag.getByRole('button', { name: 'Copy command', exact: true })
        expect(await copy.isDisabled()).toBe(true)
        await expectAccessible(s, 'result page (Exchange 2013 or later)')
        await flag.getByRole('checkbox', { name: CONFIRM_DATA_LOSS }).check()
        await waitUntil(
          'the copy button to be enabled',
          () => copy.isEnabled(),
          (v) => v,
        )
        await copy.click()
        await flag.getByRole('status').filter({ hasText: 'Copied.' }).waitFor()
        expect(await clipboardText(s)).toBe(SET_MAILBOX_ISAIAH)

        // The article it is based on.
        const primary = page
          .getByRole('region', { name: 'Sources' })
          .getByRole('listitem')
          .filter({ hasText: 'KB 2932443' })
        await expect(primary.textContent()).resolves.toContain(
          'the article this diagnosis is based on',
        )
        const href = (await primary.getByRole('link').getAttribute('href')) ?? ''
        expect(href).toMatch(/^https:\/\/learn\.microsoft\.com\//)

        // The share link carries the diagnosis and answers, never the paste.
        const share = await shareLink(s)
        expect(share).toBe(
          `${s.origin}/#/result/${IM_ENTRY}?onprem-exchange-versions=has-2013-or-later`,
        )
        const pasted = ['isaiah', 'langer', 'shouldn', 'contoso', 'instant', '5f3c9a2e', 'SN6PR02']
        expectNoPaste(share, pasted, 'The share link')
        expectNoPaste(page.url(), pasted, 'The address bar')
        await page.getByRole('button', { name: 'Copy link', exact: true }).click()
        await page
          .getByRole('region', { name: 'Share or come back' })
          .getByRole('status')
          .filter({ hasText: 'Copied.' })
          .waitFor()
        expect(await clipboardText(s)).toBe(share)

        // Browser Back returns to the question, with the answer still chosen.
        await page.goBack()
        await waitForPage(page, '/questions/0', VERSIONS)
        expect(await page.getByRole('radio', { name: HAS_2013, exact: true }).isChecked()).toBe(
          true,
        )
        await answerQuestion(page, VERSIONS, ONLY_2010)
        await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
        await page.getByText(ALL_2010_STEP).waitFor()
        expect(await commandSection(page, CLEAR_FLAG).count()).toBe(0)
        for (const code of await codeBlocks(page)) expect(code).not.toContain('Set-Mailbox')
        expect(await shareLink(s)).toContain('onprem-exchange-versions=only-2010-or-earlier')
        await expectAccessible(s, 'result page (Exchange 2010 only)')

        // The Change link does the same from the result page.
        await page.getByRole('link', { name: `Change your answer to: ${VERSIONS}` }).click()
        await waitForPage(page, '/questions/0', VERSIONS)
        expect(await page.getByRole('radio', { name: ONLY_2010, exact: true }).isChecked()).toBe(
          true,
        )
        await answerQuestion(page, VERSIONS, HAS_2013)
        await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
        await commandSection(page, CLEAR_FLAG).waitFor()
        expect(await page.getByText(ALL_2010_STEP).count()).toBe(0)

        // The share link opened in a fresh tab: same diagnosis, nothing of the paste.
        const tab = await s.context.newPage()
        await tab.goto(share)
        await waitForPage(tab, `/result/${IM_ENTRY}`, IM_TITLE)
        const fresh = commandSection(tab, CLEAR_FLAG)
        expect(((await fresh.locator('pre code').textContent()) ?? '').trim()).toBe(
          'Set-Mailbox -Identity "<mailbox>" -ImListMigrationCompleted $false',
        )
        await fresh.getByRole('checkbox', { name: CONFIRM_DATA_LOSS }).check()
        // Still not copyable: the mailbox is missing.
        expect(
          await fresh.getByRole('button', { name: 'Copy command', exact: true }).isDisabled(),
        ).toBe(true)
        const personal = ['isaiah', 'langer', '5f3c9a2e', 'SN6PR02']
        expectNoPaste((await tab.locator('body').textContent()) ?? '', personal, 'The shared page')
        await tab.close()
      },
      { clipboard: true },
    )
  })

  it('KB 2932443 in a whole move report: the error is found deep in a long paste', async () => {
    await run(async (s) => {
      const { page } = s
      await pasteOnHome(s, IM_PASTE_FULL_REPORT)
      await waitForStatus(page, 'One known problem matches this error.')
      await page
        .getByRole('figure', { name: /What matched/ })
        .locator('mark')
        .first()
        .waitFor()
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      expect(await answerAll(s, { [VERSIONS]: HAS_2013 })).toEqual([VERSIONS])
      await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
      expect(
        ((await commandSection(page, CLEAR_FLAG).locator('pre code').textContent()) ?? '').trim(),
      ).toBe('Set-Mailbox -Identity "alex.wilber@contoso.com" -ImListMigrationCompleted $false')
      // The long evidence box scrolls: it must be reachable from the keyboard too.
      await expectAccessible(s, 'result page (long paste)')
      await page.getByRole('link', { name: 'Diagnose another error', exact: true }).click()
      await waitForStatus(page, 'One known problem matches this error.')
      await expectAccessible(s, 'home with results (long paste)')
    })
  })

  it('the wrong-fix trap: the Set-UMMailbox "isn\'t enabled for unified messaging" error leads to the same fix', async () => {
    await run(async (s) => {
      const { page } = s
      await pasteOnHome(s, WRONG_FIX_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')
      await expectAccessible(s, 'home with results (wrong-fix paste)')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      const asked = await answerAll(s, {
        [RAN_SUGGESTED]: RAN_YES,
        [MIGRATION_TYPE]: OFFBOARDING,
        [VERSIONS]: HAS_2013,
      })
      expect(asked).toContain(VERSIONS)
      // The paste shows the command that was run (the prompt line), so that is not asked.
      expect(asked).not.toContain(RAN_SUGGESTED)
      const result = await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
      expect(result.path).toBe(`/result/${IM_ENTRY}`)
      expect(
        ((await commandSection(page, CLEAR_FLAG).locator('pre code').textContent()) ?? '').trim(),
      ).toBe(SET_MAILBOX_ISAIAH)
      await page.getByText('Do not try the Set-UMMailbox command from the error text').waitFor()
      // The answers given show on the page, each with a way to change it.
      const path = page.getByRole('navigation', { name: 'Your answers so far' })
      for (const label of [OFFBOARDING, HAS_2013]) await path.getByText(label).waitFor()
      await expectAccessible(s, 'result page (wrong-fix path)')
    })
  })

  it('KB 2845956: a staged batch error leads to the corrected CSV row', async () => {
    await run(async (s) => {
      const { page } = s
      await pasteOnHome(s, STAGED_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')
      await page
        .getByRole('figure', { name: /What matched/ })
        .locator('mark')
        .first()
        .waitFor()
      await expectAccessible(s, 'home with results (staged)')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      const asked = await answerAll(s, { [FEDERATED]: FEDERATED_YES, [FORCE_CHANGE]: 'True' })
      expect(asked).toEqual([FEDERATED, FORCE_CHANGE])

      await waitForPage(page, `/result/${STAGED_ENTRY}`, STAGED_TITLE)
      const table = page.getByRole('table', { name: 'The corrected row in the migration CSV' })
      expect(await table.getByRole('columnheader').allTextContents()).toEqual([
        'EmailAddress',
        'Password',
        'ForceChangePassword',
      ])
      expect(await table.getByRole('cell').allTextContents()).toEqual([
        STAGED_ADDRESS,
        '<leave the existing value>',
        'False',
      ])
      const csv = (await page.getByLabel('Corrected CSV lines').textContent()) ?? ''
      expect(csv.trim()).toBe(
        `EmailAddress,Password,ForceChangePassword\n${STAGED_ADDRESS},<leave the existing value>,False`,
      )
      const primary = page
        .getByRole('region', { name: 'Sources' })
        .getByRole('listitem')
        .filter({ hasText: 'KB 2845956' })
      expect((await primary.getByRole('link').getAttribute('href')) ?? '').toMatch(
        /^https:\/\/learn\.microsoft\.com\//,
      )
      expectNoPaste(await shareLink(s), ['kenji', 'fabrikam', 'windows live'], 'The share link')
      await expectAccessible(s, 'result page (staged)')
    })
  })

  it('an unrelated error (an NDR) matches nothing and says why', async () => {
    await run(async (s) => {
      const { page } = s
      await pasteOnHome(s, NDR_PASTE)
      await waitForStatus(page, 'No known problem matches this text.')
      await expectAccessible(s, 'home without a match')
      await page.getByRole('button', { name: 'See why nothing matched', exact: true }).click()
      await waitForPage(page, '/no-match', 'No known problem matches')
      await page.getByRole('heading', { level: 2, name: 'What came closest' }).waitFor()
      await expectAccessible(s, 'no-match page (unrelated error)')
    })
  })

  it('a staged error with cloud-managed users ends at "no match", naming the staged problem and why', async () => {
    await run(async (s) => {
      const { page } = s
      await pasteOnHome(s, STAGED_PASTE_FORMAT_LIST)
      await waitForStatus(page, 'One known problem matches this error.')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      const asked = await answerAll(s, { [FEDERATED]: FEDERATED_NO })
      expect(asked).toEqual([FEDERATED])
      await waitForPage(page, '/no-match', 'No known problem matches')
      const closest = page.getByRole('region', { name: 'What came closest' })
      const item = closest.getByRole('listitem').filter({
        has: page.getByRole('link', { name: STAGED_TITLE, exact: true }),
      })
      await item.waitFor()
      const reason = (await item.textContent()) ?? ''
      expect(reason).toContain(`You answered "${FEDERATED_NO}"`)
      expect(reason).toContain('users whose passwords are managed in the cloud are not blocked')
      await page
        .getByRole('navigation', { name: 'Your answers so far' })
        .getByText(FEDERATED_NO)
        .waitFor()
      await expectAccessible(s, 'no-match page (answer rules the entry out)')

      // The closest problem links to its permanent page.
      await closest.getByRole('link', { name: STAGED_TITLE, exact: true }).click()
      await waitForPage(page, `/kb/${STAGED_ENTRY}`, STAGED_TITLE)
      await page.getByRole('heading', { level: 2, name: 'When it applies' }).waitFor()
      await expectAccessible(s, 'entry page (staged)')
    })
  })

  it('an ?error= link pre-fills the paste box and leaves the address bar', async () => {
    await run(async (s) => {
      const { page } = s
      for (const url of [
        `${s.origin}/?error=${encodeURIComponent(STAGED_PASTE)}`,
        `${s.origin}/#/?error=${encodeURIComponent(STAGED_PASTE)}`,
      ]) {
        // A fresh load each time (a hash-only change would not reload the app).
        await page.goto('about:blank')
        await page.goto(url)
        await waitForHeading(page, 'Diagnose a mailbox migration error')
        const box = page.getByLabel('Error text', { exact: true })
        await waitUntil(
          'the paste box to be filled',
          () => box.inputValue(),
          (v) => v !== '',
        )
        expect(await box.inputValue()).toBe(STAGED_PASTE)
        await waitForStatus(page, 'One known problem matches this error.')
        expect(page.url()).not.toContain('error=')
        expect(page.url()).toBe(`${s.origin}/#/`)
        expectNoPaste(page.url(), ['kenji', 'windows'], 'The address bar')
        await page.getByRole('button', { name: 'Clear', exact: true }).click()
        await waitUntil(
          'the paste box to be empty',
          () => box.inputValue(),
          (v) => v === '',
        )
      }
      await expectAccessible(s, 'home (empty, after Clear)')
    })
  })

  it('a reload keeps the paste and the step', async () => {
    await run(async (s) => {
      const { page } = s
      await pasteOnHome(s, STAGED_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      await waitForPage(page, '/questions/0', FEDERATED)
      await answerQuestion(page, FEDERATED, FEDERATED_YES)
      await waitForPage(page, '/questions/1', FORCE_CHANGE)

      await page.reload()
      const state = await waitForPage(page, '/questions/1', FORCE_CHANGE)
      expect(state.step).toBe('Question 2')
      await page
        .getByRole('navigation', { name: 'Your answers so far' })
        .getByText(FEDERATED_YES)
        .waitFor()
      await expectAccessible(s, 'question 2 after reload')

      await page.getByRole('link', { name: 'Back', exact: true }).click()
      await waitForPage(page, '/questions/0', FEDERATED)
      expect(await page.getByRole('radio', { name: FEDERATED_YES, exact: true }).isChecked()).toBe(
        true,
      )
      await page.getByRole('link', { name: 'Back', exact: true }).click()
      await waitForPage(page, '/', 'Diagnose a mailbox migration error')
      const box = page.getByLabel('Error text', { exact: true })
      expect(await box.inputValue()).toBe(STAGED_PASTE)

      await page.reload()
      await waitForHeading(page, 'Diagnose a mailbox migration error')
      expect(await box.inputValue()).toBe(STAGED_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')
    })
  })

  it('unknown, garbled and mistyped links show a page instead of crashing', async () => {
    await run(async (s) => {
      const { page } = s
      await page.goto(appUrl(s.origin, '/kb/does-not-exist'))
      await waitForHeading(page, 'This problem is not in the knowledge base')
      await page.getByText('does-not-exist').waitFor()
      await expectAccessible(s, 'unknown entry page')

      await page.goto(appUrl(s.origin, `/result/${IM_ENTRY}?bogus=%E0%A4%A`))
      await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
      await page.getByText('Part of this link was not understood and was left out').waitFor()
      await expectAccessible(s, 'result page from a garbled share link')

      await page.goto(appUrl(s.origin, `/result/${IM_ENTRY}?onprem-exchange-versions=%E0%A4%A`))
      await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
      await page.getByText('Part of this link was not understood and was left out').waitFor()

      await page.goto(appUrl(s.origin, '/result/%E0%A4%A'))
      await waitUntil(
        'some page to render',
        () => appState(page),
        (st) => st.heading !== null,
      )

      await page.goto(appUrl(s.origin, '/no-such-page'))
      await waitForHeading(page, 'Page not found')
      await expectAccessible(s, 'page not found')

      await page.goto(appUrl(s.origin, '/questions/abc'))
      await waitForPage(page, '/questions/0', 'Nothing to diagnose yet')
      await expectAccessible(s, 'question page without a paste')

      await page.goto(appUrl(s.origin, '/no-match'))
      await waitForPage(page, '/no-match', 'Nothing to diagnose yet')
    })
  })

  it('the known problems list and every entry page', async () => {
    await run(async (s) => {
      const { page } = s
      await page.goto(appUrl(s.origin, '/'))
      await waitForHeading(page, 'Diagnose a mailbox migration error')
      await expectAccessible(s, 'home (empty, with examples)')
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Known problems' })
        .click()
      await waitForPage(page, '/kb', 'Known problems')
      await expectAccessible(s, 'known problems list')
      const list = page.getByRole('main').getByRole('listitem').getByRole('link')
      const titles = await list.allTextContents()
      expect(titles).toContain(STAGED_TITLE)
      expect(titles.some((t) => t.startsWith(IM_TITLE))).toBe(true)
      for (const title of titles) {
        await page.getByRole('main').getByRole('link', { name: title, exact: true }).click()
        await waitForPage(page, '/kb/', title)
        const sources = page.getByRole('region', { name: 'Sources' })
        const primary = sources
          .getByRole('listitem')
          .filter({ hasText: 'the article this diagnosis is based on' })
          .first()
        expect((await primary.getByRole('link').getAttribute('href')) ?? '').toMatch(
          /^https:\/\/learn\.microsoft\.com\//,
        )
        await expectAccessible(s, `entry page: ${title}`)
        await page.goBack()
        await waitForPage(page, '/kb', 'Known problems')
      }
    })
  }, 900_000)

  it("a second error pasted over the first is asked its own questions, not the first one's", async () => {
    await run(async (s) => {
      const { page } = s
      await pasteOnHome(s, STAGED_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      await answerAll(s, { [FEDERATED]: FEDERATED_YES, [FORCE_CHANGE]: 'True' })
      await waitForPage(page, `/result/${STAGED_ENTRY}`, STAGED_TITLE)

      // "Diagnose another error", then paste over the old text (select all + paste), no Clear.
      await page.getByRole('link', { name: 'Diagnose another error', exact: true }).click()
      await waitForPage(page, '/', 'Diagnose a mailbox migration error')
      const box = page.getByLabel('Error text', { exact: true })
      expect(await box.inputValue()).toBe(STAGED_PASTE)
      await box.fill(IM_PASTE)
      await waitForStatus(page, 'One known problem matches this error.')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      const first = await waitUntil(
        'the first question',
        () => appState(page),
        (st) => st.path === '/questions/0' && st.step === 'Question 1',
      )
      expect(
        first.heading,
        "After a new paste, question 1 should be the new error's question (Exchange versions), " +
          'not a question left over from the previous diagnosis',
      ).toBe(VERSIONS)
    })
  })

  it('dark colour scheme on a phone-sized screen: the same pages pass the accessibility scan', async () => {
    await run(
      async (s) => {
        const { page } = s
        await pasteOnHome(s, STAGED_PASTE)
        await waitForStatus(page, 'One known problem matches this error.')
        await expectAccessible(s, 'home with results (dark, narrow)')
        await page.getByRole('button', { name: 'Continue', exact: true }).click()
        await answerAll(s, { [FEDERATED]: FEDERATED_YES, [FORCE_CHANGE]: 'True' })
        await waitForPage(page, `/result/${STAGED_ENTRY}`, STAGED_TITLE)
        await expectAccessible(s, 'result page (dark, narrow)')

        await pasteOnHome(s, IM_PASTE, { clearFirst: true })
        await waitForStatus(page, 'One known problem matches this error.')
        await page.getByRole('button', { name: 'Continue', exact: true }).click()
        await answerAll(s, { [VERSIONS]: HAS_2013 })
        await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
        await commandSection(page, CLEAR_FLAG)
          .getByRole('checkbox', { name: CONFIRM_DATA_LOSS })
          .check()
        await expectAccessible(s, 'result page with a data-loss command (dark, narrow)')

        await pasteOnHome(s, NDR_PASTE, { clearFirst: true })
        await waitForStatus(page, 'No known problem matches this text.')
        await page.getByRole('button', { name: 'See why nothing matched', exact: true }).click()
        await waitForPage(page, '/no-match', 'No known problem matches')
        await expectAccessible(s, 'no-match page (dark, narrow)')

        await page.goto(appUrl(s.origin, '/kb'))
        await waitForHeading(page, 'Known problems')
        await expectAccessible(s, 'known problems list (dark, narrow)')
        await page.goto(appUrl(s.origin, `/kb/${IM_ENTRY}`))
        await waitForPage(page, `/kb/${IM_ENTRY}`, IM_TITLE)
        await expectAccessible(s, 'entry page (dark, narrow)')
      },
      { colorScheme: 'dark', viewport: { width: 375, height: 740 } },
    )
  })

  it('keyboard only: paste, answer, confirm and copy with Tab, Space and Enter', async () => {
    await run(
      async (s) => {
        const { page } = s
        await page.goto(appUrl(s.origin, '/'))
        await waitForHeading(page, 'Diagnose a mailbox migration error')
        // The page puts focus on its heading; from there Tab leads into the form.
        await waitUntil(
          'focus on the heading',
          () => focused(page),
          (f) => f.tag === 'h1',
        )
        await tabTo(page, 'the paste box', (f) => f.tag === 'textarea')
        await page.keyboard.insertText(IM_PASTE_LOG)
        await waitForStatus(page, 'One known problem matches this error.')
        await tabTo(page, 'Continue', (f) => f.tag === 'button' && f.name === 'Continue')
        await page.keyboard.press('Enter')

        await waitForPage(page, '/questions/0', VERSIONS)
        // Focus moves to the new page's heading.
        await waitUntil(
          'focus on the heading',
          () => focused(page),
          (f) => f.tag === 'h1',
        )
        const radio = await tabTo(
          page,
          'the first answer',
          (f) => f.type === 'radio' && f.name === HAS_2013,
        )
        expect(radio.checked).toBe(false)
        await page.keyboard.press('Space')
        expect((await focused(page)).checked).toBe(true)
        await tabTo(page, 'Next', (f) => f.tag === 'button' && f.name === 'Next')
        await page.keyboard.press('Enter')

        await waitForPage(page, `/result/${IM_ENTRY}`, IM_TITLE)
        await waitUntil(
          'focus on the heading',
          () => focused(page),
          (f) => f.tag === 'h1',
        )
        const checkbox = await tabTo(
          page,
          'the data-loss confirmation',
          (f) => f.type === 'checkbox' && f.name === CONFIRM_DATA_LOSS,
        )
        expect(checkbox.section).toBe(CLEAR_FLAG)
        await page.keyboard.press('Space')
        expect((await focused(page)).checked).toBe(true)
        const button = await tabTo(
          page,
          'Copy command',
          (f) => f.tag === 'button' && f.name === 'Copy command',
          1,
        )
        expect(button.section).toBe(CLEAR_FLAG)
        await page.keyboard.press('Enter')
        const flag = commandSection(page, CLEAR_FLAG)
        await flag.getByRole('status').filter({ hasText: 'Copied.' }).waitFor()
        const expected =
          'Set-Mailbox -Identity "debra.berger@contoso.com" -ImListMigrationCompleted $false'
        expect(((await flag.locator('pre code').textContent()) ?? '').trim()).toBe(expected)
        expect(await clipboardText(s)).toBe(expected)
        expect(await h1(page).textContent()).toContain(IM_TITLE)
      },
      { clipboard: true },
    )
  })
})
