import { api, enc } from '../../api.js';
import { h, replace } from '../../dom.js';
import { tagEditor } from '../tag-editor.js';

/** The bucket's tags section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'tags';

/** S3 allows 50 tags on a bucket. */
const MAX_BUCKET_TAGS = 50;

export async function render(box, bucket) {
  const path = `/buckets/${enc(bucket)}/tags`;
  const answer = await api('GET', path);
  replace(box,
    h('h2', {}, 'Tags'),
    h('p', { class: 'hint' }, 'Key-value labels of the bucket (cost centres, owners, environments), as S3 clients see them with GetBucketTagging.'),
    tagEditor({
      id: 'bucket-tags',
      tags: answer.tags,
      max: MAX_BUCKET_TAGS,
      what: bucket,
      save: async (tags) => (await api('PUT', path, { tags })).tags,
    }));
}
