import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { AppRoutes } from '../../src/app/routes.tsx'

function renderApp(path = '/csv-check') {
  const user = userEvent.setup()
  render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  )
  return user
}

describe('the migration CSV checker', () => {
  it('is linked from the KB 2845956 result page', async () => {
    const user = renderApp('/result/staged-migration-federated-users-force-change-password')
    await user.click(await screen.findByRole('link', { name: 'Check a migration CSV file' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Check a migration CSV file' }),
    ).toBeInTheDocument()
  })

  it('finds federated users, masks passwords and fixes only what is ticked', async () => {
    const user = renderApp()
    await user.type(
      await screen.findByLabelText('Federated domains (AD FS or another identity provider)'),
      'fed.com',
    )
    await user.click(screen.getByLabelText('CSV file'))
    await user.paste(
      'EmailAddress,Password,ForceChangePassword\na@fed.com,Secr3tPass,True\nb@fed.com,Other1,True\nbad-address,Xyz123,False\n',
    )
    const findings = screen.getByRole('region', { name: 'Findings' })
    expect(within(findings).getByText('3 rows checked: 3 findings.')).toBeInTheDocument()
    expect(within(findings).getByText('Not a valid email address.')).toBeInTheDocument()
    expect(document.body).not.toHaveTextContent('Secr3tPass')
    const download = within(findings).getByRole('button', { name: 'Download the fixed file' })
    expect(download).toBeDisabled()

    await user.click(within(findings).getByRole('checkbox', { name: /Set it to False \(line 2,/ }))
    expect(
      within(findings).getByText('Line 2: ForceChangePassword: "True" → "False".'),
    ).toBeInTheDocument()
    expect(within(findings).getAllByRole('listitem')).toHaveLength(1)
    expect(download).toBeEnabled()
  })

  it('says a cutover batch takes no CSV file', async () => {
    const user = renderApp()
    await user.click(await screen.findByLabelText('Cutover migration'))
    expect(screen.getByRole('status')).toHaveTextContent(/takes no user CSV file/)
    expect(screen.queryByLabelText('CSV file')).toBeNull()
  })
})
