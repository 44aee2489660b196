/** Closed lists the schema checks against; plain data, so the page can use them without zod. */

/** Placeholder names that may appear in signatures (`{mailbox}`) and command templates. */
export const VALUE_NAMES = [
  'mailbox',
  'address',
  'server',
  'batch',
  'database',
  'domain',
  'guid',
  'endpoint',
  'folder',
  'tenant',
  'any',
] as const

export const MIGRATION_TYPES = [
  'hybrid-onboarding',
  'hybrid-offboarding',
  'staged',
  'cutover',
  'imap',
  'google-workspace',
  'cross-forest',
  'cross-tenant',
  'local-move',
  'public-folder',
  'pst-import',
  'other',
] as const

export const SHELLS = [
  'exchange-online-powershell',
  'exchange-management-shell',
  'skype-server-management-shell',
  'microsoft-graph-powershell',
  'active-directory-powershell',
  'entra-connect-powershell',
  'windows-powershell',
] as const

export type MigrationType = (typeof MIGRATION_TYPES)[number]
export type Shell = (typeof SHELLS)[number]
export type ValueName = (typeof VALUE_NAMES)[number]
