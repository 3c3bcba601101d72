/** The bucket's quota section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'quota';

export async function render(box, bucket) {}
