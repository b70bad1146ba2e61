// The case as the server answers it: the contract's own zod schemas (src/domain/contract/cases.ts), which the
// server also registers as its routes' response schemas. Statuses and kinds are the domain's; names the vocabulary's.
export { caseListSchema, caseSchema, caseSummarySchema, lightCountsSchema, type Case, type CaseSummary } from '@domain/contract/cases';
export { CASE_STATUSES, SIX_KINDS, type CaseAction, type CaseStatus, type SixKind } from '@domain/cases/model';
export { LIGHTS, type Light } from '@domain/cases/light';
