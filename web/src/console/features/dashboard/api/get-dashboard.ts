import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clerkDashboardSchema, directorDashboardSchema, supervisorDashboardSchema } from '@domain/contract/dashboard';
import { orgListSchema } from '@domain/contract/orgs';
import { windowListSchema } from '@domain/contract/windows';
import { apiRequest } from '@/lib/api-client';

export type { ClerkDashboard, DirectorDashboard, SupervisorDashboard, DashboardCenter, SupervisionNumbers, CaseSample, CenterSupervision } from '@domain/contract/dashboard';

// Every dashboard query sits under ['dashboard']: the live updates (features/cases/api/live-updates.ts) read them
// again whenever a case changes, like the work lists.

export const useDirectorDashboard = (enabled = true) =>
  useQuery({
    queryKey: ['dashboard', 'director'],
    queryFn: ({ signal }) => apiRequest('/dashboard/director', directorDashboardSchema, { signal }),
    enabled,
  });

export const useClerkDashboard = (enabled = true) =>
  useQuery({
    queryKey: ['dashboard', 'clerk'],
    queryFn: ({ signal }) => apiRequest('/dashboard/clerk', clerkDashboardSchema, { signal }),
    enabled,
  });

export const useSupervisorDashboard = (orgId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ['dashboard', 'supervisor', orgId ?? null],
    queryFn: ({ signal }) => apiRequest('/dashboard/supervisor', supervisorDashboardSchema, { query: { orgId }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

/** Names of the centers in the viewer's scope and of one center's windows: what the ledger's drill note says. */
export const useOrgNames = (enabled: boolean) =>
  useQuery({
    queryKey: ['dashboard', 'org-names'],
    queryFn: ({ signal }) => apiRequest('/orgs', orgListSchema, { signal }),
    select: (data) => new Map(data.orgs.map((o) => [o.id, o.centerName])),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useWindowNames = (orgId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['dashboard', 'window-names', orgId ?? null],
    queryFn: ({ signal }) => apiRequest('/windows', windowListSchema, { query: { orgId }, signal }),
    select: (data) => new Map(data.windows.map((w) => [w.id, w.name])),
    enabled,
    staleTime: 5 * 60_000,
  });
