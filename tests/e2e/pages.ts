/**
 * Every page of the app for the end-to-end accessibility tests, each with the steps that open
 * it in a state that shows what it can show (results, findings, alerts, the error page).
 */
import {
  CRASH_HEADING,
  appState,
  appUrl,
  pasteOnHome,
  waitForHeading,
  waitForPage,
  waitForStatus,
  waitUntil,
  type Session,
} from './helpers.ts'

export const STAGED_PASTE = `Identity     : ines.moreau@litware.example
Status       : Failed
ErrorSummary : A Windows Live error occurred while provisioning for "ines.moreau@litware.example". An internal
               error occurred while talking to Windows Live. Additional details: "0x800482101033This action
               is currently blocked for the API. BY5PR11MB4073 2026.11.20.09.41.02".
`
export const FEDERATED =
  'Do the affected users sign in through a federated domain (AD FS single sign-on), with their accounts synchronized from on-premises Active Directory?'

/** Two known problems share this sentence and no question tells them apart when unanswered. */
const CONNECTION_PASTE = `Identity : IMAP-Wave2
Status   : Failed
Error    : The connection to the server 'mail.litware.example' could not be completed.
`

const NDR_PASTE = `Delivery has failed to these recipients or groups:
former.user@litware.example
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
`

const IM_ENTRY = 'im-contact-list-blocks-move-to-exchange-2010'
const IM_TITLE = 'Move to Exchange 2010 blocked'
const STAGED_ENTRY = 'staged-migration-federated-users-force-change-password'
const STAGED_TITLE = 'Staged migration rejects federated users'
const CONFIRM_DATA_LOSS = 'I understand what can be lost and I want to copy this command.'

const im = (who: string) =>
  `"Error: MigrationPermanentException: You shouldn't migrate mailbox '${who}' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange."`

/** A small failed-batch export: two users with one known problem, one unknown error, one broken row. */
export const REPORT_CSV = [
  'Identity,Status,ErrorSummary',
  `mona.kerr@litware.example,Failed,${im('mona.kerr@litware.example')}`,
  `raj.patel@litware.example,Failed,${im('raj.patel@litware.example')}`,
  'li.wei@litware.example,Failed,"Kaboom 42 on server SRV07.litware.example, retry later with an unusually long unbroken token AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"',
  'sam.ortiz@litware.example,Failed',
].join('\r\n')

/** A staged batch's CSV with a federated user that must not be forced to change password. */
export const MIGRATION_CSV =
  'EmailAddress,Password,ForceChangePassword\r\nines.moreau@litware.example,Secret1,True\r\nines.moreau@litware.example,Secret2,False\r\nnot-an-address,Secret3,False\r\n'

async function openReportWithResult(s: Session): Promise<void> {
  await s.page.goto(appUrl(s.origin, '/report'))
  await waitForHeading(s.page, 'Triage a report of failed users')
  await s.page.getByLabel('Report', { exact: true }).fill(REPORT_CSV)
  await s.page.getByRole('button', { name: /^Diagnose \d+ rows?$/ }).click()
  const fix = s.page
    .getByRole('region', { name: 'Result' })
    .getByRole('region', { name: /^Move to Exchange 2010 blocked.*\(2\)$/ })
    .getByRole('region', { name: 'Clear the flag that blocks the move' })
  await fix.getByRole('checkbox', { name: CONFIRM_DATA_LOSS }).check()
  await fix.getByRole('button', { name: 'Copy script' }).click()
  await fix.getByRole('status').filter({ hasText: 'Copied.' }).waitFor()
}

async function openCsvCheckWithFindings(s: Session): Promise<void> {
  await s.page.goto(appUrl(s.origin, '/csv-check'))
  await waitForHeading(s.page, 'Check a migration CSV file')
  await s.page
    .getByLabel('Federated domains (AD FS or another identity provider)')
    .fill('litware.example')
  await s.page.getByLabel('CSV file', { exact: true }).fill(MIGRATION_CSV)
  const findings = s.page.getByRole('region', { name: 'Findings' })
  await findings.getByRole('table').waitFor()
  await findings.getByRole('checkbox').first().check()
}

