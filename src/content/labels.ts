import type { MigrationType, Shell } from './schema.ts'

export const SHELL_LABEL: Record<Shell, string> = {
  'exchange-online-powershell': 'Exchange Online PowerShell',
  'exchange-management-shell': 'Exchange Management Shell (on-premises)',
  'skype-server-management-shell': 'Lync / Skype for Business Server Management Shell',
  'microsoft-graph-powershell': 'Microsoft Graph PowerShell',
  'active-directory-powershell': 'Windows PowerShell with the ActiveDirectory module (on-premises)',
  'entra-connect-powershell': 'PowerShell on the Microsoft Entra Connect server',
  'windows-powershell': 'Windows PowerShell',
}

export const MIGRATION_LABEL: Record<MigrationType, string> = {
  'hybrid-onboarding': 'Hybrid move to Exchange Online',
  'hybrid-offboarding': 'Hybrid move back to on-premises',
  staged: 'Staged migration',
  cutover: 'Cutover migration',
  imap: 'IMAP migration',
  'google-workspace': 'Google Workspace migration',
  'cross-forest': 'Cross-forest move',
  'cross-tenant': 'Cross-tenant migration',
  'local-move': 'Local move',
  'public-folder': 'Public folder migration',
  'pst-import': 'PST import',
  other: 'Other',
}

/** How sure the text match is, in words; the number alone means little to a reader. */
export function strengthLabel(score: number): string {
  if (score >= 0.9) return 'Strong match'
  if (score >= 0.6) return 'Good match'
  if (score >= 0.3) return 'Partial resemblance'
  return 'Faint resemblance'
}

export const UNKNOWN_LABEL = "I don't know"
