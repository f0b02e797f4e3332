import { loadFileType } from './file-type-loader';

/** What may be attached, by sniffed type: the extensions a file of that type may carry. */
export const ALLOWED_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'audio/mpeg': ['mp3'],
  'audio/x-m4a': ['m4a'],
  'audio/mp4': ['m4a', 'mp4'],
  'audio/ogg': ['ogg', 'oga'],
  'audio/opus': ['opus', 'ogg'],
  'audio/wav': ['wav'],
  'audio/vnd.wave': ['wav'],
  'audio/webm': ['webm'],
  'video/webm': ['webm'],
};

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_VERSION = 5;

export type SniffResult = { ok: true; mediaType: string } | { ok: false; reason: 'unsupported' | 'extension_mismatch' };

/**
 * The type of some bytes, from their content (never the name or the browser's claim); refused when it is not on the
 * list, or when the name's extension says something else (a PNG named `.pdf`, an EXE named `.pdf`).
 */
export async function sniffFile(data: Buffer, fileName: string): Promise<SniffResult> {
  const { fileTypeFromBuffer } = await loadFileType();
  const found = await fileTypeFromBuffer(data);
  const allowed = found ? ALLOWED_TYPES[found.mime] : undefined;
  if (!found || !allowed) return { ok: false, reason: 'unsupported' };
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  if (extension !== '' && !allowed.includes(extension)) return { ok: false, reason: 'extension_mismatch' };
  // WebM holding only audio is still reported as video/webm by the sniffer; it is filed as audio.
  return { ok: true, mediaType: found.mime === 'video/webm' ? 'audio/webm' : found.mime };
}

/** A name safe to show and to put in Content-Disposition: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]+/g, '').trim();
  return (cleaned || 'file').slice(0, 255);
}
