/**
 * Arbitrary text for property tests: any code point, lone surrogates, right-to-left runs,
 * combining marks, deeply nested quotes, error wordings from the knowledge base with noise.
 */
import fc from 'fast-check'

/** Any UTF-16 code unit, lone surrogates included (what a broken clipboard can deliver). */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))

const RTL = ['\u202e', '\u202b', '\u200f', 'مرحبا', 'שלום', '\u061c']
const COMBINING = ['\u0301', '\u0308', '\u20dd', '\u0489', '\u1ab0', '\u0f7e']
const QUOTES = ['"', "'", '`', '\u201c', '\u201d', '\u2018', '\u2019', '\u201e', '$(', '${', '"$']

/** Text of mixed pieces: plain words, odd code units, RTL runs, combining marks, quotes. */
export const hostileText = (maxPieces = 60) =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: codeUnit, maxLength: 20 }),
        fc.constantFrom(...RTL, ...COMBINING, ...QUOTES),
        fc.string({ unit: fc.constantFrom(...COMBINING), maxLength: 200 }),
        fc.constantFrom('\n', '\r\n', '\t', '\0', '\ufeff', '\u2028', ' '),
        fc.constantFrom('MigrationPermanentException', 'mailbox', 'Exchange', '@contoso.com'),
      ),
      { maxLength: maxPieces },
    )
    .map((parts) => parts.join(''))

/** Quotes nested hundreds deep, of every kind, sometimes unbalanced. */
export const nestedQuotes = fc
  .tuple(
    fc.array(fc.constantFrom(...QUOTES), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 1, max: 2000 }),
    fc.string({ maxLength: 20 }),
    fc.boolean(),
  )
  .map(([kinds, depth, middle, balanced]) => {
    const open = Array.from({ length: depth }, (_, i) => kinds[i % kinds.length]).join('')
    const close = balanced ? [...open].reverse().join('') : open.slice(0, depth >> 1)
    return `${open}${middle}${close}`
  })

/** A known error wording with hostile text spliced in at a random place. */
export const noisyWording = (wordings: readonly string[]) =>
  fc.tuple(fc.constantFrom(...wordings), hostileText(10), fc.nat()).map(([w, noise, at]) => {
    const i = at % (w.length + 1)
    return `${w.slice(0, i)}${noise}${w.slice(i)}`
  })

/** Any of the above. */
export const anyText = (wordings: readonly string[]) =>
  fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: codeUnit }),
    hostileText(),
    nestedQuotes,
    noisyWording(wordings),
  )

/** Inputs of up to (and a little past) 1 MiB, built from a repeated piece. */
export const hugeText = fc
  .tuple(
    fc.oneof(hostileText(8), fc.string({ unit: codeUnit, minLength: 1, maxLength: 50 })),
    fc.integer({ min: 64 * 1024, max: 1024 * 1024 + 4096 }),
  )
  .filter(([piece]) => piece.length > 0)
  .map(([piece, size]) => piece.repeat(Math.ceil(size / piece.length)).slice(0, size))
