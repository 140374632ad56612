"""Failures schemathesis reports that no OpenAPI document can prevent, each with its reason.

Every other failure of every check fails the end-to-end test.
"""

import json

import schemathesis


def problem_detail(response) -> str:
    """The `detail` of a 422 problem response, or "" for any other response."""
    if response.status_code != 422:
        return ""
    try:
        return str(json.loads(response.text).get("detail", ""))
    except (ValueError, AttributeError):
        return ""


def cascades_with_a_reference(document: dict, created_with: str) -> bool:
    """Whether the rows `created_with` (`POST /api/tasks`) creates must reference another row:
    a required `ref`, which strata declares ON DELETE CASCADE."""
    method, path = created_with.split(" ", 1)
    body = document["paths"][path][method.lower()]["requestBody"]["content"]["application/json"]
    component = document["components"]["schemas"][body["schema"]["$ref"].split("/")[-1]]
    return any(
        name.endswith("Id") and component["properties"][name].get("format") == "uuid"
        for name in component.get("required", [])
    )


@schemathesis.hook
def filter_failure(context, failure, case, response) -> bool:
    # ST202, a schema-valid request refused, is the right answer to two requests whose validity
    # depends on stored data rather than on their shape:
    # - a `cursor` the server never issued: cursors are opaque, and no schema can tell an issued
    #   one from any other base64url text;
    # - a reference (`<name>Id`) to a row that does not exist, or that the caller may not read.
    # Both are a 422 naming the field, as Rails and Phoenix answer them. Only those are dropped.
    if failure.code == "ST202":
        detail = problem_detail(response)
        data_dependent = (
            detail == "The cursor is not valid for this list."
            or detail == "A referenced record does not exist."
            or (detail.startswith("The referenced ") and detail.endswith(" does not exist."))
        )
        if data_dependent:
            return False
    # ST302, a created row not found, is right when the row it referenced was deleted in
    # between: a required reference cascades (ON DELETE CASCADE), and schemathesis counts only
    # DELETEs of the row itself. Only 404s of such rows are dropped.
    if failure.code == "ST302" and cascades_with_a_reference(
        case.operation.schema.raw_schema, failure.created_with
    ):
        return False
    return True
