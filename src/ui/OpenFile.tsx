/** Opening a file in the power tools: by the file picker or by dropping it on the text box. */
import type { DragEvent } from 'react'
import { readTextFile } from '../report/decode.ts'
import type { FileSource } from '../report/tool-state.ts'

/** Reads a file as text (any encoding Windows writes), or says in one sentence why it cannot. */
export function openTextFile(
  file: File | undefined,
  load: (text: string, from: FileSource) => void,
  fail: (message: string) => void,
): void {
  if (!file) return
  void readTextFile(file).then((r) => {
    if (r.ok) load(r.text, { name: file.name, encoding: r.encoding, bom: r.bom })
    else fail(`${file.name}: ${r.message}`)
  })
}

/** A text box's drag-over handler: lets it take a dropped file. */
export function allowDrop(e: DragEvent): void {
  e.preventDefault()
}

/** A text box's drop handler: the dropped file goes to `open` instead of into the box. */
export function dropFile(e: DragEvent, open: (file: File) => void): void {
  const file = e.dataTransfer.files[0]
  if (!file) return
  e.preventDefault()
  open(file)
}

/** "Or open a file" and its picker; the same file can be opened again after a change. */
export function OpenFileInput({
  id,
  accept,
  onOpen,
}: {
  id: string
  accept: string
  onOpen: (file: File | undefined) => void
}) {
  return (
    <>
      <label htmlFor={id}>Or open a file</label>{' '}
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(e) => {
          onOpen(e.target.files?.[0])
          e.target.value = ''
        }}
      />
    </>
  )
}
