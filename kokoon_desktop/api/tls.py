"""The TLS settings of every connection the client makes: the operating system's trust store.

Company networks often inspect TLS: their proxy presents certificates of the company's own
authority, which IT installs in the system's store. Certificates are therefore verified by the
system, not against the fixed bundle Python packages carry, which knows no company's authority:

- on Windows and macOS by the system itself (the certificate store, the keychain), through
  ``truststore``;
- on Linux by OpenSSL with the distribution's store (``/etc/ssl/certs`` and the like, or
  ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``), loaded once per client. truststore does the same there
  but loads the store again for every connection: 25-35 ms on the event loop each time (the
  window's budget for a stall is 50 ms), and on OpenSSL 3.0-3.3 (Debian 12, which the Linux
  build carries) each load adds a directory lookup that every later verification repeats
  (sethmlarson/truststore#212).
"""

from __future__ import annotations

import logging
import os
import re
import ssl
import sys
from pathlib import Path

log = logging.getLogger(__name__)

#: Where distributions keep their bundle, for an OpenSSL built to look elsewhere (the places
#: truststore's Linux backend tries, after OpenSSL's own).
DISTRIBUTION_BUNDLES = (
    "/etc/ssl/cert.pem",  # Alpine, Arch, Fedora 34-43, RHEL 9-10, the BSDs
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  # Fedora 44+, RHEL 11+
    "/etc/pki/tls/cert.pem",  # older Fedora, RHEL and CentOS
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu
    "/etc/ssl/ca-bundle.pem",  # SUSE
)
_HASHED_NAME = re.compile(r"^[0-9a-fA-F]{8}\.[0-9]$")
#: Authorities named in the environment, trusted as well (as httpx trusts them) where the system
#: verifies (on Linux OpenSSL reads these variables itself).
_ENVIRONMENT_AUTHORITIES = (("SSL_CERT_FILE", "cafile"), ("SSL_CERT_DIR", "capath"))


def client_ssl_context(verify: ssl.SSLContext | bool = True) -> ssl.SSLContext:
    """The context for ``verify``, read as httpx reads it: True verifies against the system's
    trust store, an ``SSLContext`` is used as it is (tests trust their own authority with one),
    and False verifies nothing."""
    if isinstance(verify, ssl.SSLContext):
        return verify
    if not verify:
        import httpx

        return httpx.create_ssl_context(verify=False)
    if sys.platform in ("win32", "darwin"):
        return _system_verified()
    return _openssl_system_store()


def _system_verified() -> ssl.SSLContext:
    import truststore  # loaded with the first connection: the window does not wait for it

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    for variable, kind in _ENVIRONMENT_AUTHORITIES:
        named = os.environ.get(variable)
        if not named or not Path(named).exists():
            continue
        try:
            context.load_verify_locations(**{kind: named})
        except (OSError, ssl.SSLError) as exc:
            log.warning("%s=%s holds no usable certificate authority: %s", variable, named, exc)
    return context


def _openssl_system_store() -> ssl.SSLContext:
    """OpenSSL's store (its compiled-in paths, or the environment's), else the distribution's
    bundle: the store truststore would read on Linux, read once."""
    context = ssl.create_default_context()  # loads OpenSSL's store, as a browser's would
    found = ssl.get_default_verify_paths()
    if not found.cafile and not (found.capath and _holds_certificates(found.capath)):
        bundle = next((b for b in DISTRIBUTION_BUNDLES if Path(b).is_file()), None)
        if bundle is not None:
            context.load_verify_locations(cafile=bundle)
    return context


def _holds_certificates(folder: str) -> bool:
    """Whether an OpenSSL certificate folder has certificates under their hashed names."""
    try:
        return any(_HASHED_NAME.match(entry.name) for entry in Path(folder).iterdir())
    except OSError:
        return False
