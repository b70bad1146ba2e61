import type { Rule } from 'antd/es/form';
import { passwordProblem } from '../../../../../src/domain/people/password';

/** The server's own strength rule (src/domain), checked before sending. */
export const passwordRules: Rule[] = [
  { required: true, message: '请输入密码' },
  {
    validator: async (_, value?: string) => {
      const problem = value ? passwordProblem(value) : null;
      if (problem) throw new Error(problem.replace(/。$/, ''));
    },
  },
];
