// The S3 bucket naming rules, as the server checks them (io.coffer.service.Names).

/** The first rule `name` breaks, as a sentence, or null when the name is valid. */
export function bucketNameProblem(name) {
  if (name.length < 3) return 'A bucket name has at least 3 characters.';
  if (name.length > 63) return 'A bucket name has at most 63 characters.';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'Use only lower-case letters, digits, dots (.) and hyphens (-).';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'Begin and end with a letter or digit.';
  if (/\.\.|\.-|-\./.test(name)) return 'No two dots in a row, and no dot next to a hyphen.';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'A bucket name must not look like an IP address.';
  if (name.startsWith('xn--') || name.startsWith('sthree-')) return 'Names beginning with "xn--" or "sthree-" are reserved.';
  if (name.endsWith('-s3alias') || name.endsWith('--ol-s3')) return 'Names ending in "-s3alias" or "--ol-s3" are reserved.';
  if (name === 'coffer') return '"coffer" is reserved for Coffer\'s health checks.';
  if (name === 'minio') return '"minio" is reserved for the MinIO-compatible health checks.';
  return null;
}
