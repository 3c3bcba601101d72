/** The bucket's cors section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'cors';

export async function render(box, bucket) {}
