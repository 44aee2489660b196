/**
 * Where the stores that keep what the user put in (the wizard's inputs, the power tools' inputs)
 * live: this tab's sessionStorage, so reload, Back and Forward lose nothing and closing the tab
 * forgets it — or memory, where the browser refuses sessionStorage (locked-down profiles,
 * file:// pages).
 */

function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  }
}

/**
 * The tab's storage. A write the browser refuses (storage full) must not break typing; it drops
 * that key's older copy, so a reload never brings back an older, different text, and is passed
 * to `onWrite` (false), as is every write that succeeds (true).
 */
export function tabStorage(onWrite?: (key: string, stored: boolean) => void): Storage {
  let s: Storage
  try {
    s = globalThis.sessionStorage
    s.setItem('mmt-probe', '1')
    s.removeItem('mmt-probe')
  } catch {
    return memoryStorage()
  }
  return {
    get length() {
      return s.length
    },
    clear: () => s.clear(),
    getItem: (k) => s.getItem(k),
    key: (i) => s.key(i),
    removeItem: (k) => s.removeItem(k),
    setItem: (k, v) => {
      try {
        s.setItem(k, v)
        onWrite?.(k, true)
      } catch {
        s.removeItem(k)
        onWrite?.(k, false)
      }
    },
  }
}
