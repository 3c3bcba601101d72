package io.coffer.s3.handler;

import io.coffer.http.Headers;
import io.coffer.http.HttpResponse;
import io.coffer.http.UriCodec;
import io.coffer.model.Credential;
import io.coffer.model.EventName;
import io.coffer.model.ObjectMeta;
import io.coffer.s3.auth.PostFormSignature;
import io.coffer.s3.auth.SigV4Verifier;
import io.coffer.s3.form.MultipartFormReader;
import io.coffer.s3.form.PostForm;
import io.coffer.s3.form.PostPolicy;
import io.coffer.s3.form.SizeRangeStream;
import io.coffer.s3.request.PostObjectFields;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.ChecksumHeaders;
import io.coffer.s3.response.EncryptionHeaders;
import io.coffer.s3.response.ObjectHeaders;
import io.coffer.s3.response.PostObjectXml;
import io.coffer.s3.xml.TaggingXml;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import io.coffer.service.ObjectService;
import io.coffer.service.PayloadChecks;
import io.coffer.service.RequestContext;
import io.coffer.service.TagSets;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Browser form uploads (POST Object). The request itself carries no signature: the form does. Its
 * fields before the file are read, the form's signature (if any) names the caller, the policy is
 * checked, and the file streams into the same {@link ObjectService#put} a PutObject uses, so the
 * access decision, the quota and the durability of the write are exactly a PutObject's.
 */
public final class PostObjectHandler {
  private static final String FILENAME = "${filename}";

  private final ObjectService objects;
  private final BucketService buckets;
  private final SigV4Verifier verifier;
  private final Clock clock;

  public PostObjectHandler(
      ObjectService objects, BucketService buckets, SigV4Verifier verifier, Clock clock) {
    this.objects = objects;
    this.buckets = buckets;
    this.verifier = verifier;
    this.clock = clock;
  }

  public HttpResponse postObject(S3Request request, S3Operation.PostObject op) {
    String boundary = MultipartFormReader.boundary(request.http().headers().get("Content-Type"));
    PostForm form = PostForm.read(new MultipartFormReader(request.http().body(), boundary));
    Map<String, String> fields = form.fields();
    Caller caller = caller(request, fields);
    String policyField = fields.get("policy");
    PostPolicy policy = policyField == null ? null : PostPolicy.parse(policyField);
    if (policy != null) {
      policy.check(fields, op.bucket(), clock.instant());
    }
    String keyField = fields.get("key");
    if (keyField == null) {
      throw PostFormSignature.missing("key");
    }
    String key = keyField.replace(FILENAME, form.filename());
    Map<String, String> tags = tags(fields.get("tagging"));
    Headers headers = PostObjectFields.headers(fields);
    S3Operation.PutObject put = PostObjectFields.putObject(op.bucket(), key, headers);
    InputStream file = form.file();
    if (policy != null && policy.lengthRange() != null) {
      file = new SizeRangeStream(file, policy.lengthRange());
    }
    PayloadChecks checks =
        new PayloadChecks(
            put.checksums().contentMd5(),
            null,
            put.checksums().algorithm(),
            put.checksums().value(),
            null);
    ObjectMeta meta =
        objects.put(
            withForm(caller, headers).withRequestTags(tags),
            op.bucket(),
            key,
            put.attributes(),
            file,
            -1,
            checks,
            put.writePrecondition(),
            put.lock(),
            put.acl(),
            tags,
            put.sse(),
            EventName.OBJECT_CREATED_POST);
    return respond(request, fields, op.bucket(), key, meta);
  }

  /** The form's tagging field: an XML Tagging document, as PutObjectTagging's body. */
  private static Map<String, String> tags(@Nullable String tagging) {
    if (tagging == null) {
      return Map.of();
    }
    Map<String, String> tags = new TaggingXml().parse(tagging.getBytes(StandardCharsets.UTF_8));
    TagSets.validateObjectTags(tags);
    return tags;
  }

  /**
   * Who uploads: the credential that signed the form, or an anonymous caller when the form carries
   * neither signature nor policy (then only a bucket policy or ACL granting everyone PutObject lets
   * it through, decided where every PutObject's access is).
   */
  private Caller caller(S3Request request, Map<String, String> fields) {
    if (PostFormSignature.isSigned(fields)) {
      Credential credential = verifier.verifyPostForm(fields);
      return new Caller.User(credential, context(request, fields, true));
    }
    if (fields.containsKey("policy")) {
      throw PostFormSignature.missing("AWSAccessKeyId");
    }
    return new Caller.Anonymous(context(request, fields, false));
  }

  private static RequestContext context(
      S3Request request, Map<String, String> fields, boolean signed) {
    RequestContext sent = request.caller().context();
    return new RequestContext(
            sent.sourceIp(),
            sent.secureTransport(),
            signed ? "POST" : null,
            signed ? PostFormSignature.version(fields) : null,
            sent.headers(),
            sent.query())
        .withTlsVersion(sent.tlsVersion())
        .withRequestId(request.requestId());
  }

  /**
   * The caller with the form's fields as the request headers its policy conditions read
   * (s3:x-amz-acl, ...), the request's own headers behind them.
   */
  private static Caller withForm(Caller caller, Headers form) {
    RequestContext c = caller.context();
    RequestContext.Lookup headers =
        name -> {
          String value = form.get(name);
          return value != null ? value : c.headers().get(name);
        };
    RequestContext context =
        new RequestContext(
                c.sourceIp(),
                c.secureTransport(),
                c.authType(),
                c.signatureVersion(),
                headers,
                c.query())
            .withTlsVersion(c.tlsVersion());
    if (c.requestId() != null) {
      context = context.withRequestId(c.requestId());
    }
    return switch (caller) {
      case Caller.User user -> new Caller.User(user.credential(), context);
      case Caller.Anonymous anonymous -> new Caller.Anonymous(context);
      case Caller.Admin admin -> admin;
    };
  }

  /**
   * As AWS: a valid success_action_redirect gets 303 to it with bucket, key and etag appended;
   * otherwise success_action_status 200 or 201 (with the PostResponse document), else 204.
   */
  private HttpResponse respond(
      S3Request request, Map<String, String> fields, String bucket, String key, ObjectMeta meta) {
    String location = objectUrl(request, bucket, key);
    String etag = ObjectHeaders.quoted(meta.etag());
    String redirect = fields.get("success_action_redirect");
    if (redirect == null) {
      redirect = fields.get("redirect");
    }
    HttpResponse response;
    String target = redirect == null ? null : redirectTarget(redirect, bucket, key, etag);
    if (target != null) {
      response = new HttpResponse(303).header("Location", target);
    } else {
      String status = fields.getOrDefault("success_action_status", "204");
      switch (status.trim()) {
        case "200" -> response = new HttpResponse(200);
        case "201" ->
            response =
                new HttpResponse(201)
                    .body(
                        PostObjectXml.postResponse(location, bucket, key, meta.etag()),
                        "application/xml");
        default -> response = new HttpResponse(204);
      }
      response.header("Location", location);
    }
    response.header("ETag", etag);
    ChecksumHeaders.write(response, meta.checksum());
    EncryptionHeaders.write(response, meta.encryption(), null, buckets.region());
    ObjectHeaders.versionId(response, buckets.everVersioned(bucket), meta.versionId());
    return response;
  }

  /** The redirect with the upload's bucket, key and ETag added; null when it is no URL. */
  private static @Nullable String redirectTarget(
      String redirect, String bucket, String key, String etag) {
    try {
      URI uri = new URI(redirect);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return null;
      }
    } catch (URISyntaxException e) {
      return null;
    }
    int hash = redirect.indexOf('#');
    String base = hash < 0 ? redirect : redirect.substring(0, hash);
    String fragment = hash < 0 ? "" : redirect.substring(hash);
    String query =
        "bucket="
            + UriCodec.encodeComponent(bucket)
            + "&key="
            + UriCodec.encodeComponent(key)
            + "&etag="
            + UriCodec.encodeComponent(etag);
    return base + (base.contains("?") ? "&" : "?") + query + fragment;
  }

  /** The new object's URL, in the addressing style the request used. */
  private static String objectUrl(S3Request request, String bucket, String key) {
    String host = request.http().headers().get("Host");
    String path = request.http().rawPath();
    boolean pathStyle = path.equals("/" + bucket) || path.startsWith("/" + bucket + "/");
    return (request.http().secure() ? "https://" : "http://")
        + (host == null ? "localhost" : host)
        + (pathStyle ? "/" + UriCodec.encodeComponent(bucket) : "")
        + "/"
        + UriCodec.encodePath(key);
  }
}
