/** What the server answers about the deployment's settings (/api/settings*). */
import { z } from 'zod';
import { levelNamesSchema } from './common.js';

export { levelNamesSchema };

/** GET/PUT /api/settings: the public address every QR code opens, the supervision phone, the 补正 period. */
export const settingsSchema = z.object({
  publicUrl: z.string().nullable(),
  /** env: PUBLIC_URL on the server decides it, and the settings page cannot change it */
  publicUrlSource: z.enum(['env', 'settings']).nullable(),
  supervisionPhone: z.string().nullable(),
  supplementDays: z.number().int(),
  levelNames: levelNamesSchema,
  /** NODE_ENV=production: an unset public address is a fault there, not a demo's gap */
  production: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
