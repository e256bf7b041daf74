# Certificates for the signed-enrolment tests, made with the openssl
# command in $WORK/pki.  Source after lib.sh; needs $WORK.
# make_ca NAME SUBJECT, make_csr NAME SUBJECT, issue NAME [openssl ca
# options], sign_request CERT OUT [cms options] (signs $WORK/req.txt).

PKI="$WORK/pki"
mkdir -p "$PKI/issued"
: >"$PKI/index.txt"
echo 1000 >"$PKI/serial"

# A minimal "openssl ca" setup: it alone can backdate a certificate.
cat >"$PKI/ca.cnf" <<CNF
[ca]
default_ca = test_ca
[test_ca]
database = $PKI/index.txt
new_certs_dir = $PKI/issued
serial = $PKI/serial
certificate = $PKI/ca.pem
private_key = $PKI/ca.key
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
string_mask = utf8only
x509_extensions = signer
[policy_any]
commonName = supplied
serialNumber = optional
countryName = optional
[signer]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
CNF

# make_ca NAME SUBJECT: a self-signed authority NAME.pem, NAME.key.
make_ca() {
	openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
	    -nodes -utf8 -subj "$2" -days 3650 -keyout "$PKI/$1.key" \
	    -out "$PKI/$1.pem" -addext "basicConstraints=critical,CA:TRUE" \
	    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

# make_csr NAME SUBJECT: a key and request for a signer.
make_csr() {
	openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	    -utf8 -subj "$2" -keyout "$PKI/$1.key" -out "$PKI/$1.csr" \
	    2>/dev/null
}

# sign_request CERT OUT [CMS OPTIONS]: signs req.txt as CERT.
sign_request() {
	cert=$1 out=$2
	shift 2
	openssl cms -sign -binary -in "$WORK/req.txt" \
	    -signer "$PKI/$cert.pem" -inkey "$PKI/$cert.key" -out "$out" "$@"
}

# issue NAME [OPTIONS]: the test authority signs NAME's request.
issue() {
	name=$1
	shift
	openssl ca -batch -config "$PKI/ca.cnf" -utf8 -preserveDN -notext \
	    -in "$PKI/$name.csr" -out "$PKI/$name.pem" "$@" 2>/dev/null
}
