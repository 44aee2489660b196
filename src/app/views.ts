/**
 * The pages other than the start page, the result page and the power tools: one chunk of code,
 * loaded beside the app's script on a link to one of them, and after the start page has settled
 * otherwise (see ./lazy-views.tsx and docs/decisions/0014-pages-apart-from-the-start-script.md).
 * The result page stays in the app's script: a link to a diagnosis (from a ticket, a colleague)
 * is the page most often opened cold, and it then needs one script, not two.
 */
export { BrowseRoute } from '../routes/BrowseRoute.tsx'
export { BrowseTypeRoute } from '../routes/BrowseTypeRoute.tsx'
export { CompareRoute } from '../routes/CompareRoute.tsx'
export { EntriesRoute } from '../routes/EntriesRoute.tsx'
export { EntryRoute } from '../routes/EntryRoute.tsx'
export { NoMatchRoute } from '../routes/NoMatchRoute.tsx'
export { NotFoundRoute } from '../routes/NotFoundRoute.tsx'
export { QuestionRoute } from '../routes/QuestionRoute.tsx'
