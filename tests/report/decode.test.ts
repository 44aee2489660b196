// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  decodeBytes,
  encodeText,
  encodingLabel,
  MAX_FILE_BYTES,
  type Encoding,
} from '../../src/report/decode.ts'

/** UTF-16 code units of `s` as little- or big-endian bytes. */
function utf16(s: string, le: boolean): number[] {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]))
  }
  return out
}
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

/** A deterministic stream of bytes that looks like nothing (xorshift). */
function noise(n: number, seed = 2463534242): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

describe('decodeBytes reads text as Windows tools write it', () => {
  it.each<[string, number[], string, Encoding, boolean]>([
    [
      'UTF-8 with a byte-order mark (PowerShell -Encoding UTF8)',
      [0xef, 0xbb, 0xbf, ...ascii('Identity,Error\r\n'), 0x4a, 0xc3, 0xbc, 0x72, 0x67, 0x65, 0x6e],
      'Identity,Error\r\nJürgen',
      'utf-8',
      true,
    ],
    [
      'UTF-8 without a mark (PowerShell 7)',
      [...ascii('a@x.com,'), 0xe2, 0x80, 0x9c, 0x51, 0xe2, 0x80, 0x9d],
      'a@x.com,“Q”',
      'utf-8',
      false,
    ],
    ['plain ASCII', ascii('EmailAddress\na@x.com\n'), 'EmailAddress\na@x.com\n', 'utf-8', false],
    [
      'UTF-16 LE with a mark (Windows PowerShell 5.1 `>` and Out-File)',
      [0xff, 0xfe, ...utf16('Identity : a@x.com\r\nError    : Zoë – “x”', true)],
      'Identity : a@x.com\r\nError    : Zoë – “x”',
      'utf-16le',
      true,
    ],
    [
      'UTF-16 BE with a mark',
      [0xfe, 0xff, ...utf16('EmailAddress\r\nçé@x.com', false)],
      'EmailAddress\r\nçé@x.com',
      'utf-16be',
      true,
    ],
    [
      'UTF-16 LE without a mark',
      utf16('Identity,Error\r\na@x.com,Boom\r\n', true),
      'Identity,Error\r\na@x.com,Boom\r\n',
      'utf-16le',
      false,
    ],
    [
      'Windows-1252 (Export-Csv in 5.1 without -Encoding): not valid UTF-8',
      [
        ...ascii('"DisplayName","Error"\r\n"J'),
        0xfc,
        ...ascii('rgen M'),
        0xfc,
        0x6c,
        0x6c,
        0x65,
        0x72,
        ...ascii('","Quota '),
        0x80,
        ...ascii(' '),
      ],
      '"DisplayName","Error"\r\n"Jürgen Müller","Quota € ',
      'windows-1252',
      false,
    ],
    [
      'Windows-1252 quotes and dashes (bytes 0x80–0x9F)',
      [0x93, ...ascii('mailbox'), 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x85, 0x20, 0x91, 0x92],
      '“mailbox” – — … ‘’',
      'windows-1252',
      false,
    ],
    [
      'a UTF-8 mark and broken UTF-8 after it (kept as UTF-8, bad bytes replaced)',
      [0xef, 0xbb, 0xbf, ...ascii('Identity,Error\na@x.com,B'), 0xff, ...ascii('d\n')],
      'Identity,Error\na@x.com,B\ufffdd\n',
      'utf-8',
      true,
    ],
  ])('%s', (_, bytes, text, encoding, bom) => {
    const r = decodeBytes(new Uint8Array(bytes))
    expect(r).toEqual({ ok: true, text, encoding, bom })
  })
})

describe('decodeBytes says clearly what is not a text file', () => {
  it.each<[string, Uint8Array, RegExp]>([
    ['an empty file', new Uint8Array(0), /^The file is empty\.$/],
    [
      'an Excel workbook (.xlsx, a zip archive)',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, ...ascii('[Content_Types].xml')]),
      /Excel workbook \(\.xlsx\).*Save the sheet as CSV/,
    ],
    [
      'an old .xls workbook',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /old Excel workbook \(\.xls\)/,
    ],
    ['a PDF', new Uint8Array(ascii('%PDF-1.7\n%âãÏÓ')), /PDF document/],
    ['a gzip file', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), /gzip archive/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /PNG image/],
    ['UTF-32', new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /UTF-32/],
    ['1 MB of random bytes', noise(1024 * 1024), /^This file is not text/],
    [
      'control bytes with a little text',
      new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, ...ascii('ab'), 0x0e, 0x0f, 0x10, 0x11]),
      /^This file is not text/,
    ],
    [
      'a UTF-16 LE mark before random bytes',
      new Uint8Array([0xff, 0xfe, ...noise(4096, 7)]),
      /^This file is not text/,
    ],
    ['a file over the limit', new Uint8Array(MAX_FILE_BYTES + 1), /reads files up to 20 MB/],
  ])('%s', (_, bytes, message) => {
    const r = decodeBytes(bytes)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(message)
  })
})

describe('encodeText writes a file back as it was read', () => {
  it.each<[Encoding, boolean, string]>([
    ['utf-8', true, 'EmailAddress\r\nJürgen@x.com,“Pa€s”\r\n'],
    ['utf-8', false, 'EmailAddress\na@x.com\n'],
    ['utf-16le', true, 'Identity : Zoë – x\r\n'],
    ['utf-16be', true, 'EmailAddress\r\nçé@x.com'],
    ['utf-16le', false, 'a,b\r\n'],
    ['windows-1252', false, '"Jürgen Müller","Quota € “x” – … ‘’"\r\n'],
  ])('%s (mark: %s) round-trips', (encoding, bom, text) => {
    expect(decodeBytes(encodeText(text, encoding, bom))).toEqual({ ok: true, text, encoding, bom })
  })

  it('names encodings for people', () => {
    expect(encodingLabel('utf-16le', true)).toBe('UTF-16 LE with a byte-order mark')
    expect(encodingLabel('windows-1252', false)).toBe('Windows-1252 (ANSI)')
  })
})
