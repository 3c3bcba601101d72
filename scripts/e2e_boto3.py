#!/usr/bin/env python3
"""boto3 side of scripts/e2e-clients.sh: one S3 action per call, with boto3's default settings.

Usage: e2e_boto3.py ENDPOINT [denied] [anonymous] ACTION ARGS...   (credentials and region come
from the AWS config files the caller points AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE at, or
from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). Exits non-zero, with the error on stderr, when the
action fails. E2E_CA_BUNDLE, when set, is the CA certificate to trust over https (boto3's verify=,
and requests' for the form POST). `anonymous` sends the action unsigned (Config(signature_version=UNSIGNED)), as a
browser would; `denied` turns the test around: the action must fail with 403 AccessDenied.
"""
import hashlib
import json
import os
import sys

import boto3
import requests
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError


def keys(s3, bucket, prefix=""):
  for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
    for obj in page.get("Contents", []):
      yield obj


def grants(acl):
  """ "grantee permission" lines, the grantee being a group's URI or a canonical user's ID."""
  for grant in acl["Grants"]:
    grantee = grant["Grantee"]
    print(grantee.get("URI") or grantee.get("ID"), grant["Permission"])


VERIFY = os.environ.get("E2E_CA_BUNDLE") or None  # None: the default trust store


def expect_error(status, call, **kwargs):
  """call(**kwargs) must fail with this HTTP status (HEAD answers carry no error code)."""
  try:
    call(**kwargs)
  except ClientError as e:
    got = e.response["ResponseMetadata"]["HTTPStatusCode"]
    if got != status:
      raise RuntimeError(f"{call.__name__}: expected HTTP {status}, got {got} {e}") from e
    return
  raise RuntimeError(f"{call.__name__} {kwargs.get('Key')} was not refused")


def sha256(path):
  with open(path, "rb") as f:
    return hashlib.file_digest(f, "sha256").hexdigest()


def sse_c(s3, bucket, key, other, path):
  """SSE-C round trip: put, ranged GETs across package boundaries, HEAD, multipart upload and
  download with the transfer manager; without the key 400, with another key 403."""
  ssec = {"SSECustomerAlgorithm": "AES256", "SSECustomerKey": key}
  wrong = {"SSECustomerAlgorithm": "AES256", "SSECustomerKey": other}
  with open(path, "rb") as f:
    data = f.read(300000)
  s3.put_object(Bucket=bucket, Key="c/part.bin", Body=data, **ssec)
  head = s3.head_object(Bucket=bucket, Key="c/part.bin", **ssec)
  if head["ContentLength"] != len(data) or head.get("SSECustomerAlgorithm") != "AES256":
    raise RuntimeError(f"head_object: {head['ContentLength']} bytes, {head.get('SSECustomerAlgorithm')}")
  for first, last in ((0, 0), (65530, 65545), (65536, 131071), (100, 299999), (299990, 299999)):
    got = s3.get_object(Bucket=bucket, Key="c/part.bin", Range=f"bytes={first}-{last}", **ssec)["Body"].read()
    if got != data[first:last + 1]:
      raise RuntimeError(f"ranged GET bytes={first}-{last} returned other bytes")
  got = s3.get_object(Bucket=bucket, Key="c/part.bin", Range="bytes=-7", **ssec)["Body"].read()
  if got != data[-7:]:
    raise RuntimeError("suffix range bytes=-7 returned other bytes")
  expect_error(400, s3.head_object, Bucket=bucket, Key="c/part.bin")
  expect_error(400, s3.get_object, Bucket=bucket, Key="c/part.bin")
  expect_error(403, s3.get_object, Bucket=bucket, Key="c/part.bin", **wrong)
  s3.upload_file(path, bucket, "c/big.bin", ExtraArgs=ssec)  # multipart above 8 MiB
  down = path + ".boto3-sse-c"
  s3.download_file(bucket, "c/big.bin", down, ExtraArgs=ssec)  # ranged GETs in parallel
  try:
    if sha256(down) != sha256(path):
      raise RuntimeError("the multipart SSE-C object came back different")
  finally:
    os.remove(down)
  expect_error(403, s3.head_object, Bucket=bucket, Key="c/big.bin", **wrong)


def sse_kms(s3, bucket, key_id, path):
  """A multipart upload under a named KMS key, read back; HEAD reports the key."""
  s3.upload_file(path, bucket, "kms/big.bin",
                 ExtraArgs={"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": key_id})
  head = s3.head_object(Bucket=bucket, Key="kms/big.bin")
  if head.get("ServerSideEncryption") != "aws:kms" or not head.get("SSEKMSKeyId", "").endswith(key_id):
    raise RuntimeError(f"head_object: {head.get('ServerSideEncryption')} {head.get('SSEKMSKeyId')}")
  down = path + ".boto3-sse-kms"
  s3.download_file(bucket, "kms/big.bin", down)
  try:
    if sha256(down) != sha256(path):
      raise RuntimeError("the SSE-KMS object came back different")
  finally:
    os.remove(down)


