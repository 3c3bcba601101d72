// Multipart uploads this browser has started and not finished, kept in localStorage so that a
// page reload (or a closed tab) does not lose them: after it, the console offers to resume each
// one once the user picks the same file again. Only what identifies the upload and the file is
// kept — never the file's bytes, never a credential.
const KEY = 'coffer.pendingUploads';

/** The remembered uploads: [{uploadId, bucket, key, name, size, lastModified, partSize, startedAt}]. */
export function pendingUploads() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    return []; // unreadable: nothing to offer rather than a broken page
  }
}

export function rememberUpload(record) {
  const list = pendingUploads().filter((r) => r.uploadId !== record.uploadId);
  list.push(record);
  localStorage.setItem(KEY, JSON.stringify(list));
}

export function forgetUpload(uploadId) {
  localStorage.setItem(KEY, JSON.stringify(pendingUploads().filter((r) => r.uploadId !== uploadId)));
}

/** Whether a file picked to resume is the one that was being uploaded. */
export function isSameFile(record, file) {
  return file.name === record.name && file.size === record.size && file.lastModified === record.lastModified;
}
