/**
 * S3 request and response bodies in XML. Requests are read with a locked-down StAX parser (no DTDs,
 * no entities, bounded size) into small records; every kind of bad input is reported as
 * MalformedXML. Responses are written by a streaming writer that encodes straight to UTF-8 bytes.
 */
package io.coffer.s3.xml;
