/**
 * The demo's online application (issue 11 §2): on a server started in demo mode, the demo applicant applies for
 * 城乡居民养老保险待遇领取申请 at the demo township through the real use case, with a one-page PDF for each material —
 * so 网上申请预审 has something to pre-review at once. Once: nothing happens when any application exists.
 * Run by `serve` only, never by the tests' apps.
 */
import type { AppContext } from '../../server/context.js';
import { seedDemoApplicant } from '../applicants/demo.js';
import { presentItem } from '../catalog/presenter.js';
import { findItemByCode } from '../catalog/repo.js';
import { findUserByUsername } from '../users/repo.js';
import { submitApplication } from './submit.js';

/** A valid one-page PDF saying `text` (ASCII): what a scanner or a phone app would send, kept tiny. */
export function onePagePdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export async function seedDemoApplication(ctx: AppContext): Promise<string | null> {
  const { db } = ctx.database;
  if (!ctx.config.demo) return null;
  if (await db.selectFrom('applications').select('id').limit(1).executeTakeFirst()) return null;
  const clerk = await findUserByUsername(db, 'clerk');
  const item = await findItemByCode(db, 'RS-006');
  if (!clerk || !item) return null;
  const applicantId = await seedDemoApplicant(ctx);
  const materials = presentItem(item).materials;
  await submitApplication(
    ctx,
    { applicantId, sessionId: 'demo' },
    {
      itemCode: item.code,
      orgId: clerk.org_id,
      description: '本人今年满 60 周岁，申请按月领取城乡居民养老保险待遇。',
      files: materials.map((m, i) => ({ materialName: m.name, bytes: onePagePdf(`Demo material ${i + 1}`), fileName: `material-${i + 1}.pdf` })),
    },
    'demo-online-application',
  );
  return '演示网上申请';
}
