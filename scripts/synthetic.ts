/**
 * A seeded generator of Exchange-like error messages and noisy pastes of them, for measuring the
 * matcher at a size the real knowledge base does not have yet (`npm run bench`) and for checking
 * that ranking stays exact at that size (tests/engine/rank-exact.test.ts). Same seed, same data.
 */
import { buildIndex } from '../src/engine/build-index.ts'
import type { EntryHead } from '../src/engine/types.ts'
import { fill, rng, variant } from './noisy.ts'

/** Seeded generator of Exchange-like error sentences. */
const EXCEPTIONS = [
  'MigrationTransientException',
  'MigrationPermanentException',
  'MapiExceptionNotFound',
  'MapiExceptionLogonFailed',
  'MapiExceptionNetworkError',
  'StorageTransientException',
  'StoragePermanentException',
  'CommunicationErrorTransientException',
  'RemoteTransientException',
  'DataValidationException',
  'MailboxReplicationPermanentException',
  'SourceMailboxAlreadyBeingMovedTransientException',
  'TooManyBadItemsPermanentException',
  'RecipientNotFoundPermanentException',
  'ServiceTooBusyException',
  'TimeoutErrorTransientException',
  'UpdateMovedMailboxPermanentException',
  'EndpointNotFoundException',
  'UnauthorizedAccessException',
  'ADOperationException',
  'MigrationMRSProxyConnectionFailedException',
  'ContentIndexingNotHealthyTransientException',
]
const CMDLETS = [
  'New-MoveRequest',
  'New-MigrationBatch',
  'Set-MoveRequest',
  'Resume-MoveRequest',
  'Get-MoveRequestStatistics',
  'Set-Mailbox',
  'Enable-RemoteMailbox',
  'New-MigrationEndpoint',
  'Test-MigrationServerAvailability',
  'Complete-MigrationBatch',
  'Set-OrganizationRelationship',
  'New-MailboxRestoreRequest',
  'Set-RemoteMailbox',
  'Update-Recipient',
]
const SUBJECTS = [
  'the source mailbox {mailbox}',
  'the target mailbox',
  'mailbox {mailbox}',
  'migration batch {batch}',
  'the move request for {mailbox}',
  'the archive mailbox of {mailbox}',
  'the public folder mailbox',
  'the primary SMTP address {address}',
  'the remote routing address',
  'the migration endpoint {endpoint}',
  'mailbox database {database}',
  'the MRS proxy service on {server}',
  'the EWS virtual directory',
  'the organization relationship with {domain}',
  'the target delivery domain',
  'the mail user {mailbox}',
  'the ExchangeGUID of the mail user',
  'the LegacyExchangeDN',
  'the Autodiscover endpoint',
  'folder {folder}',
  'the retention hold on {mailbox}',
  'the cross-tenant migration request',
]
const PREDICATES = [
  'could not be found',
  'is already being moved',
  'was not found on server {server}',
  'does not have a matching ExchangeGUID',
  'cannot be reached',
  'returned an unexpected HTTP 500 response',
  'failed authentication with the supplied credentials',
  'timed out after {any} minutes',
  'exceeded the bad item limit',
  'is in an invalid state for this operation',
  'is not enabled for MRS proxy',
  'has been quarantined by the Mailbox Replication service',
  'exceeds the quota of the target database',
  'has no write permission on the target',
  'is locked by another move',
  'was rejected by the remote server',
  'is stalled because content indexing is not healthy',
  'is stalled due to high CPU on {server}',
  'must be a mail-enabled user',
  'does not match the source tenant',
  'has an invalid proxy address',
  'could not be stamped with the target address',
]
const CONTEXTS = [
  'while connecting to {server}',
  'during the incremental sync',
  'during finalization',
  'when running {cmdlet}',
  'because the account lacks the ApplicationImpersonation role',
  'after the initial sync completed',
  'in database {database}',
  'with correlation ID {guid}',
  'for batch {batch}',
  '',
]
const ADVICE = [
  'Please retry the operation later.',
  'Refer to the documentation and retry the migration.',
  'Contact your administrator.',
  'Run {cmdlet} with the Verbose parameter for details.',
  'The request will be retried automatically.',
  '',
  '',
]
const CODES = ['0x8004010F', '0x80040115', '0x80004005', '0x8007203A', '0x80070005', '']

export interface SyntheticKb {
  entries: EntryHead[]
  /** noisy pastes, each of the entry at `expect` */
  queries: { text: string; expect: number }[]
  vocabulary: Set<string>
}

/** `size` distinct generated messages, one entry each, and `queryCount` noisy pastes of them. */
export function syntheticKb(size: number, queryCount: number, seed = 20261125): SyntheticKb {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T
  const seen = new Set<string>()
  const entries: EntryHead[] = []
  while (entries.length < size) {
    const code = pick(CODES)
    const parts = [
      `${pick(EXCEPTIONS)}: Error:`,
      pick(SUBJECTS).replace(/^the /, r() < 0.5 ? 'The ' : 'the '),
      pick(PREDICATES),
      pick(CONTEXTS),
    ].filter(Boolean)
    let text = `${parts.join(' ')}.`
    const advice = pick(ADVICE)
    if (advice) text += ` ${advice}`
    if (code) text += ` (hr=${code})`
    text = text.replace('{cmdlet}', pick(CMDLETS))
    if (seen.has(text)) continue
    seen.add(text)
    const id = `synthetic-${entries.length}`
    entries.push({
      id,
      signatures: [{ id: 'message', kind: 'message', text, satisfies: [] }],
    } as unknown as EntryHead)
  }
  const queries: { text: string; expect: number }[] = []
  for (let i = 0; i < queryCount; i++) {
    const expect = Math.floor(r() * entries.length)
    const text = (entries[expect] as EntryHead).signatures[0]?.text ?? ''
    queries.push({ text: variant(fill(text, r), r), expect })
  }
  return { entries, queries, vocabulary: new Set(buildIndex(entries).vocabulary) }
}
