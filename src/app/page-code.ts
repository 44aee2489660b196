/**
 * Addresses of the pages whose code is not in the pages' chunk (src/app/views.ts): the start page
 * (`#/`, `#/?…`) and the result page, in the app's own script, and the report and the CSV check,
 * loaded when opened. Read by src/app/lazy-views.tsx and by index.html's loader
 * (scripts/prerender-plugin.ts), which asks for the pages' chunk beside the app's script on a
 * link to any other page.
 */
export const OWN_CODE = /^(?:#\/?(?:[?#]|$)|$|#\/(?:result|report|csv-check)(?:[/?#]|$))/
