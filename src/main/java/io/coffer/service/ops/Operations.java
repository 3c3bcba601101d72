package io.coffer.service.ops;

/** What the operations view reads: the server's information, its last hour, its live trace. */
public record Operations(ServerInfo info, RequestHistory history, RequestTrace trace) {}
