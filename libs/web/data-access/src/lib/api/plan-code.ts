/** The plan this dashboard follows; `/:lang` shows it. */
export const DEFAULT_PLAN_CODE = 'PANDO-2021';
