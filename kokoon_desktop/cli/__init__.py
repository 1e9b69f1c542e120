"""``kokoon``: the command line, sharing the desktop app's core and API client.

Errors go to stderr as one sentence and map to documented exit codes; the token never appears
in output.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Sequence

import httpx

from kokoon_desktop.api.client import DEFAULT_TIMEOUT, KokoonClient
from kokoon_desktop.api.errors import AuthenticationError, KokoonError
from kokoon_desktop.cli import exit_codes
from kokoon_desktop.cli.batch import BATCH_COMMANDS, presets
from kokoon_desktop.cli.commands import COMMANDS, Session, UsageError
from kokoon_desktop.cli.parser import build_parser
from kokoon_desktop.core.endpoint import AuthScheme
from kokoon_desktop.core.problems import InvalidTaskSpec
from kokoon_desktop.services.service_config import (
    CommandLine,
    StoredTokens,
    resolve_service_config,
)
from kokoon_desktop.storage.token_store import KeyringTokenStore, KeyringUnavailableError


def fail(message: str, code: int) -> int:
    print(f"kokoon: {message}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "presets":
        return presets(args)  # the profile's file only: no service, no token
    signing_in = args.command in ("login", "logout")
    try:
        # The command line keeps no settings file: its address is --api-url, KOKOON_API_URL or
        # the documented one. Signing in or out needs no token looked up.
        config = resolve_service_config(
            command_line=CommandLine(
                api_url=args.api_url, token=args.token, auth_scheme=args.auth_scheme
            ),
            stored=None if signing_in else StoredTokens(),
        )
    except ValueError as exc:
        return fail(str(exc), exit_codes.INVALID_INPUT)
    store = KeyringTokenStore(config.api_url)
    try:
        if args.command == "login":
            return _login(store)
        if args.command == "logout":
            store.delete()
            print("Signed out: the stored token was removed.", file=sys.stderr)
            return exit_codes.OK
    except KeyringUnavailableError as exc:
        return fail(f"{exc}. Use --token or KOKOON_TOKEN instead.", exit_codes.OTHER)
    if args.timeout is not None and args.timeout <= 0:
        return fail("--timeout must be more than 0 seconds.", exit_codes.INVALID_INPUT)
    try:
        return asyncio.run(_run(args, config.api_url, config.token, config.auth_scheme))
    except KeyboardInterrupt:
        return fail("interrupted.", 130)


def _login(store: KeyringTokenStore) -> int:
    if sys.stdin.isatty():
        token = getpass.getpass("API token (input hidden): ")
    else:
        token = sys.stdin.readline()
    token = token.strip()
    if not token:
        return fail("no token given.", exit_codes.INVALID_INPUT)
    store.save(token)
    print("Token stored in the system keychain.", file=sys.stderr)
    return exit_codes.OK


async def _run(
    args: argparse.Namespace, base_url: str, token: str | None, scheme: AuthScheme
) -> int:
    timeout = DEFAULT_TIMEOUT
    if args.timeout is not None:
        timeout = httpx.Timeout(args.timeout, connect=min(args.timeout, DEFAULT_TIMEOUT.connect))
    async with KokoonClient(
        token=token, base_url=base_url, auth_scheme=scheme, timeout=timeout
    ) as client:
        session = Session(client=client, as_json=args.json)
        try:
            return await {**COMMANDS, **BATCH_COMMANDS}[args.command](session, args)
        except AuthenticationError as exc:
            if token is None:
                return fail(
                    "no API token: run `kokoon login`, or pass --token, or set KOKOON_TOKEN.",
                    exit_codes.AUTH,
                )
            return fail(exc.message, exit_codes.AUTH)
        except KokoonError as exc:
            return fail(exc.message, exit_codes.exit_code_for(exc))
        except (UsageError, InvalidTaskSpec, ValueError) as exc:
            return fail(str(exc), exit_codes.INVALID_INPUT)
        except OSError as exc:
            return fail(
                f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), exit_codes.OTHER
            )
