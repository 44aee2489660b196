/**
 * Which page an address opens, as far as its code goes. Read by src/app/lazy-views.tsx and by
 * index.html's loader (scripts/prerender-plugin.ts), which starts the app's script after the
 * paint on the start page, and asks for the pages' chunk beside it on a link to a page whose code
 * is there.
 */

/** The start page (`#/`, `#/?…`, no hash). */
export const START_PAGE = /^(?:#\/?(?:[?#]|$)|$)/

/**
 * The pages whose code is not in the pages' chunk (src/app/views.ts): the start page and the
 * result page, in the app's own script, and the report and the CSV check, loaded when opened.
 */
export const OWN_CODE = new RegExp(
  `${START_PAGE.source}|^#\\/(?:result|report|csv-check)(?:[/?#]|$)`,
)
