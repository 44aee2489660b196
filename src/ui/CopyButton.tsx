import { useState } from 'react'

/** Copies with the Clipboard API, falling back to a hidden text area where the API is missing. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall through to the old way
  }
  try {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.appendChild(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  } catch {
    return false
  }
}

interface Props {
  text: string
  label: string
  disabled?: boolean
}

export function CopyButton({ text, label, disabled = false }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <span className="copy">
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))
        }}
      >
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'Copy failed: select the text and copy it by hand.'
            : ''}
      </span>
    </span>
  )
}
