"""Running one scenario with the sync and with the async client alike.

A scenario is a coroutine function taking the client; `resolve` and `drain` let the same
code await async results and read sync ones.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from types import ModuleType
from typing import Any

API_KEY = "NNSXS.SECRETID0123456789.SECRETKEYabcdefghijklmnopqrstuv"


async def resolve(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def drain(iterable: Any) -> list[Any]:
    """Every item of a sync or async iterable (a pager or a stream)."""
    if hasattr(iterable, "__aiter__"):
        return [item async for item in iterable]
    return list(iterable)


async def collect(stream: Any, received: list[Any]) -> None:
    """Append each item of a sync or async stream to `received` as it arrives, so that
    the items before an error are kept."""
    if hasattr(stream, "__aiter__"):
        async for item in stream:
            received.append(item)
    else:
        received.extend(stream)


async def total(pages: Any) -> Any:
    return await resolve(pages.total())


def run(
    mode: str,
    clients: ModuleType,
    url: str,
    scenario: Callable[[Any], Awaitable[Any]],
    **options: Any,
) -> Any:
    options.setdefault("api_key", API_KEY)

    async def with_client() -> Any:
        if mode == "sync":
            with clients.Client(url, **options) as client:
                return await scenario(client)
        async with clients.AsyncClient(url, **options) as client:
            return await scenario(client)

    return asyncio.run(with_client())
