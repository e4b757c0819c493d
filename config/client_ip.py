"""The client's address, as the last trusted proxy saw it.

Every proxy appends the address it received the request from to X-Forwarded-For; whatever
stands further left was written by someone we cannot trust (the client can send any
X-Forwarded-For it likes). With TRUSTED_PROXY_COUNT = N proxies in front of the app, the Nth
entry from the right is the address the outermost trusted proxy saw: the client's. Without
proxies, or when the header is shorter than it must be (a request that did not come through
the proxies), the connection's own address (REMOTE_ADDR) is used.

The answer is never None and never a shared placeholder such as "unknown": django-axes and
the feedback limit key on it, and a shared key would lock everyone out together.
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part
        ]
        if len(forwarded) >= count:
            address = _valid(forwarded[-count])
            if address:
                return address
    address = _valid(remote)
    if address is None:
        # Only a misconfigured server gets here (a unix socket with no trusted proxy in
        # front): every WSGI server on TCP sets REMOTE_ADDR to the peer's address.
        logger.warning("No client address in REMOTE_ADDR (%r): check TRUSTED_PROXY_COUNT.", remote)
        return "0.0.0.0"
    return address
