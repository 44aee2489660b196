/**
 * The sessionStorage key of the wizard's inputs (store/inputs.ts). Also read, before the app runs,
 * by index.html's loader (scripts/prerender-plugin.ts): a tab with a saved paste is not shown the
 * empty pre-rendered start page.
 */
export const INPUTS_KEY = 'mmt-inputs'
