// ESLint: typescript-eslint's recommended rules (syntax only, no type information, so it stays fast) and the
// architecture's boundaries as import rules: the server's layers (ARCHITECTURE.md) and the web console's
// features (bulletproof-react: app → pages → features → shared lib/components/hooks/config).
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundaries } from './scripts/eslint-boundaries.js';

const root = import.meta.dirname;

/** Every folder under web/src/console/features is a feature; a new one is covered without touching this file. */
const features = readdirSync(new URL('./web/src/console/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const SHARED = ['./web/src/console/lib', './web/src/console/components', './web/src/console/hooks', './web/src/console/config'];

/** Packages that do I/O or need Node: neither the pure domain nor the browser may use them. */
const serverOnlyImports = {
  paths: builtinModules.map((name) => ({
    name,
    message: 'Node 内置模块只能在服务器代码中使用（src/domain 须是纯规则，web 运行在浏览器）。',
  })),
  patterns: [
    {
      regex: '^node:',
      message: 'Node 内置模块只能在服务器代码中使用（src/domain 须是纯规则，web 运行在浏览器）。',
    },
    {
      regex: '^(kysely|better-sqlite3|pg|pg-[^/]+|croner)(/|$)',
      message: '数据库和定时任务只属于 src/db 与 src/modules，不能在 src/domain 或 web 中使用。',
    },
    {
      regex: '^(fastify|fastify-[^/]+|@fastify/[^/]+|exceljs|@node-rs/[^/]+)(/|$)',
      message: '服务器专用的包（HTTP、表格文件、密码哈希）不能在 src/domain 或 web 中使用。',
    },
  ],
};

/**
 * Browser APIs that exist only in a secure context (HTTPS or localhost). A center's console at
 * http://192.168.x.x:3000 has none of them, so web code may not use them at all.
 */
const SECURE_ONLY = '只在 HTTPS 或 localhost（安全上下文）下可用；各中心在局域网内通过 http:// 访问，页面会出错。';
const secureContextOnly = [
  { object: 'crypto', property: 'randomUUID', message: `crypto.randomUUID ${SECURE_ONLY}请用 web/src/shared/idempotency-key.ts。` },
  { object: 'crypto', property: 'subtle', message: `crypto.subtle ${SECURE_ONLY}` },
  { object: 'navigator', property: 'clipboard', message: `navigator.clipboard ${SECURE_ONLY}` },
  { object: 'navigator', property: 'serviceWorker', message: `Service Worker ${SECURE_ONLY}` },
  { object: 'navigator', property: 'geolocation', message: `定位 ${SECURE_ONLY}` },
  { object: 'navigator', property: 'mediaDevices', message: `摄像头和麦克风 ${SECURE_ONLY}` },
  { object: 'navigator', property: 'credentials', message: `Web 凭据 ${SECURE_ONLY}` },
  { object: 'window', property: 'showOpenFilePicker', message: `文件系统访问 ${SECURE_ONLY}` },
];
const secureContextGlobals = [
  { name: 'showOpenFilePicker', message: `文件系统访问 ${SECURE_ONLY}` },
  { name: 'showSaveFilePicker', message: `文件系统访问 ${SECURE_ONLY}` },
];

/** Which module owns each table: only its own code names the table in SQL (boundaries/own-tables). */
const TABLE_OWNERS = {
  orgs: ['orgs'],
  users: ['users'],
  auth: ['sessions', 'login_failures'],
  audit: ['audit_log', 'audit_chain'],
  calendar: ['calendar_years', 'calendar_days'],
  catalog: ['items', 'org_items', 'item_history'],
  windows: ['windows'],
  settings: ['settings'],
  // case_search: the FTS5 trigram table (SQLite) of the ledger search, read through raw SQL in the cases module
  cases: ['cases', 'case_states', 'case_hops', 'case_sequences', 'idempotency_keys', 'case_search'],
  events: ['case_events', 'case_event_counts', 'event_consumers'],
  agents: ['village_batches'],
  prints: ['print_records'],
  jobs: ['job_runs'],
  // rules and violations (0018), 督办 cards (0020): one module
  supervision: ['supervision_rules', 'supervision_rule_changes', 'violations', 'supervision_sweep_state', 'supervision_cards', 'supervision_card_steps', 'supervision_card_prints'],
  notifications: ['outbox_messages'],
  petitions: ['petitions', 'petition_events', 'petition_handovers', 'petition_receptions', 'petition_prints'],
  // 投诉 (0023): complaints and their timeline
  complaints: ['complaints', 'complaint_events'],
  // 好差评 (0021): ratings, window rating pads, finished cases open for rating, the rating links' key
  evaluation: ['ratings', 'rating_pads', 'rating_openings', 'evaluation_secrets', 'rating_work_orders', 'rating_work_order_steps', 'rating_work_order_sequences', 'rating_appeals'],
  // 咨询 and the items' FAQ (0025)
  consultations: ['consultations', 'consultation_events', 'item_faqs', 'item_faq_history'],
  // uploaded files by content hash and their reference counts (0028)
  files: ['files'],
  // applicant accounts of the public hall (0026)
  applicants: ['applicants', 'applicant_sessions', 'verification_codes', 'code_sends'],
  applications: ['applications', 'application_steps', 'application_files', 'evidence'],
  // 政务公开的公告 (0027)
  notices: ['notices', 'notice_versions'],
  // Open311 GeoReport v2 API keys of third parties (0030)
  open311: ['open311_keys', 'open311_tokens'],
  // 预约 (0033): slot plans, places taken, bookings
  appointments: ['appointment_plans', 'appointment_slot_counts', 'appointments'],
  // 大厅排队叫号 (0032): services, tickets and their history
  hall: ['hall_services', 'hall_tickets', 'hall_ticket_events'],
  // 考勤、请假 (0034); the 去向 kind is users.whereabouts, written through the users module
  presence: ['attendance_records', 'leave_requests'],
  // 领导带班值班表、领导接待、村固定办公日 (0035)
  duty: ['duty_rosters', 'duty_roster_days', 'duty_roster_changes', 'duty_receptions', 'village_office_days'],
  // 标准化建设 (0039): checklists, yearly rounds, answers, gaps, photos, the rounds' timeline
  standards: ['standard_checklists', 'standard_rounds', 'standard_answers', 'standard_gaps', 'standard_photos', 'standard_events'],
  // 百分制考核 (0037): rules, months, deductions and bonuses, appeals, chief representatives, closed results
  assessment: ['assessment_rules', 'assessment_months', 'assessment_items', 'assessment_appeals', 'assessment_chiefs', 'assessment_results'],
  // 月度统计与报送 (0036): the monthly reports' versions and their snapshot/submit/return/correct records
  statistics: ['monthly_reports', 'monthly_report_events'],
  // per-address request limits shared by all app processes on PostgreSQL (0044): the @fastify/rate-limit store
  'rate-limits': ['rate_limit_windows'],
  // 立卷归档 (0047): the 保管期限表, the dossiers and their 件号 counters
  archive: ['archive_retention', 'archive_dossiers', 'archive_sequences'],
};

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'test-results/', 'data/', 'coverage/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ['**/*.{js,ts,tsx}'],
    plugins: { boundaries },
    rules: {
      // Keys taken out of an object by destructuring ({ id: _id, ...rest }) are how this code omits fields.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'boundaries/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            // ---- server layers
            {
              target: './src/domain',
              from: ['./src/modules', './src/server', './src/db', './src/cli', './web', './tests'],
              message: 'src/domain 是纯领域规则：不读数据库、不依赖模块、服务器或命令行。',
            },
            {
              target: './src/db',
              from: ['./src/modules', './src/server', './src/cli'],
              message: 'src/db 在模块之下：模块使用数据库，数据库层不依赖模块。',
            },
            {
              target: './src/modules',
              from: ['./src/server/app.ts', './src/cli'],
              message: '模块不依赖应用装配（src/server/app.ts）和命令行；需要的东西由调用方传入。',
            },
            { target: './src', from: './web', message: '服务器代码不能引用前端代码。' },

            // ---- the web console may share the server's pure rules, and nothing else of it
            {
              target: './web',
              from: './src',
              except: ['./domain'],
              message: '前端只能引用 src/domain 中的纯规则。',
            },
            {
              target: './web',
              from: './src/domain/catalog/search.ts',
              message: '拼音检索（pinyin-pro 词库）只在服务器端运行，前端通过接口检索。',
            },

            // ---- the three web apps stand apart; what they share lives in web/src/shared
            { target: './web/src/console', from: ['./web/src/agent', './web/src/public'], message: '工作台不能引用代办员端或公众页面的代码；共用的放到 web/src/shared。' },
            { target: './web/src/agent', from: ['./web/src/console', './web/src/public'], message: '代办员端不能引用工作台或公众页面的代码；共用的放到 web/src/shared。' },
            { target: './web/src/public', from: ['./web/src/console', './web/src/agent'], message: '公众页面不能引用工作台或代办员端的代码；共用的放到 web/src/shared。' },
            { target: './web/src/shared', from: ['./web/src/console', './web/src/agent', './web/src/public'], message: 'web/src/shared 供三个前端共用，不能引用其中任何一个。' },

            // ---- web features (bulletproof-react)
            ...features.map((feature) => ({
              target: `./web/src/console/features/${feature}`,
              from: './web/src/console/features',
              except: [`./${feature}`],
              message: '功能模块之间不能互相引用：共用的部分放到 web/src/console 的 lib、components、hooks 或 config，由页面组合各功能。',
            })),
            {
              target: './web/src/console/features',
              from: ['./web/src/console/pages', './web/src/console/app'],
              message: '功能模块不能引用页面或应用装配。',
            },
            { target: './web/src/console/pages', from: './web/src/console/app', message: '页面不能引用应用装配（路由、布局）。' },
            {
              target: SHARED,
              from: ['./web/src/console/features', './web/src/console/pages', './web/src/console/app'],
              message: 'web/src/console 的 lib、components、hooks、config 是共用层，不能引用功能模块、页面或应用装配。',
            },
          ],
        },
      ],
    },
  },

  {
    files: ['src/modules/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/own-tables': ['error', { basePath: root, owners: TABLE_OWNERS }] },
  },

  // Plain JavaScript (this file) is checked for undefined names, which needs the environment's globals.
  { files: ['**/*.js'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', serverOnlyImports],
      // Centers open the console over plain HTTP on a LAN address: no secure context, so these are undefined there.
      'no-restricted-properties': ['error', ...secureContextOnly],
      'no-restricted-globals': ['error', ...secureContextGlobals],
    },
  },
  {
    // The one exception (issue 8 §4): the village agent app's offline queue registers its service worker here, and
    // only after window.isSecureContext says the page is HTTPS or localhost; over plain HTTP it is never touched.
    files: ['web/src/agent/offline/register-worker.ts'],
    rules: { 'no-restricted-properties': ['error', ...secureContextOnly.filter((rule) => rule.property !== 'serviceWorker')] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', serverOnlyImports] },
  },
]);
