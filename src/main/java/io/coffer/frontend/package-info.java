/**
 * What both front ends (s3 and admin) share and neither owns: an object read turned into a response
 * body. It sits below them and above http and service, so the front ends stay siblings.
 */
package io.coffer.frontend;
