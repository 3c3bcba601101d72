/** The bucket's tags section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'tags';

export async function render(box, bucket) {}
