package io.coffer.service;

import io.coffer.model.MultipartUpload;
import io.coffer.model.Part;
import java.util.List;

/** An upload in progress with (a page of) its parts, in part order. */
public record UploadParts(MultipartUpload upload, List<Part> parts) {}
