import type { HarvestIssue } from '@marsad/contracts';

const ISSUES_KEPT = 100;

/** An organisation as CKAN returns it (organization_list with all_fields, organization_show, a dataset's `organization`). */
export interface CkanOrganization {
  id?: string;
  name?: string;
  title?: string;
  display_name?: string;
  package_count?: number;
}

/** The counters and findings of one run while it works, written to its record at each heartbeat and at its end. */
export class HarvestRunState {
  issues: HarvestIssue[] = [];
  issueCount = 0;
  pages = 0;
  seen = 0;
  skipped = 0;
  organizations = new Map<string, CkanOrganization>();
  datasetOrganizations = new Set<string>();

  note(issue: Omit<HarvestIssue, 'at'>): void {
    this.issueCount++;
    if (this.issues.length < ISSUES_KEPT) this.issues.push({ at: new Date().toISOString(), ...issue });
  }

  /** Keeps an organisation by its name; `replace` false keeps the one already known. */
  rememberOrganization(org: unknown, replace = true): void {
    if (typeof org !== 'object' || org === null) return;
    const { name } = org as CkanOrganization;
    if (typeof name !== 'string' || !name.trim()) return;
    if (replace || !this.organizations.has(name)) this.organizations.set(name, org as CkanOrganization);
  }

  /** What the run's record shows of its progress. */
  progress(requests: number): HarvestProgress {
    return {
      requests,
      pages: this.pages,
      seen: this.seen,
      skipped: this.skipped,
      organizations: this.organizations.size,
      issues: this.issues,
      issueCount: this.issueCount,
    };
  }
}

export interface HarvestProgress {
  requests: number;
  pages: number;
  seen: number;
  skipped: number;
  organizations: number;
  issues: HarvestIssue[];
  issueCount: number;
}
