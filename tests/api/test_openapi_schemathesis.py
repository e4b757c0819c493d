"""schemathesis, a real API client, fuzzes every operation of the OpenAPI document.

It sends valid and invalid requests generated from the document and checks that nothing
answers 500, that valid data is accepted and invalid data refused with a documented status,
and that every response (status, content type, headers, body) is what the document says.
The real catalogue gives the filters their values (the document lists them as enums).

schemathesis' own pytest loader (from_fixture) does not run on pytest 9, so each
operation's hypothesis strategy is driven here directly (APIOperation.as_strategy).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

from config.wsgi import application

OPERATIONS = {
    "GET /api/v1/practices/",
    "GET /api/v1/practices/{practice_id}/",
    "GET /api/v1/municipalities/",
    "GET /api/v1/municipalities/{code}/",
    "GET /api/v1/practices.csv",
    "GET /api/v1/municipalities.csv",
    "GET /api/v1/catalogue.json",
    "GET /fi/syote/",
    "GET /sv/flode/",
    "GET /en/feed/",
}
EXAMPLES = 30


def check_operation(operation, mode):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        # schemathesis' in-process WSGI transport asks for gzip but does not decompress;
        # compression has its own tests (tests/api/test_http.py).
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    run()


@pytest.fixture
def wsgi_in_test_transaction():
    """Let the WSGI application run inside the test's transaction, as Django's test client
    does: its request signals would otherwise close the connection (and the transaction)
    on PostgreSQL."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("wsgi_in_test_transaction")
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_api_operation_conforms_to_its_openapi_document(catalogue, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.label for operation in operations} == OPERATIONS
    failures = {}
    for operation in operations:
        try:
            check_operation(operation, mode)
        except Exception as failure:  # every operation is reported at once
            failures[operation.label] = failure
    assert not failures, "\n\n".join(f"{label}:\n{error}" for label, error in failures.items())
