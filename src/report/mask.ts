/**
 * Masks what identifies people and machines in an error (addresses, GUIDs, links, server and
 * other machine names) using the engine's tokens: each masked token's stretch of the original
 * text is replaced by the token's mask (`<email>`, `<guid>`, `<host>`, `<id>`, `<url>`).
 */
import { foldText, type Normalized, type TokenKind } from '../engine/normalize.ts'

const MASKED: ReadonlySet<TokenKind> = new Set(['email', 'guid', 'url', 'id'])

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The text of `n` with every identifying token replaced by its mask. */
export function maskText(n: Normalized): string {
  let out = ''
  let at = 0
  for (const tok of n.tokens) {
    if (!MASKED.has(tok.kind) || tok.start < at) continue
    let { start, end } = tok
    if (tok.kind === 'email') {
      // The address pattern takes in quotes around it (‘a@b.com’): keep them in the text.
      const raw = foldText(n.text.slice(start, end))
      start += /^['.]+/.exec(raw)?.[0].length ?? 0
      end -= /['.]+$/.exec(raw)?.[0].length ?? 0
    }
    out += n.text.slice(at, start) + tok.t
    at = end
  }
  out += n.text.slice(at)
  // Servers named only in PowerShell decoration (`Server=EXCH01`) are no token of their own.
  for (const s of n.values.servers)
    if (!s.includes('.'))
      out = out.replace(new RegExp(`\\b${escapeRegExp(s)}\\b`, 'gi'), '<server>')
  return out
}

/** The error's shape: its tokens' comparable forms, identifiers masked, joined by spaces. */
export function maskedKey(n: Normalized): string {
  return n.tokens
    .filter((t) => !t.noise)
    .map((t) => t.t)
    .join(' ')
}
