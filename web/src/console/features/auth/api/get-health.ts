import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { healthSchema } from '@domain/contract/session';

export const getHealth = () => apiRequest('/health', healthSchema, { skipAuthRedirect: true });

/** Whether the server runs with demo data (then the sign-in page shows the demo accounts). */
export const useHealth = () => useQuery({ queryKey: ['health'], queryFn: getHealth, staleTime: 5 * 60_000, retry: false });
