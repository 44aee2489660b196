import { loadKb } from '../../src/content/compile.ts'

/** The real knowledge base, loaded and checked the way the build does it. */
export const kb = loadKb()

export const IM_ENTRY = 'im-contact-list-blocks-move-to-exchange-2010'
export const STAGED_ENTRY = 'staged-migration-federated-users-force-change-password'
