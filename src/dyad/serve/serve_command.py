"""``dyad serve``: the HTTP API and the dashboard on loopback over one store."""

from __future__ import annotations

import uvicorn

from dyad.serve.api import create_app


def serve(store: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the API and dashboard until interrupted; writes are refused without ``token``."""
    app = create_app(store, token)
    uvicorn.run(app, host=host, port=port, log_level="info")
