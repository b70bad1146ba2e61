import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ACTIONS } from '../../src/domain/applications/application.js';
import { AUDIT_ACTION_NAMES, auditDetailText, auditReferences, type AuditEntryView, type AuditNames } from '../../src/domain/audit.js';

const QIAN = '4d7cf0fc-a2fc-4b1e-9c39-000000000001';
const WANG = '4d7cf0fc-a2fc-4b1e-9c39-000000000002';
const ORG = 'cfa947ea-0000-4000-8000-000000000001';
const WIN = '7a0c1b2d-0000-4000-8000-000000000001';
const ADMIN = '11111111-0000-4000-8000-000000000001';

const names: AuditNames = {
  person: (id) => ({ [QIAN]: { name: '钱多多', username: 'qa2clerk' }, [WANG]: { name: '王晓燕', username: 'wangxy' } })[id],
  org: (id) => (id === ORG ? '柳河镇便民服务中心' : undefined),
  window: (id) => (id === WIN ? '3号窗口' : undefined),
  request: (method, path) => (method === 'POST' && /^\/api\/users\/[^/]+\/unlock$/.test(path) ? '解除锁定' : undefined),
  timeZone: 'Asia/Shanghai',
  lockMinutes: 15,
};
const entry = (action: string, targetType: string, targetId: string | null, detail: unknown, at?: string): AuditEntryView => ({
  action, userId: ADMIN, targetType, targetId, detail, ...(at && { at }),
});

