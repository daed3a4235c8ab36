import { API_URL } from '../providers/dataProvider';

export type ImportKind = 'clients' | 'volunteers';
export const IMPORT_KINDS: readonly ImportKind[] = ['clients', 'volunteers'];

export type ImportError = { row: number; column?: string | null; message: string };

/** POST /api/imports/<kind>: the same shape for a dry run, a real import and a refused one (400). */
export type ImportResult = {
  dry_run: boolean;
  total_rows: number;
  valid_rows: number;
  errors: ImportError[];
  /** Possible duplicates (same phone, e-mail, or name and kana): an import needs them accepted first. */
  warnings?: ImportError[];
  preview: Record<string, unknown>[];
  created?: number | unknown[];
};

export type UploadOutcome = { result: ImportResult } | { status: number; message: string };

const isImportResult = (body: unknown): body is ImportResult =>
  !!body && typeof body === 'object' && 'total_rows' in body && Array.isArray((body as ImportResult).errors);

export const createdCount = (result: ImportResult): number =>
  typeof result.created === 'number' ? result.created : Array.isArray(result.created) ? result.created.length : 0;

/**
 * XMLHttpRequest rather than fetch: only it reports upload progress, which is what the
 * progress bar shows for a large file. The raw bytes are sent; the server decodes them.
 */
export const uploadCsv = (
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  onProgress: (fraction: number) => void,
  acceptDuplicates = false,
) =>
  new Promise<UploadOutcome>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_URL}/imports/${kind}?dry_run=${dryRun}${acceptDuplicates ? '&accept_duplicates=true' : ''}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): reported below by status.
      }
      if (isImportResult(body)) resolve({ result: body });
      else resolve({ status: xhr.status, message: (body as { message?: string } | null)?.message ?? xhr.statusText });
    };
    xhr.onerror = () => reject(new Error('ra.notification.http_error'));
    xhr.send(file);
  });
