/**
 * Saves text (as UTF-8) or bytes as a file: a Blob behind a temporary `<a download>`.
 */
export function downloadText(
  name: string,
  content: string | Uint8Array<ArrayBuffer>,
  type: string,
): boolean {
  if (typeof URL.createObjectURL !== 'function') return false
  const url = URL.createObjectURL(new Blob([content], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return true
}