describe('an audit entry in words', () => {
  it('names people, roles, centers and windows instead of ids', () => {
    expect(auditDetailText(entry('user.create', 'user', QIAN, { username: 'qa2clerk', roles: ['clerk'], orgId: ORG }), names)).toBe(
      '新建人员账号 qa2clerk（钱多多），角色：窗口工作人员，机构：柳河镇便民服务中心',
    );
    expect(auditDetailText(entry('window.update', 'window', WIN, { expectedVersion: 3, postBUserId: WANG }), names)).toBe('3号窗口：B岗改为 王晓燕（wangxy）');
    expect(auditDetailText(entry('window.update', 'window', WIN, { expectedVersion: 3, postAUserId: null, active: false }), names)).toBe('3号窗口：取消A岗，停用');
    expect(auditDetailText(entry('user.resetPassword', 'user', QIAN, null), names)).toBe('重置 钱多多（qa2clerk）的密码');
    expect(auditDetailText(entry('user.unlock', 'user', QIAN, null), names)).toBe('解除 钱多多（qa2clerk）的锁定');
    expect(auditDetailText(entry('user.update', 'user', QIAN, { expectedVersion: 2, roles: ['clerk', 'leader'], orgId: ORG }), names)).toBe(
      '修改 钱多多（qa2clerk）：角色改为 窗口工作人员、带班领导，机构改为 柳河镇便民服务中心',
    );
    // an account deleted since is still said to be one, not shown as a bare id
    expect(auditDetailText(entry('user.unlock', 'user', ADMIN.replace('1111', '9999'), null), names)).toBe('解除 已不存在的人员（编号 99991111）的锁定');
  });

  it('says until when a name was locked, and why a request was refused', () => {
    expect(auditDetailText(entry('auth.locked', 'user', null, { username: 'nosuchuser' }, '2026-12-07T10:22:00.000Z'), names)).toBe(
      '用户名 nosuchuser 连续输错密码，锁定至 18:37',
    );
    const refusal = { method: 'POST', path: `/api/users/${QIAN}/unlock`, code: 'SEPARATION_OF_DUTIES' };
    expect(auditDetailText(entry('http.forbidden', 'request', null, refusal), names)).toBe('被拒绝：解除锁定（按三员分立须由安全管理员办理）');
    expect(
      auditDetailText(entry('http.forbidden', 'request', null, { ...refusal, title: '您没有解除账号锁定的权限：按三员分立，这项工作由安全管理员办理。' }), names),
    ).toBe('被拒绝：解除锁定（按三员分立，这项工作由安全管理员办理）');
    expect(
      auditDetailText(entry('http.forbidden', 'request', null, { method: 'GET', path: '/api/users', code: 'FORBIDDEN', title: '您没有查看人员名单的权限。如确需办理，请联系安全管理员调整角色。' }), {
        request: () => '人员名单',
      }),
    ).toBe('被拒绝：人员名单（没有查看人员名单的权限）');
  });

  it('never shows an id it was able to name, nor a JSON record', () => {
    const ids = [QIAN, WANG, ORG, WIN];
    const idKeys = ['userId', 'orgId', 'windowId', 'postAUserId', 'postBUserId'];
    const actions = ['user.create', 'user.update', 'window.update', 'leave.end', 'duty.roster.change', 'assessment.chief', 'org.update', 'some.future'];
    fc.assert(
      fc.property(
        fc.constantFrom(...actions),
        fc.constantFrom('user', 'window', 'org', 'leave'),
        fc.constantFrom(...ids),
        fc.dictionary(fc.constantFrom(...idKeys), fc.oneof(fc.constantFrom(...ids), fc.constant(null))),
        fc.string({ maxLength: 5 }),
        (action, targetType, targetId, detail, note) => {
          const view = entry(action, targetType, targetId, { username: 'qa2clerk', note, ...detail });
          // whatever is referenced is looked up: a name that was found replaces its id
          const refs = auditReferences([view]);
          const text = auditDetailText(view, names);
          for (const id of [...refs.people, ...refs.orgs, ...refs.windows]) expect(text).not.toContain(id);
          expect(text).not.toMatch(/^\{/);
        },
      ),
    );
  });
});

describe('the names of audited application steps', () => {
  it('every step of an online application (recorded as application.<action>) and its refusal review has a Chinese name', () => {
    for (const action of [...APPLICATION_ACTIONS, 'refusal-review', 'refusal-answer']) {
      expect(AUDIT_ACTION_NAMES[`application.${action}`], action).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('立卷归档 entries in words', () => {
  it('a filing names the 档号, the case, the period by its name and the registered figures', () => {
    const detail = { archiveNo: '410899101-2026-D30-0001', caseNo: 'BM20260303-0001', period: '30y', fileCount: 3, totalBytes: 20480, manifestSha256: 'ab'.repeat(32) };
    expect(auditDetailText(entry('archive.file', 'archive_dossier', WIN, detail), names)).toBe(
      `档号：410899101-2026-D30-0001，办件编号：BM20260303-0001，保管期限：30年，文件数：3，总字节数：20480，清单摘要：${'ab'.repeat(32)}`,
    );
  });

  it('an integrity check says 通过 or 不一致 and what it found', () => {
    expect(auditDetailText(entry('archive.check', 'archive_dossier', WIN, { archiveNo: 'A-2026-Y-0002', ok: true, problems: [] }), names)).toBe(
      '档号：A-2026-Y-0002，检测结果：通过，发现的问题：（无）',
    );
    expect(auditDetailText(entry('archive.check', 'archive_dossier', WIN, { archiveNo: 'A-2026-Y-0002', ok: false, problems: ['缺少文件“申请表.pdf”', '案卷清单的 SHA-256 与登记不符'] }), names)).toBe(
      '档号：A-2026-Y-0002，检测结果：不一致，发现的问题：缺少文件“申请表.pdf”；案卷清单的 SHA-256 与登记不符',
    );
  });

  it('a change of a center’s 保管期限表 names the center, the item and the old and new period', () => {
    const detail = { orgId: ORG, orgName: '柳河镇便民服务中心', itemCode: 'MZ-003', itemName: '临时救助', from: '30y', fromDefault: true, to: '10y' };
    expect(auditDetailText(entry('archive.retention', 'item', 'MZ-003', detail), names)).toBe('中心：柳河镇便民服务中心，事项编码：MZ-003，事项：临时救助，保管期限：30年（默认）改为 10年');
    expect(auditDetailText(entry('archive.retention', 'item', 'MZ-003', { ...detail, from: '10y', fromDefault: false, to: 'permanent' }), names)).toBe(
      '中心：柳河镇便民服务中心，事项编码：MZ-003，事项：临时救助，保管期限：10年改为 永久',
    );
    for (const key of ['archiveNo', 'period', 'fileCount', 'orgName', 'itemCode', 'from', 'to', 'ok', 'problems']) {
      expect(auditDetailText(entry('archive.retention', 'item', 'MZ-003', detail), names)).not.toContain(`${key}：`);
    }
  });
});
