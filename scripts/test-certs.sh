#!/usr/bin/env bash
# A throw-away certificate authority and a server certificate signed by it, for tests and
# benchmarks over TLS (scripts/e2e-clients.sh, bench/compare.sh). Nothing is read from or written
# to a system trust store: clients are given ca.pem explicitly.
#
#   scripts/test-certs.sh DIR [rsa|ec]     (default ec: ECDSA P-256; rsa: RSA 2048)
#
# Writes into DIR: ca.pem (the CA's certificate), ca.key, server.pem (the server's certificate
# followed by the CA's: a full chain, as certbot writes it), server.key (PKCS#8, unencrypted),
# server.p12 (certificate and key for Java key stores, password "changeit"). The server
# certificate is valid for localhost, 127.0.0.1 and ::1, for 2 days.
set -euo pipefail
dir=${1:?usage: test-certs.sh DIR [rsa|ec]}
kind=${2:-ec}
mkdir -p "$dir"
cd "$dir"

newkey() { # FILE: a private key of the chosen kind, PKCS#8
  case $kind in
    ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" ;;
    rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" ;;
    *) echo "test-certs.sh: key kind is rsa or ec, not $kind" >&2; exit 2 ;;
  esac 2>/dev/null
}

newkey ca.key
openssl req -x509 -new -key ca.key -sha256 -days 2 -subj "/CN=Coffer test CA $$" \
  -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign \
  -out ca.pem 2>/dev/null

newkey server.key
openssl req -new -key server.key -subj /CN=localhost -out server.csr 2>/dev/null
cat >server.ext <<'EXT'
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
EXT
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -sha256 \
  -extfile server.ext -out server-only.pem 2>/dev/null
cat server-only.pem ca.pem >server.pem
openssl pkcs12 -export -in server-only.pem -inkey server.key -certfile ca.pem -name server \
  -passout pass:changeit -out server.p12
rm -f server.csr server.ext server-only.pem ca.srl
chmod 600 ca.key server.key server.p12
