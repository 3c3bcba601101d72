package io.coffer.model;

/** One entry of an access control list. */
public record Grant(Grantee grantee, Permission permission) {}
