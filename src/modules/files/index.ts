/**
 * The file store of a running server: built once from the configuration (config.files) and registered on the
 * app context as ctx.files.
 */
import type { AppContext } from '../../server/context.js';
import type { FileStorageConfig } from '../../server/config.js';
import { folderFileStore } from './folder.js';
import { s3FileStore } from './s3.js';
import type { FileStore } from './store.js';

export type { FileStore, StoredFile } from './store.js';

/** S3 requests are dated by the machine's real clock (the bucket checks it), not by the app's clock. */
export const openFileStore = (config: FileStorageConfig): FileStore =>
  config.kind === 's3' ? s3FileStore(config) : folderFileStore(config.dir);

/** The context's file store, opened from its configuration the first time a context without one asks. */
export function filesOf(ctx: AppContext): FileStore {
  ctx.files ??= openFileStore(ctx.config.files);
  return ctx.files;
}
