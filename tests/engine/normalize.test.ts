// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { foldText, normalize } from '../../src/engine/normalize.ts'
import { MAX_INPUT_CHARS } from '../../src/engine/limits.ts'

const words = (text: string, vocab?: Set<string>) =>
  normalize(text, vocab)
    .tokens.filter((t) => !t.noise)
    .map((t) => t.t)

describe('normalize', () => {
  it.each([
    ['folds curly quotes and dashes', 'You shouldn’t – “x”', ['you', 'shouldn', 't', 'x']],
    ['masks addresses', "mailbox 'john.smith@contoso.com' to", ['mailbox', '<email>', 'to']],
    ['masks GUIDs', 'id 0f8fad5b-d9cb-469f-a165-70867728950e done', ['id', '<guid>', 'done']],
    ['masks host names', 'server EXCH01.corp.contoso.com said', ['server', '<host>', 'said']],
    ['masks machine ids', 'at CH1IDOPRTI03 now', ['at', '<id>', 'now']],
    [
      'keeps hex codes',
      'code 0x800482101033This action',
      ['code', '0x800482101033', 'this', 'action'],
    ],
    [
      'masks timestamps',
      'at 2011.09.07.15.30.48 and 3/4/2026 9:12:44 AM',
      ['at', '<time>', 'and', '<time>'],
    ],
    [
      'keeps short numbers such as versions of Exchange',
      'Exchange 2010 or',
      ['exchange', '2010', 'or'],
    ],
    ['masks long numbers', 'ticket 12345678', ['ticket', '<num>']],
    [
      'masks URLs',
      'see https://outlook.office365.com/EWS/mrsproxy.svc now',
      ['see', '<url>', 'now'],
    ],
  ])('%s', (_, input, expected) => {
    expect(words(input)).toEqual(expected)
  })

  it('marks PowerShell decoration lines as noise and keeps the error line', () => {
    const n = normalize(
      [
        "Set-UMMailbox : The Mailbox a@b.com isn't enabled",
        'At line:1 char:1',
        '+ ~~~~~~~~~~~~~',
        '    + CategoryInfo          : NotSpecified: (:) [Set-UMMailbox], RecipientTaskException',
        '    + FullyQualifiedErrorId : [Server=EXCH13-01,RequestId=5b1c2e7a-0f3d-4a77-9a43-2d6f1f7c0e11] X',
      ].join('\n'),
    )
    const content = n.tokens.filter((t) => !t.noise).map((t) => t.t)
    expect(content).toEqual([
      'set',
      'ummailbox',
      'the',
      'mailbox',
      '<email>',
      'isn',
      't',
      'enabled',
    ])
    expect(n.values.servers).toContain('EXCH13-01')
    expect(n.values.guids).toEqual(['5b1c2e7a-0f3d-4a77-9a43-2d6f1f7c0e11'])
  })

  it('joins a word a console wrap cut in two when the knowledge base knows the whole word', () => {
    const vocab = new Set(['instant', 'messaging', 'contact'])
    expect(words('Instant Messag\ning contact', vocab)).toEqual(['instant', 'messaging', 'contact'])
    // Two real words on either side of a line break stay apart.
    expect(words('Instant\nMessaging', vocab)).toEqual(['instant', 'messaging'])
  })

  it('keeps offsets pointing into the original text', () => {
    const text = 'Error: “quoted” thing'
    const n = normalize(text)
    for (const t of n.tokens)
      expect(text.slice(t.start, t.end).toLowerCase()).toContain(
        t.t.replace(/<.*>/, '').slice(0, 1),
      )
    expect(n.tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Error', 'quoted', 'thing'])
  })

  it('extracts addresses without surrounding quotes, once each', () => {
    const n = normalize("for 'Joe@Contoso.com' and joe@contoso.com and 'ann@contoso.com'.")
    expect(n.values.emails).toEqual(['Joe@Contoso.com', 'ann@contoso.com'])
  })

  it.each([
    ['empty text', ''],
    ['only spaces', '   \n\t  '],
    ['not a string', undefined as unknown as string],
  ])('returns no tokens for %s', (_, input) => {
    expect(normalize(input).tokens).toEqual([])
  })

  it('flags binary data', () => {
    expect(normalize('\u0000\u0001\u0002\u0003abc\u0004\u0005').binary).toBe(true)
    expect(normalize('plain text\twith tab\r\n').binary).toBe(false)
  })

  it('reads at most 1 MiB and says so', () => {
    const n = normalize('a '.repeat(MAX_INPUT_CHARS))
    expect(n.truncated).toBe(true)
    expect(n.text.length).toBe(MAX_INPUT_CHARS)
  })

  it('folds one character for one, so offsets stay valid', () => {
    const s = '‘’“”–—\u00a0\u200b'
    expect(foldText(s)).toHaveLength(s.length)
    expect(foldText(s)).toBe(`''""--  `)
  })
})

describe('dotted names', () => {
  it.each([
    [
      'RESOLVER.ADR.ExRecipNotFound; not found',
      ['resolver', 'adr', 'exrecipnotfound', 'not', 'found'],
    ],
    [
      'STOREDRV.Deliver.Exception:QuotaExceededException',
      ['storedrv', 'deliver', 'exception', 'quotaexceededexception'],
    ],
    ['on BN8PR12MB3456.namprd12.prod.outlook.com now', ['on', '<host>', 'now']],
    ['exhyb01.contoso.local', ['<host>']],
    ['version 15.2.1544.4', ['version', '<version>']],
  ])('%s', (input, expected) => {
    expect(
      normalize(input)
        .tokens.filter((t) => !t.noise)
        .map((t) => t.t),
    ).toEqual(expected)
  })
})

describe('delivery report codes', () => {
  it('keeps enhanced status codes as they are, so 5.1.1 and 5.1.10 differ', () => {
    expect(normalize('550 5.1.10 RESOLVER.ADR.RecipientNotFound').tokens.map((t) => t.t)).toEqual([
      '550',
      '5.1.10',
      'resolver',
      'adr',
      'recipientnotfound',
    ])
  })
})
