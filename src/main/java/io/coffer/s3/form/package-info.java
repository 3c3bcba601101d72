/**
 * Browser form uploads (POST Object): the streaming multipart/form-data reader, the form's fields,
 * and the POST policy document with its conditions.
 */
package io.coffer.s3.form;
