import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { AppRoutes } from '../../src/app/routes.tsx'

const staged = (who: string) =>
  `A Windows Live error occurred while provisioning for ""${who}"". An internal error occurred while talking to Windows Live. Additional details: ""0x800482101033This action is currently blocked for the API.`
const im = (who: string) =>
  `Error: MigrationPermanentException: You shouldn't migrate mailbox '${who}' to Exchange 2010 or an earlier version while the user's Instant Messaging contact list is stored in Exchange.`

const report = [
  'Status;Identity;ErrorSummary',
  `Failed;a@contoso.com;"${staged('a@contoso.com')}"`,
  `Failed;b@contoso.com;"${staged('b@contoso.com')}"`,
  `Failed;c@contoso.com;"${im('c@contoso.com')}"`,
  `Failed;d@contoso.com;"${im('d@contoso.com')}"`,
  'Failed;e@contoso.com;Kaboom for e@contoso.com in the widget',
  'Failed;f@contoso.com',
].join('\n')

function renderApp(path = '/report') {
  const user = userEvent.setup()
  render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  )
  return user
}

describe('report triage', () => {
  it('is linked from the start page', async () => {
    const user = renderApp('/')
    await user.click(await screen.findByRole('link', { name: 'Triage a report of failed users' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Triage a report of failed users' }),
    ).toBeInTheDocument()
  })

  it('diagnoses every row, groups them and writes one script per fix', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    await user.paste(report)
    expect(screen.getByLabelText('User column')).toHaveDisplayValue('Identity')
    expect(screen.getByLabelText('Error column')).toHaveDisplayValue('ErrorSummary')
    await user.click(screen.getByRole('button', { name: 'Diagnose 5 rows' }))

    const result = await screen.findByRole('region', { name: 'Result' })
    expect(
      within(result).getByText(
        /6 rows read in \d+ ms: 4 in known problems, 1 unknown, 1 unreadable/,
      ),
    ).toBeInTheDocument()
    const imGroup = within(result).getByRole('region', {
      name: /^Move to Exchange 2010 blocked.*\(2\)$/,
    })
    expect(within(imGroup).getByText(/c@contoso.com, d@contoso.com/)).toBeInTheDocument()
    const fix = await within(imGroup).findByRole('region', {
      name: 'Clear the flag that blocks the move',
    })
    expect(within(fix).getByText(/foreach \(\$u in \$users\)/)).toHaveTextContent(
      '$users = @("c@contoso.com", "d@contoso.com") foreach ($u in $users) { Set-Mailbox -Identity "$u" -ImListMigrationCompleted $false }',
    )
    // The script says where it can run: Exchange 2013 or later on-premises, not Exchange Online.
    expect(within(fix).getByText(/Run in:/).parentElement).toHaveTextContent(
      /Exchange Management Shell \(on-premises\).*2013, 2016, 2019 or Subscription Edition/,
    )
    const copy = within(fix).getByRole('button', { name: 'Copy script' })
    expect(copy).toBeDisabled()
    await user.click(within(fix).getByLabelText(/I understand what can be lost/))
    await user.click(copy)
    expect(await navigator.clipboard.readText()).toMatch(/^\$users = @\("c@contoso.com"/)

    expect(within(result).getByRole('region', { name: 'Unknown error (1)' })).toHaveTextContent(
      'Kaboom for <email> in the widget',
    )
    expect(within(result).getByText(/Line 7: The row has 2 fields/)).toBeInTheDocument()

    await user.type(within(result).getByLabelText('Filter by problem, error or user'), 'kaboom')
    expect(within(result).queryByRole('region', { name: /Move to Exchange 2010/ })).toBeNull()
    expect(within(result).getByRole('region', { name: 'Unknown error (1)' })).toBeInTheDocument()
  })

  it('reads Format-List text and lets the user change the error column', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Report'))
    await user.paste(`Identity : a@contoso.com\nStatus   : Failed\nNote     : Kaboom\n`)
    expect(screen.getByRole('status')).toHaveTextContent(
      /Format-List text: 1 record, 1 with error text/,
    )
    expect(screen.getByLabelText('Error column')).toHaveDisplayValue('Status')
    await user.selectOptions(screen.getByLabelText('Error column'), 'Note')
    await user.click(screen.getByRole('button', { name: 'Diagnose 1 row' }))
    expect(await screen.findByRole('region', { name: 'Unknown error (1)' })).toHaveTextContent(
      'Kaboom',
    )
  })
})
