import { DomainError } from '../domain/errors.js';
import { PERMISSION_NAMES, PERMISSIONS, refusalAdvice, type Permission, type Role } from '../domain/roles.js';

/**
 * Errors the HTTP layer knows how to answer. Each carries a stable code and a Chinese title that tells the
 * person at the screen what to do next; the error handler turns them into application/problem+json.
 */
export class HttpError extends DomainError {}

export const notFound = (what: string) =>
  new HttpError('NOT_FOUND', `未找到${what}，请检查后重试。`, undefined, 404);

export const unauthenticated = () =>
  new HttpError('UNAUTHENTICATED', '登录已失效，请重新登录。', undefined, 401);

/** `advice`: what to do next; the default suits a refusal of ordinary staff (see refusalAdvice for who is told what). */
export const forbidden = (what = '执行此操作', advice = '如确需办理，请联系安全管理员调整角色。') =>
  new HttpError('FORBIDDEN', `您没有${what}的权限。${advice}`, undefined, 403);

/** A refusal for lack of a permission, naming the right person to turn to for the one refused (三员分立). */
export const forbiddenPermission = (actorRoles: readonly Role[], permission: Permission) =>
  forbidden(PERMISSION_NAMES[permission], refusalAdvice(actorRoles, PERMISSIONS[permission]));

export const versionConflict = () =>
  new HttpError('VERSION_CONFLICT', '该记录已被他人修改，请刷新页面查看最新内容后再提交。', undefined, 409);

export const duplicate = (what: string) =>
  new HttpError('DUPLICATE', `${what}已存在，请换一个后重试。`, undefined, 409);
