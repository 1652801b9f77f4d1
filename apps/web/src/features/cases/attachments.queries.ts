import type { Schemas } from '@poa/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { tokenStore } from '../../api/token-store';
import { useCaseKeys } from './cases.queries';
import { fileNameFrom, saveBlob } from './save-blob';

export type Attachment = Schemas['AttachmentDto_Output'];
const MAX_BYTES = 20 * 1024 * 1024;

/** The evidence files of a case. */
export function useAttachments(caseId: string) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: [...keys.detail(caseId), 'attachments'],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/attachments', { params: { path: { id: caseId } } })),
  });
}

/** Downloads an evidence file and offers it to the user. */
export function useDownloadAttachment(caseId: string) {
  return useMutation({
    mutationFn: async (attachment: Attachment) => {
      const { data, response } = await api.GET('/api/v1/cases/{id}/attachments/{attachmentId}', {
        params: { path: { id: caseId, attachmentId: attachment.id } },
        parseAs: 'blob',
      });
      if (!response.ok || !(data instanceof Blob)) throw ApiError.from(response.status, null);
      saveBlob(data, fileNameFrom(response, attachment.fileName));
    },
  });
}

/** Uploads an evidence file (up to 20 MB), reporting its progress from 0 to 1, and null once it has ended. */
export function useUploadAttachment(
  caseId: string,
  { onProgress, onUploaded }: { onProgress: (fraction: number | null) => void; onUploaded: (attachment: Attachment) => void },
) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: File | { file: File; evidenceKey: string }) => {
      const { file, evidenceKey } = input instanceof File ? { file: input, evidenceKey: undefined } : input;
      if (file.size > MAX_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The file is larger than 20 MB', null);
      onProgress(0);
      const fields: Record<string, string> = evidenceKey ? { evidenceKey } : {};
      const result = await uploadWithProgress(`/api/v1/cases/${encodeURIComponent(caseId)}/attachments`, file, fields, onProgress);
      if (result.status < 200 || result.status >= 300) throw ApiError.from(result.status, result.body);
      return result.body as Attachment;
    },
    onSuccess: (attachment) => {
      onUploaded(attachment);
      void queryClient.invalidateQueries({ queryKey: keys.detail(caseId) });
    },
    onSettled: () => onProgress(null),
  });
}

interface UploadResult {
  status: number;
  body: unknown;
}

function send(url: string, file: File, fields: Record<string, string>, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    if (tokenStore.accessToken) xhr.setRequestHeader('Authorization', `Bearer ${tokenStore.accessToken}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new TypeError('The upload failed: the server could not be reached'));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}

/** multipart upload with progress (fetch cannot report upload progress); refreshes the token once on 401. */
async function uploadWithProgress(
  url: string,
  file: File,
  fields: Record<string, string>,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  const first = await send(url, file, fields, onProgress);
  if (first.status !== 401 || !(await tokenStore.refresh())) return first;
  onProgress(0);
  return send(url, file, fields, onProgress);
}
