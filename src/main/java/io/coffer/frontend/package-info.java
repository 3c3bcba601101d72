/**
 * What both front ends (s3 and admin) share and neither owns: an object read turned into a response
 * body, and a body of lines that come one at a time (live events, the request trace). It sits below
 * them and above http and service, so the front ends stay siblings.
 */
package io.coffer.frontend;
