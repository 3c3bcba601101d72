/** The bucket's lifecycle section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'lifecycle';

export async function render(box, bucket) {}
