"""The proxies the system names, and which requests go through them.

Read as Python's ``urllib.request`` reads them: the environment first (``HTTPS_PROXY``,
``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY``, in either case, as httpx reads them too), else
the platform's own settings (the Windows registry, macOS's System Configuration), with the
platform's list of hosts reached directly. Loopback addresses are always reached directly: the
simulator and an SSH tunnel are on this machine, whatever a proxy setting says.

A proxy is named by ``host:port`` only (:attr:`Proxy.label`): its user name and password, when
the setting carries them, go to the proxy in ``Proxy-Authorization`` and nowhere else, and are
registered for redaction so that no log line or crash report shows them.
"""

from __future__ import annotations

import logging
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from kokoon_desktop.core.endpoint import is_loopback_host
from kokoon_desktop.log import register_secret

log = logging.getLogger(__name__)

#: The proxy schemes the client speaks (SOCKS would need another package).
_SUPPORTED = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Proxy:
    """One HTTP(S) proxy: where it is, and the credentials it asks for, if any."""

    scheme: str
    host: str
    port: int
    username: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        """``host:port``, as messages name the proxy: never its credentials."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        """The proxy's address without its credentials."""
        return f"{self.scheme}://{self.label}"

    @property
    def auth(self) -> tuple[str, str] | None:
        """The user name and password for ``Proxy-Authorization``, if the setting has them."""
        if self.username is None:
            return None
        return (self.username, self.password or "")

    @classmethod
    def parse(cls, setting: str) -> Proxy | None:
        """The proxy a setting names (``proxy.corp:3128``, ``http://user:pw@proxy.corp:3128``),
        or None for one this client cannot use (SOCKS) or cannot read."""
        text = setting.strip()
        if "://" not in text:
            text = f"http://{text}"  # as httpx and the Windows registry write them
        try:
            parts = urlsplit(text)
            port = parts.port
        except ValueError:
            log.warning("a proxy setting could not be read; requests go direct")
            return None
        scheme = parts.scheme.lower()
        if scheme not in _SUPPORTED or not parts.hostname:
            log.warning("a %s proxy is set; this app speaks to HTTP proxies only", scheme)
            return None
        username = unquote(parts.username) if parts.username is not None else None
        password = unquote(parts.password) if parts.password is not None else None
        for secret in (password, f"{username}:{password}" if password else None):
            if secret:
                register_secret(secret)
        return cls(
            scheme=scheme,
            host=parts.hostname,
            port=port or _DEFAULT_PORTS[scheme],
            username=username,
            password=password,
        )


@dataclass(frozen=True)
class ProxySettings:
    """Which proxy serves each URL scheme, and which hosts bypass them."""

    #: By the scheme of the requested URL (``http``, ``https``); ``all`` serves the others.
    by_scheme: Mapping[str, Proxy] = field(default_factory=dict)
    #: Whether a host (``name`` or ``name:port``) is reached directly (``NO_PROXY``, the
    #: platform's exceptions). It may look the name up: call it off the event loop.
    bypass: Callable[[str], bool] = lambda _host: False

    @property
    def any(self) -> bool:
        return bool(self.by_scheme)

    def proxy_for(self, scheme: str, host: str, port: int | None) -> Proxy | None:
        """The proxy for a request to ``scheme://host:port``, or None to go direct."""
        proxy = self.by_scheme.get(scheme) or self.by_scheme.get("all")
        if proxy is None or is_loopback_host(host):
            return None
        target = host if port is None or ":" in host else f"{host}:{port}"
        return None if self.bypass(target) else proxy


def system_proxy_settings() -> ProxySettings:
    """The proxies the environment names, else the platform's settings (see the module)."""
    by_scheme: dict[str, Proxy] = {}
    for scheme, setting in urllib.request.getproxies().items():
        if scheme in ("http", "https", "all") and setting:
            proxy = Proxy.parse(setting)
            if proxy is not None:
                by_scheme[scheme] = proxy
    if by_scheme:
        log.info(
            "proxies: %s", ", ".join(f"{s} via {p.label}" for s, p in sorted(by_scheme.items()))
        )
    return ProxySettings(by_scheme, urllib.request.proxy_bypass)
