import type { PlanCommentPage, PlanCommentView } from '@marsad/contracts';
import { MEF } from '../testing/committee-fixtures';

/** A published comment on activity 2.1 (led by MEF), for specs. */
export function planComment(overrides: Partial<PlanCommentView> = {}): PlanCommentView {
  return {
    id: 'c-1',
    target: {
      type: 'activity',
      id: 'a-1',
      code: '2.1',
      title: { ar: 'نشر المعطيات', fr: 'Publier les données budgétaires', en: 'Publish budget data' },
      leadInstitution: MEF,
    },
    body: 'Quand les données seront-elles publiées ?',
    name: 'Salma',
    status: 'published',
    rejectReason: null,
    answer: null,
    createdAt: '2026-11-02T09:00:00.000Z',
    publishedAt: '2026-11-03T10:00:00.000Z',
    version: 2,
    ...overrides,
  };
}

export function commentPage(items: PlanCommentView[], page = 1, pageSize = 20): PlanCommentPage {
  return { items, total: items.length, page, pageSize };
}
