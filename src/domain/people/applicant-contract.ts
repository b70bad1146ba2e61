/**
 * What the server answers about applicant accounts (/api/public/applicants*, /api/public/session, /api/public/me;
 * API.md "v1 additions", public hall). Nothing here ever carries a verification code or a password; the account
 * is shown masked (the phone in a pocket may be a relative's).
 */
import { z } from 'zod';
import { APPLICANT_KINDS, CODE_PURPOSES } from './applicant-account.js';
import { PASSWORD_POLICIES } from './password.js';

/** POST /api/public/applicants/codes → 202 */
export const codeSentSchema = z.object({
  /** 138****5678 */
  phone: z.string(),
  purpose: z.enum(CODE_PURPOSES),
  expiresInSeconds: z.number(),
  /** when the next code may be asked for */
  resendAfterSeconds: z.number(),
  /** false: no SMS provider is configured; the message waits in the outbox, where the administrator can read it */
  smsConfigured: z.boolean(),
});
export type CodeSent = z.infer<typeof codeSentSchema>;

export const applicantSchema = z.object({
  id: z.string(),
  kind: z.enum(APPLICANT_KINDS),
  /** 王** / 柳河****作社 */
  nameMasked: z.string(),
  /** 138****5678 */
  phoneMasked: z.string(),
  /** 1101**********002X: the ID number or the credit code */
  numberMasked: z.string(),
  realNameVerified: z.boolean(),
  realNameVerifiedAt: z.string().nullable(),
  /** which check the number passed: GB 11643 (ID number) or GB 32100 (credit code) */
  realNameMethod: z.enum(['gb11643', 'gb32100']).nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type ApplicantView = z.infer<typeof applicantSchema>;

/** POST /api/public/applicants (201), POST /api/public/session, GET /api/public/me, password reset */
export const applicantSessionSchema = z.object({ applicant: applicantSchema });
export type ApplicantSession = z.infer<typeof applicantSessionSchema>;

/** GET /api/public/applicants/password-rule: the rule in one line for the form; the server checks it in full */
export const passwordRuleSchema = z.object({ policy: z.enum(PASSWORD_POLICIES), minLength: z.number(), hint: z.string() });
export type PasswordRule = z.infer<typeof passwordRuleSchema>;
