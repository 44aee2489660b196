/** The compiled knowledge base, validated and indexed at build time (see scripts/kb-plugin.ts). */
import compiled from 'virtual:kb'
import type { Kb } from '../engine/types.ts'

export const kb: Kb = compiled