/** Every page of the app, in the states that show more than the empty page. */
export const PAGES: { name: string; open: (s: Session) => Promise<void> }[] = [
  {
    name: 'start page, empty',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/'))
      await waitForHeading(s.page, 'Diagnose a mailbox migration error')
    },
  },
  {
    name: 'start page with a match and its evidence',
    open: async (s) => {
      await pasteOnHome(s, STAGED_PASTE)
      await waitForStatus(s.page, 'One known problem matches this error.')
      await s.page
        .getByRole('figure', { name: /What matched/ })
        .locator('mark')
        .first()
        .waitFor()
    },
  },
  {
    name: 'question, with "How to find out" open',
    open: async (s) => {
      await pasteOnHome(s, STAGED_PASTE)
      await waitForStatus(s.page, 'One known problem matches this error.')
      await s.page.getByRole('button', { name: 'Continue', exact: true }).click()
      await waitForPage(s.page, '/questions/0', FEDERATED)
      await s.page.getByText('How to find out', { exact: true }).click()
      // An unanswered Next shows the "pick one" alert too.
      await s.page.getByRole('button', { name: 'Next', exact: true }).click()
      await s.page.getByRole('alert').waitFor()
    },
  },
  {
    name: 'question without a paste',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/questions/0'))
      await waitForPage(s.page, '/questions/0', 'Nothing to diagnose yet')
    },
  },
  {
    name: 'result with a confirmed data-loss command and the ticket note',
    open: async (s) => {
      await s.page.goto(
        appUrl(s.origin, `/result/${IM_ENTRY}?onprem-exchange-versions=has-2013-or-later`),
      )
      await waitForPage(s.page, `/result/${IM_ENTRY}`, IM_TITLE)
      await s.page.getByRole('checkbox', { name: CONFIRM_DATA_LOSS }).first().check()
      const note = s.page.getByRole('region', { name: 'Ticket note' })
      await note.getByRole('button', { name: 'Show the note' }).click()
      await note.locator('pre code').waitFor()
    },
  },
  {
    name: 'result with the corrected CSV row',
    open: async (s) => {
      await s.page.goto(
        appUrl(
          s.origin,
          `/result/${STAGED_ENTRY}?users-federated=yes&csv-force-change-password=true`,
        ),
      )
      await waitForPage(s.page, `/result/${STAGED_ENTRY}`, STAGED_TITLE)
    },
  },
  {
    name: 'no match',
    open: async (s) => {
      await pasteOnHome(s, NDR_PASTE)
      await waitForStatus(s.page, 'No known problem matches this text.')
      await s.page.getByRole('button', { name: 'See why nothing matched', exact: true }).click()
      await waitForPage(s.page, '/no-match', 'No known problem matches')
    },
  },
  {
    name: 'compare (more than one problem fits)',
    open: async (s) => {
      await pasteOnHome(s, CONNECTION_PASTE)
      await s.page.getByRole('button', { name: 'Continue', exact: true }).click()
      for (let i = 0; i < 10; i++) {
        const st = await waitUntil(
          'a question or the comparison',
          () => appState(s.page),
          (x) =>
            x.heading !== null &&
            !x.loading &&
            (x.path === `/questions/${i}` ? x.step === `Question ${i + 1}` : x.step === null),
        )
        if (!st.path.startsWith('/questions/')) break
        const before = s.page.url()
        await s.page.getByRole('radio', { name: "I don't know", exact: true }).check()
        await s.page.getByRole('button', { name: 'Next', exact: true }).click()
        await s.page.waitForURL((u) => u.href !== before)
      }
      await waitForPage(s.page, '/compare', 'More than one problem fits')
    },
  },
  {
    name: 'no error message: kinds of migration',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/browse'))
      await waitForHeading(s.page, 'No error message? Start from what you see')
    },
  },
  {
    name: 'no error message: what you see in a hybrid move',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/browse/hybrid-onboarding'))
      await waitForHeading(s.page, 'What do you see?')
    },
  },
  {
    name: 'no error message: unknown kind',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/browse/no-such-kind'))
      await waitForHeading(s.page, 'No problems of this kind')
    },
  },
  {
    name: 'known problems',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/kb'))
      await waitForPage(s.page, '/kb', 'Known problems')
    },
  },
  {
    name: 'a known problem',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, `/kb/${IM_ENTRY}`))
      await waitForPage(s.page, `/kb/${IM_ENTRY}`, IM_TITLE)
    },
  },
  {
    name: 'an unknown problem',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/kb/no-such-problem'))
      await waitForHeading(s.page, 'This problem is not in the knowledge base')
    },
  },
  {
    name: 'report triage, empty',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/report'))
      await waitForHeading(s.page, 'Triage a report of failed users')
    },
  },
  { name: 'report triage with its result', open: openReportWithResult },
  {
    name: 'CSV checker, empty',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/csv-check'))
      await waitForHeading(s.page, 'Check a migration CSV file')
    },
  },
  { name: 'CSV checker with findings and a change picked', open: openCsvCheckWithFindings },
  {
    name: 'CSV checker, cutover',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/csv-check'))
      await waitForHeading(s.page, 'Check a migration CSV file')
      await s.page.getByRole('radio', { name: 'Cutover migration' }).check()
      await s.page.getByText('A cutover migration takes no user CSV file').waitFor()
    },
  },
  {
    name: 'page not found',
    open: async (s) => {
      await s.page.goto(appUrl(s.origin, '/no-such-page'))
      await waitForHeading(s.page, 'Page not found')
    },
  },
  {
    name: 'error page (a page that crashed)',
    open: async (s) => {
      // The details of one problem arrive damaged (its commands are not a list): its page
      // throws while rendering.
      await s.page.route(new RegExp(`/assets/e-[^/]+/${IM_ENTRY}\\.json$`), async (route) => {
        const file = (await (await route.fetch()).json()) as { body: Record<string, unknown> }
        file.body.commands = 42
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify(file) })
      })
      await s.page.goto(appUrl(s.origin, `/kb/${IM_ENTRY}`))
      await s.page.getByRole('heading', { level: 1, name: CRASH_HEADING }).waitFor()
      // React reports what its error boundary caught on the console: expected here.
      s.consoleErrors.splice(0, s.consoleErrors.length)
    },
  },
]
