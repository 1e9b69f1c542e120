"""The client's HTTP transport: httpcore's connection pools on the sockets of :mod:`.network`.

httpx's own transport cannot be given another network backend, so this is the small custom
transport httpx's documentation describes: an httpx request becomes an httpcore one, and
httpcore's errors become httpx's, as httpx's transport does, so callers see the same
exceptions.

Each request goes directly or through the proxy the system names for it (:mod:`.proxies`):
``https://`` through a ``CONNECT`` tunnel, so the proxy sees the host name and nothing of the
exchange (the token included), plain ``http://`` forwarded. Certificates are verified against
the system's trust store (:mod:`.tls`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterable, AsyncIterator, Iterator
from typing import TypedDict

import httpcore
import httpx

from kokoon_desktop.api.network import AsyncioNetworkBackend
from kokoon_desktop.api.proxies import Proxy, ProxySettings, system_proxy_settings
from kokoon_desktop.api.tls import client_ssl_context

#: httpx's default pool limits.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

#: httpcore's errors and httpx's, the more specific first (the first match wins).
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for theirs, ours in _ERRORS:
            if isinstance(exc, theirs):
                raise ours(str(exc)) from exc
        raise


#: The request extension naming the proxy a request went through (``host:port``), so that a
#: failure can say so (see :func:`proxy_of`).
VIA_PROXY = "kokoon_via_proxy"


def default_transport(
    verify: ssl.SSLContext | bool = True, proxies: ProxySettings | None = None
) -> httpx.AsyncBaseTransport:
    """The transport of a client given none: direct, or through the system's proxies
    (``proxies``, read from the system when None) where they apply."""
    settings = system_proxy_settings() if proxies is None else proxies
    if not settings.any:
        return DirectTransport(verify=verify)
    return ProxyRoutingTransport(settings, verify=verify)


def proxy_of(exc: httpx.TransportError) -> str | None:
    """The proxy (``host:port``) the failed request went through, or None if it went direct."""
    try:
        request = exc.request
    except RuntimeError:  # raised before httpx knew the request
        return None
    via = request.extensions.get(VIA_PROXY)
    return via if isinstance(via, str) else None


class _ResponseBody(httpx.AsyncByteStream):
    def __init__(self, stream: AsyncIterable[bytes]) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors():
            async for part in self._stream:
                yield part

    async def aclose(self) -> None:
        aclose = getattr(self._stream, "aclose", None)
        if aclose is not None:
            await aclose()


class _PoolTransport(httpx.AsyncBaseTransport):
    """httpx requests on one httpcore pool, HTTP/1.1, with httpx's errors."""

    def __init__(self, pool: httpcore.AsyncConnectionPool) -> None:
        self._pool = pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            response = await self._pool.handle_async_request(core_request)
        assert isinstance(response.stream, AsyncIterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseBody(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()


class _PoolOptions(TypedDict):
    max_connections: int | None
    max_keepalive_connections: int | None
    keepalive_expiry: float | None
    http1: bool
    http2: bool
    network_backend: httpcore.AsyncNetworkBackend


def _pool_options(
    limits: httpx.Limits, network_backend: httpcore.AsyncNetworkBackend | None
) -> _PoolOptions:
    return _PoolOptions(
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=False,
        network_backend=network_backend or AsyncioNetworkBackend(),
    )


class DirectTransport(_PoolTransport):
    """Direct connections; TLS verified against the system's trust store unless ``verify``
    says otherwise (as httpx reads ``verify``)."""

    def __init__(
        self,
        *,
        verify: ssl.SSLContext | bool = True,
        limits: httpx.Limits = DEFAULT_LIMITS,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        super().__init__(
            httpcore.AsyncConnectionPool(
                ssl_context=client_ssl_context(verify),
                **_pool_options(limits, network_backend),
            )
        )


class ProxyTransport(_PoolTransport):
    """Connections through one HTTP(S) proxy: a ``CONNECT`` tunnel for ``https://``, in which
    TLS runs end to end, and plain ``http://`` forwarded."""

    def __init__(
        self,
        proxy: Proxy,
        *,
        verify: ssl.SSLContext | bool = True,
        limits: httpx.Limits = DEFAULT_LIMITS,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        context = client_ssl_context(verify)
        super().__init__(
            httpcore.AsyncHTTPProxy(
                proxy_url=proxy.url,
                proxy_auth=proxy.auth,
                ssl_context=context,
                proxy_ssl_context=context if proxy.scheme == "https" else None,
                **_pool_options(limits, network_backend),
            )
        )
        self.proxy = proxy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.extensions[VIA_PROXY] = self.proxy.label
        if request.url.scheme == "http" and "Authorization" in request.headers:
            # Forwarded in the clear, the proxy would read it. The client's rules keep this from
            # happening (the API is https:// unless on this machine, which is never proxied);
            # this keeps it true whatever the caller.
            raise httpx.ProxyError(
                "refusing to send credentials to a proxy outside an encrypted tunnel"
            )
        return await super().handle_async_request(request)


class ProxyRoutingTransport(httpx.AsyncBaseTransport):
    """Each request direct or through its proxy, as the system's settings say for its host."""

    def __init__(
        self,
        proxies: ProxySettings,
        *,
        verify: ssl.SSLContext | bool = True,
        limits: httpx.Limits = DEFAULT_LIMITS,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._proxies = proxies
        #: One context for every connection: making one loads the trust store.
        self._verify = client_ssl_context(verify)
        self._limits = limits
        self._network_backend = network_backend
        self._direct = DirectTransport(
            verify=self._verify, limits=limits, network_backend=network_backend
        )
        self._through: dict[Proxy, ProxyTransport] = {}
        #: The route of each (scheme, host, port) seen: its proxy, or None for direct.
        self._routes: dict[tuple[str, str, int | None], Proxy | None] = {}

    async def route(self, url: httpx.URL) -> Proxy | None:
        """The proxy for ``url``, or None to go direct; decided once per origin."""
        key = (url.scheme, url.host, url.port)
        if key not in self._routes:
            # The platform's exceptions may look the host up (Windows, macOS): off the loop.
            self._routes[key] = await asyncio.to_thread(self._proxies.proxy_for, *key)
        return self._routes[key]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        proxy = await self.route(request.url)
        if proxy is None:
            return await self._direct.handle_async_request(request)
        transport = self._through.get(proxy)
        if transport is None:
            transport = self._through[proxy] = ProxyTransport(
                proxy,
                verify=self._verify,
                limits=self._limits,
                network_backend=self._network_backend,
            )
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        await self._direct.aclose()
        for transport in self._through.values():
            await transport.aclose()
