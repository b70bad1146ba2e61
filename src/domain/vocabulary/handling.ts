/** Who stood at the counter (DOMAIN.md rule 11). */
import type { HandlingMode } from '../cases/presence.js';

/** The applicant in person, an agent with a signed authorisation (代办), or an agent helping (帮办). */
export const HANDLING_MODE_NAMES: Record<HandlingMode, string> = {
  proxy: '代办',
  help: '帮办',
  in_person: '申请人本人办理',
};
