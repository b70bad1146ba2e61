/**
 * The requests of 网上申请 and 我的办件 (issue 11 §2): the apply form of an item, submitting with the materials as files,
 * the applicant's applications, one application, uploading what a one-time notice asked for, withdrawing. Answers
 * have the server's declared shape (src/domain/contract/applications.ts); no schema library, to stay small on phones.
 */
import type { ApplicationDetail, ApplicationView } from '@domain/contract/applications';
import type { ApplicantPaper, ApplicantPrintedPaper } from '@domain/contract/papers';
import type { Progress } from '@domain/contract/progress';
import { createApiClient, isApiError } from '@shared/api-client';

export type { ApplicantPaper, ApplicantPrintedPaper, ApplicationDetail, ApplicationView, Progress };

export interface ApplyForm {
  itemCode: string;
  itemName: string;
  onlineAllowed: boolean;
  centers: { id: string; name: string }[];
  materials: { name: string; main: boolean; promisable: boolean; onFile: ApplicationDetail['materials'][number]['onFile'] }[];
}

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试；已选择的文件不会丢失，可以再点一次提交。' });

export type Answer<T> = { ok: true; value: T } | { ok: false; title: string; status: number };

async function attempt<T>(work: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return isApiError(error) ? { ok: false, title: error.title, status: error.status } : { ok: false, title: '系统暂时无法办理，请稍后再试。', status: 0 };
  }
}

export const getApplyForm = (itemCode: string) => attempt(() => client.request<ApplyForm>(`/public/items/${encodeURIComponent(itemCode)}/apply`, { quiet401: true }));

/** The files of a form: `material-<n>` for the n-th material of the item's list. */
export function materialsForm(fields: Record<string, string>, files: ReadonlyMap<number, File>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [i, file] of files) form.append(`material-${i}`, file, file.name);
  return form;
}

export const submitApplication = (form: FormData, idempotencyKey: string) =>
  attempt(() => client.request<ApplicationDetail>('/public/applications', { method: 'POST', body: form, idempotencyKey, quiet401: true }));

export const myApplications = () => attempt(() => client.request<{ applications: ApplicationView[]; total: number }>('/public/applications', { query: { pageSize: 50 }, quiet401: true }));

export const myApplication = (id: string) => attempt(() => client.request<ApplicationDetail>(`/public/applications/${encodeURIComponent(id)}`, { quiet401: true }));

export const resubmit = (id: string, form: FormData) =>
  attempt(() => client.request<ApplicationDetail>(`/public/applications/${encodeURIComponent(id)}/resubmit`, { method: 'POST', body: form, quiet401: true }));

export const withdraw = (id: string, expectedVersion: number) =>
  attempt(() => client.request<ApplicationDetail>(`/public/applications/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: { expectedVersion }, quiet401: true }));

/** 我的办件: the cases whose ID number and phone are the account's, with their public progress. */
export const myCases = () => attempt(() => client.request<{ cases: Progress[] }>('/public/my-cases', { quiet401: true }));

/** 我的办件: the papers (文书) the center printed for one of the applicant's cases, and one of them as printed. */
export const myCasePapers = (caseNo: string) => attempt(() => client.request<{ papers: ApplicantPaper[]; total: number }>(`/public/my-cases/${encodeURIComponent(caseNo)}/papers`, { quiet401: true }));

export const myCasePaper = (caseNo: string, printId: string) =>
  attempt(() => client.request<ApplicantPrintedPaper>(`/public/my-cases/${encodeURIComponent(caseNo)}/papers/${encodeURIComponent(printId)}`, { quiet401: true }));
