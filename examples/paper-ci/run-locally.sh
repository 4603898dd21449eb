#!/usr/bin/env bash
# The steps of .github/workflows/certificates.yml, run with a given dyadcert binary:
#
#   ./run-locally.sh /usr/local/bin/dyadcert
#   ./run-locally.sh path/to/DyadCert/.build/debug/dyadcert
#
# Exit status: dyadcert's (0 every claim verified; 1 a claim is false; 2 malformed
# input or no certificate found; 3 a resource limit was exceeded).
set -euo pipefail
DYADCERT="${1:-${DYADCERT:-dyadcert}}"
cd "$(dirname "$0")"
mkdir -p reports

echo "== dyadcert --version"
"$DYADCERT" --version

echo "== dyadcert format --check certificates"
"$DYADCERT" format --check certificates

echo "== dyadcert verify certificates --junit reports/dyadcert-junit.xml"
"$DYADCERT" verify certificates --junit reports/dyadcert-junit.xml
