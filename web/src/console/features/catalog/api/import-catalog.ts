import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiUpload, downloadUrl } from '@/lib/api-client';

const importRowSchema = z.object({
  row: z.number(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'refused']),
  errors: z.array(z.string()),
});
export type ImportRow = z.infer<typeof importRowSchema>;

const importReportSchema = z.object({
  dryRun: z.boolean().optional(),
  accepted: z.number(),
  refused: z.number(),
  rows: z.array(importRowSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export interface ImportCatalogInput {
  file: File;
  dryRun: boolean;
  onUploadProgress?: (percent: number) => void;
  onUploaded?: () => void;
}

/** Sends a .json or .xlsx catalog; a dry run (预检) checks every row and writes nothing. */
export const importCatalog = ({ file, dryRun, onUploadProgress, onUploaded }: ImportCatalogInput) =>
  apiUpload('/catalog/import', file, importReportSchema, {
    fields: { dryRun: dryRun ? 'true' : 'false' },
    onUploadProgress,
    onUploaded,
  });

export function useImportCatalog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCatalog,
    onSuccess: (_report, input) => {
      if (!input.dryRun) void queryClient.invalidateQueries({ queryKey: ['items'] });
    },
  });
}

export const templateUrl = downloadUrl('/catalog/template.xlsx');
export const exportUrl = downloadUrl('/catalog/export.xlsx');
