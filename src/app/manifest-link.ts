/**
 * The web-app manifest's link. The built index.html leaves it out (scripts/first-load-plugin.ts):
 * a browser fetches the manifest, then its icon, as soon as it sees the link, beside the app's
 * script on the first load. The app adds it once the page has settled, when it registers the
 * service worker: the manifest only matters for installing the app, which is offered later.
 */

/** Where the manifest is (vite-plugin-pwa writes it beside index.html). */
export const MANIFEST_HREF = './manifest.webmanifest'

/** Adds the manifest's link to the page, once. */
export function addManifestLink(doc: Document): void {
  if (doc.querySelector('link[rel="manifest"]')) return
  const link = doc.createElement('link')
  link.rel = 'manifest'
  link.href = MANIFEST_HREF
  doc.head.appendChild(link)
}
