/** The CKAN Action API base used when PORTAL_URL is not set. */
export const DEFAULT_PORTAL_API_URL = 'https://data.gov.ma/data/api/3/action';

/**
 * A dataset's page on the portal, from the Action API base: a trailing
 * `/api/3/action` is dropped and `/dataset/<name>` appended, so
 * `https://data.gov.ma/data/api/3/action` gives `https://data.gov.ma/data/dataset/<name>`
 * (CKAN redirects that to the page in the reader's language).
 */
export function datasetPortalUrl(portalApiUrl: string | null, name: string): string {
  const site = (portalApiUrl ?? DEFAULT_PORTAL_API_URL).replace(/\/+$/, '').replace(/\/api\/3\/action$/, '');
  return `${site}/dataset/${encodeURIComponent(name)}`;
}
