// The route walk's entries for posts' states and roadmaps. The walk's officers are of KANIM-KUPANG and Pos Rote Ndao
// is one of its posts, normalised: its head may revitalise it and keep its roadmap; every other role of the office
// (its admins too: state decisions are the Kanwil's admins') is refused. The Kanwil's own rights are in
// src/units/roadmap.test.ts.
import { Entry, anyId } from './authz-entry.ts';

const post = 'POS-ROTE-NDAO';
const keepers = ['head_of_office'] as const;
const stateChange = { step: 'revitalise', effectiveOn: '2025-03-03', note: 'Evaluasi semester' };
const milestone = { title: 'Renovasi gedung pos', targetQuarter: '2026-Q3' };

export const postRoutes: Record<string, Entry> = {
  'GET /api/v1/units/:code/roadmap': { access: 'public', url: () => `/api/v1/units/${post}/roadmap` },
  'POST /api/v1/units/:code/state': {
    access: keepers,
    url: () => `/api/v1/units/${post}/state`,
    body: () => stateChange,
    mutates: true,
  },
  'POST /api/v1/units/:code/milestones': {
    access: keepers,
    url: () => `/api/v1/units/${post}/milestones`,
    body: () => milestone,
    mutates: true,
  },
  'POST /api/v1/units/:code/milestones/:id/actions': {
    access: keepers,
    url: () => `/api/v1/units/${post}/milestones/${anyId}/actions`,
    body: () => ({ step: 'done', on: '2025-03-03' }),
  },
  'GET /admin/units/:code/roadmap': { access: keepers, url: () => `/admin/units/${post}/roadmap` },
  'POST /admin/units/:code/state': {
    access: keepers,
    url: () => `/admin/units/${post}/state`,
    form: () => stateChange,
    mutates: true,
  },
  'POST /admin/units/:code/milestones': {
    access: keepers,
    url: () => `/admin/units/${post}/milestones`,
    form: () => milestone,
    mutates: true,
  },
  'POST /admin/units/:code/milestones/:id': {
    access: keepers,
    url: () => `/admin/units/${post}/milestones/${anyId}`,
    form: () => ({ step: 'done', on: '2025-03-03' }),
  },
};
