import type { Rule } from 'antd/es/form';
import { passwordHint, passwordProblem, type PasswordPolicy } from '@domain/people/password';

/**
 * The server's own password rule (src/domain/people/password.ts) for the deployment's policy, checked in the
 * form before sending; the server checks again. Used wherever a password is set: one's own, a new account, a reset.
 */
export function passwordRules(policy: PasswordPolicy | null | undefined, username?: string): Rule[] {
  return [
    { required: true, message: '请输入密码' },
    {
      validator: async (_, value?: string) => {
        // the demo password is the server's call (allowed only in demo mode): the form does not guess the mode
        const problem = value ? passwordProblem(value, { policy: policy ?? 'dengbao', username, demo: true }) : null;
        if (problem) throw new Error(problem.replace(/。$/, ''));
      },
    },
  ];
}

export const passwordRuleHint = (policy: PasswordPolicy | null | undefined) => passwordHint(policy ?? 'dengbao');
