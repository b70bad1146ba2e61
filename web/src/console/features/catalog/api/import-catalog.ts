import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUpload, downloadUrl } from '@/lib/api-client';
import { catalogImportSchema, type CatalogImport } from '@domain/contract/catalog';

export type ImportReport = CatalogImport;
export type ImportRow = CatalogImport['rows'][number];

export interface ImportCatalogInput {
  file: File;
  dryRun: boolean;
  onUploadProgress?: (percent: number) => void;
  onUploaded?: () => void;
}

/** Sends a .json or .xlsx catalog; a dry run (预检) checks every row and writes nothing. */
export const importCatalog = ({ file, dryRun, onUploadProgress, onUploaded }: ImportCatalogInput) =>
  apiUpload('/catalog/import', file, catalogImportSchema, {
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
