import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const healthSchema = z.object({ status: z.string(), db: z.string().optional(), demo: z.boolean().optional() });

export const getHealth = () => apiRequest('/health', healthSchema, { skipAuthRedirect: true });

/** Whether the server runs with demo data (then the sign-in page shows the demo accounts). */
export const useHealth = () => useQuery({ queryKey: ['health'], queryFn: getHealth, staleTime: 5 * 60_000, retry: false });
