export {
  Catalogue,
  formatCkanDate,
  slugify,
  type AddOptions,
  type FixtureOptions,
  type MutationOptions,
  type OrganizationRecord,
} from './catalogue';
export {
  Actions,
  DEFAULT_SEARCH_SORT,
  ORG_LIST_ALL_FIELDS_MAX,
  ORG_LIST_MAX,
  ROWS_MAX,
  type ActionResult,
  type Params,
} from './actions';
export type {
  FaultKind,
  FaultRule,
  Faults,
  Http500Rule,
  SuccessFalseRule,
  TimeoutRule,
  TruncatedJsonRule,
} from './faults';
export {
  CkanFixtureHandler,
  startCkanFixtureServer,
  type CkanFixtureServer,
  type RequestLog,
  type StartOptions,
} from './server';
export type * from './types';
