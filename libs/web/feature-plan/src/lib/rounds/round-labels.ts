import type { ObligationStatus, RoundState } from '@marsad/contracts';

// Literal keys, so the translation check can see them.
export const ROUND_STATE_KEYS: Record<RoundState, string> = {
  scheduled: 'rounds.state.scheduled',
  open: 'rounds.state.open',
  closed: 'rounds.state.closed',
};

export const OBLIGATION_STATUS_KEYS: Record<ObligationStatus, string> = {
  owed: 'rounds.obligation.owed',
  submitted: 'rounds.obligation.submitted',
  validated: 'rounds.obligation.validated',
  returned: 'rounds.obligation.returned',
  confirmed: 'rounds.obligation.confirmed',
};

export const CONFIRMATION_KEYS = {
  officers: 'rounds.confirm.officers',
  inventory: 'rounds.confirm.inventory',
} as const;

export const FILTER_KEYS = {
  '': 'rounds.filter.all',
  missing: 'rounds.filter.missing',
  late: 'rounds.filter.late',
  returned: 'rounds.filter.returned',
  complete: 'rounds.filter.complete',
} as const;

export const INVOLVEMENT_KEYS = {
  lead: 'home.involvement.lead',
  contributor: 'home.involvement.contributor',
} as const;
