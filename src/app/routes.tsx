/** The route table, shared by the app and by the UI tests (rendered there on a memory router). */
import { lazy } from 'react'
import { Route, Routes } from 'react-router'
import { Layout } from '../ui/Layout.tsx'
import { HomeRoute } from '../routes/HomeRoute.tsx'
import { QuestionRoute } from '../routes/QuestionRoute.tsx'
import { ResultRoute } from '../routes/ResultRoute.tsx'
import { NoMatchRoute } from '../routes/NoMatchRoute.tsx'
import { CompareRoute } from '../routes/CompareRoute.tsx'
import { EntriesRoute } from '../routes/EntriesRoute.tsx'
import { EntryRoute } from '../routes/EntryRoute.tsx'
import { NotFoundRoute } from '../routes/NotFoundRoute.tsx'
import { BrowseRoute } from '../routes/BrowseRoute.tsx'
import { BrowseTypeRoute } from '../routes/BrowseTypeRoute.tsx'

// The power tools load when opened, so the start page's script stays within its budget.
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
