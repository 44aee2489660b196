/**
 * Every page but the start page and the power tools: one chunk of code, loaded beside the app's
 * script on a link to one of them, and after the start page has settled otherwise (see
 * ./lazy-views.tsx and docs/decisions/0014-start-page-script.md).
 */
export { BrowseRoute } from '../routes/BrowseRoute.tsx'
export { BrowseTypeRoute } from '../routes/BrowseTypeRoute.tsx'
export { CompareRoute } from '../routes/CompareRoute.tsx'
export { EntriesRoute } from '../routes/EntriesRoute.tsx'
export { EntryRoute } from '../routes/EntryRoute.tsx'
export { NoMatchRoute } from '../routes/NoMatchRoute.tsx'
export { NotFoundRoute } from '../routes/NotFoundRoute.tsx'
export { QuestionRoute } from '../routes/QuestionRoute.tsx'
export { ResultRoute } from '../routes/ResultRoute.tsx'
