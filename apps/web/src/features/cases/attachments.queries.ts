import { tokenStore } from '../../api/token-store';

export interface UploadResult {
  status: number;
  body: unknown;
}

function send(url: string, file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
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
    form.append('file', file);
    xhr.send(form);
  });
}

/** multipart upload with progress (fetch cannot report upload progress); refreshes the token once on 401. */
export async function uploadWithProgress(url: string, file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  const first = await send(url, file, onProgress);
  if (first.status !== 401 || !(await tokenStore.refresh())) return first;
  onProgress(0);
  return send(url, file, onProgress);
}
