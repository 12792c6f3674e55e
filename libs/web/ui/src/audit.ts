// The audit trail's pieces: loaded only with the pages that show it.
export * from './lib/audit/audit-format';
export * from './lib/audit/audit-event-list';
export * from './lib/paging/pager';
