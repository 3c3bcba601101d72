package io.coffer.admin.api;

import io.coffer.http.HttpResponse;
import java.io.IOException;

/** One endpoint of the management API. */
@FunctionalInterface
interface ApiHandler {
  HttpResponse handle(ApiRequest request) throws IOException;
}
