/**
 * What an uploaded file is, told by its content (the magic bytes at its start), never by its name: a photo
 * renamed to .pdf is still a photo, and a program renamed to .jpg is not a photo. Pure: bytes in, verdict out.
 *
 *   PDF   25 50 44 46 2D            "%PDF-"
 *   JPEG  FF D8 FF                  SOI marker followed by the next marker's FF
 *   PNG   89 50 4E 47 0D 0A 1A 0A   the PNG signature
 */
export const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** What a clerk calls each type in a message. */
export const FILE_TYPE_NAMES: Record<FileType, string> = {
  'application/pdf': 'PDF 文件',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
};

const SIGNATURES: readonly { type: FileType; magic: readonly number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type the content shows, or null when it is none of the types we accept. */
export function sniffType(bytes: Uint8Array): FileType | null {
  for (const { type, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

const EXTENSIONS: Record<string, FileType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
};

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** How large, and which types, one use of uploads accepts (a staff photo, a case's material …). */
export interface UploadLimits {
  /** what the upload is, in the message: “人员照片” */
  purpose: string;
  maxBytes: number;
  types: readonly FileType[];
}

export type UploadVerdict =
  | { ok: true; type: FileType }
  | { ok: false; code: 'FILE_EMPTY' | 'FILE_TOO_LARGE' | 'FILE_TYPE_UNKNOWN' | 'FILE_TYPE_NOT_ALLOWED' | 'FILE_NAME_MISMATCH'; message: string; status: number };

/** “2 MB”, “500 KB”: a limit as a clerk reads it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

const typeList = (types: readonly FileType[]) => types.map((t) => FILE_TYPE_NAMES[t]).join('或 ');

/**
 * Whether an upload may be kept: not empty, within the size limit, of an accepted type by its content, and its
 * declared name (when it has an extension) saying the same type as the content. `declaredName` may be omitted.
 */
export function checkUpload(bytes: Uint8Array, limits: UploadLimits, declaredName?: string | null): UploadVerdict {
  if (bytes.length === 0) return { ok: false, code: 'FILE_EMPTY', message: `上传的${limits.purpose}是空文件，请重新选择文件。`, status: 400 };
  if (bytes.length > limits.maxBytes) {
    return {
      ok: false,
      code: 'FILE_TOO_LARGE',
      message: `${limits.purpose}不能超过 ${sizeText(limits.maxBytes)}，请压缩或缩小后重新上传。`,
      status: 413,
    };
  }
  const type = sniffType(bytes);
  if (type === null) {
    return {
      ok: false,
      code: 'FILE_TYPE_UNKNOWN',
      message: `无法识别该文件的内容，${limits.purpose}只接受 ${typeList(limits.types)}。请确认文件没有损坏，或换一个文件上传。`,
      status: 415,
    };
  }
  if (!limits.types.includes(type)) {
    return {
      ok: false,
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: `该文件是 ${FILE_TYPE_NAMES[type]}，${limits.purpose}只接受 ${typeList(limits.types)}。`,
      status: 415,
    };
  }
  const extension = declaredName ? extensionOf(declaredName) : '';
  if (extension) {
    const named = EXTENSIONS[extension];
    if (named !== type) {
      return {
        ok: false,
        code: 'FILE_NAME_MISMATCH',
        message: `文件名“${declaredName}”的扩展名是 .${extension}，但文件内容是 ${FILE_TYPE_NAMES[type]}，两者不符。请确认选对了文件；如果是改过扩展名的文件，请用原始文件上传。`,
        status: 415,
      };
    }
  }
  return { ok: true, type };
}

/** The limits of each use of uploads. */
export const UPLOAD_LIMITS = {
  /** a staff member's photo on the 政务公开 pages */
  staffPhoto: { purpose: '人员照片', maxBytes: 2 * 1024 * 1024, types: ['image/jpeg', 'image/png'] },
  /** an applicant's material (online application, later) */
  material: { purpose: '申请材料', maxBytes: 10 * 1024 * 1024, types: ['application/pdf', 'image/jpeg', 'image/png'] },
} as const satisfies Record<string, UploadLimits>;
