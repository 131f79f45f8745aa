"""Schemathesis against the app on a real, seeded Meilisearch (tests/ui/conftest.py, with its
catalog): every operation of /openapi.json is called with parameters generated from the schema,
valid ones and invalid ones, and must answer without a server error, with a status code, content
type, headers and body that the schema declares.

Bounded for CI: MAX_EXAMPLES per operation and mode, derandomized (the same cases every run, so a
failure reproduces). (Schemathesis's own pytest plugin, `from_fixture`, does not run on pytest 9,
so the operations' Hypothesis strategies are driven here.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

MAX_EXAMPLES = 30
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_every_operation_answers_as_documented(catalog_client, mode):
    schema = schemathesis.openapi.from_asgi("/openapi.json", catalog_client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    if mode == GenerationMode.NEGATIVE:       # an operation without query parameters cannot be sent an invalid one
        operations = [op for op in operations if len(op.query)]
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def answers_as_documented(case):
            case.call_and_validate(checks=CHECKS)

        answers_as_documented()