def main(endpoint, action, *args):
  if action == "denied":  # the action that follows must be refused with 403 AccessDenied
    try:
      main(endpoint, *args)
    except ClientError as e:
      status = e.response["ResponseMetadata"]["HTTPStatusCode"]
      code = e.response["Error"]["Code"]
      if (status, code) != (403, "AccessDenied"):
        raise RuntimeError(f"expected 403 AccessDenied, got {status} {code}") from e
      return
    raise RuntimeError(f"{' '.join(args)} was not refused")
  config = None
  if action == "anonymous":  # what boto3 sends for public data: no signature at all
    config = Config(signature_version=UNSIGNED)
    action, args = args[0], args[1:]
  s3 = boto3.client("s3", endpoint_url=endpoint, config=config, verify=VERIFY)
  if action == "mb":
    s3.create_bucket(Bucket=args[0])
  elif action == "put":  # a plain PutObject
    bucket, key, path = args
    with open(path, "rb") as body:
      s3.put_object(Bucket=bucket, Key=key, Body=body)
  elif action == "upload":  # the transfer manager: multipart above 8 MiB
    bucket, key, path = args
    s3.upload_file(path, bucket, key)
  elif action == "ls":  # "size key" lines
    for obj in keys(s3, args[0]):
      print(obj["Size"], obj["Key"])
  elif action == "upload-tree":
    directory, bucket, prefix = args
    for root, _, files in os.walk(directory):
      for name in files:
        path = os.path.join(root, name)
        s3.upload_file(path, bucket, prefix + os.path.relpath(path, directory))
  elif action == "download":
    bucket, key, path = args
    s3.download_file(bucket, key, path)
  elif action == "download-tree":
    bucket, prefix, directory = args
    for obj in keys(s3, bucket, prefix):
      path = os.path.join(directory, obj["Key"][len(prefix):])
      os.makedirs(os.path.dirname(path), exist_ok=True)
      s3.download_file(bucket, obj["Key"], path)
  elif action == "presign":
    print(s3.generate_presigned_url("get_object", Params={"Bucket": args[0], "Key": args[1]}, ExpiresIn=300))
  elif action == "rm":
    s3.delete_object(Bucket=args[0], Key=args[1])
  elif action == "rm-recursive":  # DeleteObjects in batches, as tools that empty a bucket do
    bucket, prefix = args
    batch = [{"Key": obj["Key"]} for obj in keys(s3, bucket, prefix)]
    for i in range(0, len(batch), 1000):
      result = s3.delete_objects(Bucket=bucket, Delete={"Objects": batch[i:i + 1000]})
      if result.get("Errors"):
        raise RuntimeError(f"DeleteObjects errors: {result['Errors']}")
  elif action == "rb":
    s3.delete_bucket(Bucket=args[0])
  elif action == "put-raw-meta":  # a non-ASCII x-amz-meta-* value, sent raw as boto3 sends it
    bucket, key = args
    # Metadata= refuses non-ASCII, so set the header before signing, as ceph's s3-tests do.
    def raw_header(params, **kwargs):
      params["headers"]["x-amz-meta-note"] = "ÄMÄZÕÑ S3"
    s3.meta.events.register("before-call.s3.PutObject", raw_header)
    s3.put_object(Bucket=bucket, Key=key, Body=b"with metadata")
    got = s3.head_object(Bucket=bucket, Key=key)["Metadata"]["note"]
    expected = "=?UTF-8?B?w4PChE3Dg8KEWsODwpXDg8KRIFMz?="  # AWS's documented answer
    if got != expected:
      raise RuntimeError(f"x-amz-meta-note came back as {got!r}, expected {expected!r}")
  elif action == "cat":  # GetObject, the body to stdout
    bucket, key = args
    sys.stdout.write(s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode())
  elif action == "put-text":  # PutObject of a short text, with a canned ACL when one is given
    bucket, key, text, *acl = args
    s3.put_object(Bucket=bucket, Key=key, Body=text.encode(), **({"ACL": acl[0]} if acl else {}))
  elif action == "put-policy":
    bucket, path = args
    with open(path) as f:
      s3.put_bucket_policy(Bucket=bucket, Policy=f.read())
  elif action == "get-policy":  # the stored policy, as JSON on one line
    print(json.dumps(json.loads(s3.get_bucket_policy(Bucket=args[0])["Policy"]), sort_keys=True))
  elif action == "delete-policy":
    s3.delete_bucket_policy(Bucket=args[0])
  elif action == "put-object-acl":
    bucket, key, acl = args
    s3.put_object_acl(Bucket=bucket, Key=key, ACL=acl)
  elif action == "get-object-acl":
    grants(s3.get_object_acl(Bucket=args[0], Key=args[1]))
  elif action == "post-form":  # generate_presigned_post, then a browser-like form POST of a file
    bucket, key, path = args
    post = s3.generate_presigned_post(
        bucket, key, Fields={"success_action_status": "201"},
        Conditions=[{"success_action_status": "201"}, ["content-length-range", 1, 10485760]],
        ExpiresIn=300)
    with open(path, "rb") as f:
      answer = requests.post(post["url"], data=post["fields"], files={"file": (key, f)}, verify=VERIFY or True)
    if answer.status_code != 201 or "<PostResponse" not in answer.text:
      raise RuntimeError(f"POST form answered {answer.status_code}: {answer.text[:300]}")
    # under the policy's size range: refused
    answer = requests.post(post["url"], data=post["fields"], files={"file": (key, b"")}, verify=VERIFY or True)
    if answer.status_code != 400 or "EntityTooSmall" not in answer.text:
      raise RuntimeError(f"an empty file answered {answer.status_code}: {answer.text[:300]}")
  elif action == "sse-c":
    sse_c(s3, *args)
  elif action == "sse-kms":
    sse_kms(s3, *args)
  else:
    raise SystemExit(f"unknown action {action}")


if __name__ == "__main__":
  try:
    main(*sys.argv[1:])
  except Exception as e:  # one line for the PASS/FAIL report
    print(f"{type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(1)
