"""The base of every fact type: immutable pydantic models, one JSON serialisation, a published schema.

Facts are frozen: extraction builds them once and rules only read them (a rule cannot change what another rule
sees). Collections are tuples for the same reason. Dates are `datetime.date`, written as ISO in JSON.
"""

from __future__ import annotations

from datetime import time
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainSerializer

# A clock time in JSON is "HH:MM" (the minute is all a dossier ever states).
ClockTime = Annotated[time, PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str, when_used="json")]
# Values of an explanation: JSON scalars and lists of them (dates become ISO strings at the serialisation point).
JsonValue = Any
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


class Fact(BaseModel):
    """An immutable fact; unknown fields are an error (a typo in a builder must not pass silently)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
