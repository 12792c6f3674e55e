/** Shapes of what the fixture returns (CKAN 2.9 Action API, core fields plus the extras it generates). */

export interface CkanOrganization {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_url: string;
  image_display_url: string;
  created: string;
  is_organization: true;
  state: 'active';
  type: 'organization';
  approval_status: 'approved';
  num_followers: number;
  package_count: number;
}

/** The organisation as embedded in a dataset (CKAN's `group_dictize` subset). */
export interface CkanPackageOrganization {
  id: string;
  name: string;
  title: string;
  type: 'organization';
  description: string;
  image_url: string;
  created: string;
  is_organization: true;
  approval_status: 'approved';
  state: 'active';
}

export interface CkanTag {
  vocabulary_id: null;
  state: 'active';
  display_name: string;
  id: string;
  name: string;
}

export interface CkanGroupRef {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_display_url: string;
}

export interface CkanResource {
  id: string;
  package_id: string;
  name: string;
  description: string;
  format: string;
  mimetype: string | null;
  mimetype_inner: null;
  url: string;
  url_type: 'upload' | null;
  created: string;
  last_modified: string | null;
  metadata_modified: string;
  position: number;
  state: 'active';
  hash: string;
  size: number | null;
  cache_url: null;
  cache_last_updated: null;
  datastore_active: boolean;
  resource_type: null;
}

export interface CkanExtra {
  key: string;
  value: string;
}

export interface CkanPackage {
  id: string;
  name: string;
  title: string;
  notes: string;
  url: string;
  version: string;
  author: string;
  author_email: string;
  maintainer: string;
  maintainer_email: string;
  license_id: string | null;
  license_title: string | null;
  license_url?: string;
  isopen: boolean;
  private: false;
  state: 'active';
  type: 'dataset';
  creator_user_id: string;
  owner_org: string | null;
  organization: CkanPackageOrganization | null;
  metadata_created: string;
  metadata_modified: string;
  num_resources: number;
  num_tags: number;
  resources: CkanResource[];
  tags: CkanTag[];
  groups: CkanGroupRef[];
  extras: CkanExtra[];
  relationships_as_object: [];
  relationships_as_subject: [];
  /** ckanext-scheming style top-level fields, present on some datasets only. */
  frequency?: string;
  temporal_start?: string;
  temporal_end?: string;
}
