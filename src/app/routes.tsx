/** The route table, shared by the app and by the UI tests (rendered there on a memory router). */
import { lazy } from 'react'
import { Route, Routes } from 'react-router'
import { Layout } from '../ui/Layout.tsx'
import { HomeRoute } from '../routes/HomeRoute.tsx'
import { ResultRoute } from '../routes/ResultRoute.tsx'
import { lazyView } from './lazy-views.tsx'

// The app's script holds the start page with the matcher, and the result page; the other pages
// load beside it (see ./lazy-views.tsx), and the power tools when opened, so it stays within its
// budget.
const BrowseRoute = lazyView('BrowseRoute')
const BrowseTypeRoute = lazyView('BrowseTypeRoute')
const CompareRoute = lazyView('CompareRoute')
const EntriesRoute = lazyView('EntriesRoute')
const EntryRoute = lazyView('EntryRoute')
const NoMatchRoute = lazyView('NoMatchRoute')
const NotFoundRoute = lazyView('NotFoundRoute')
const QuestionRoute = lazyView('QuestionRoute')

const ReportRoute = lazy(() =>
  import('../routes/ReportRoute.tsx').then((m) => ({ default: m.ReportRoute })),
)
const CsvCheckRoute = lazy(() =>
  import('../routes/CsvCheckRoute.tsx').then((m) => ({ default: m.CsvCheckRoute })),
)

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomeRoute />} />
        <Route path="questions/:step" element={<QuestionRoute />} />
        <Route path="result/:entryId" element={<ResultRoute />} />
        <Route path="no-match" element={<NoMatchRoute />} />
        <Route path="compare" element={<CompareRoute />} />
        <Route path="browse" element={<BrowseRoute />} />
        <Route path="browse/:type" element={<BrowseTypeRoute />} />
        <Route path="kb" element={<EntriesRoute />} />
        <Route path="kb/:entryId" element={<EntryRoute />} />
        <Route path="report" element={<ReportRoute />} />
        <Route path="csv-check" element={<CsvCheckRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  )
}
