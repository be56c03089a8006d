"""The number span type."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from annotator import Span

Kind = Literal["cardinal", "ordinal", "percent", "money", "quantity", "fraction", "age"]
Qualifier = Literal[">", ">=", "<", "<=", "~"]
KINDS: tuple[Kind, ...] = ("cardinal", "ordinal", "percent", "money", "quantity", "fraction", "age")
NumberLabel = Literal["CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "FRACTION", "AGE"]
# int when the amount is whole (600, 2600), float otherwise (2.5, 0.5); both survive JSON exactly.
Number = int | float


class NumberSpan(Span):
    """A number as data: value, bounds, qualifier, unit (with SI value) or currency, and what it counts.

    ``label`` is ``kind`` in upper case (CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY, FRACTION, AGE).
    An age ("aged 87", "87-year-old", "87 yo") is its own kind, not a quantity, because a reader
    asks "how old" of it, not "how long": its value is the age in years, its unit "a" (year) with SI.
    The span includes a qualifier ("more than 600") and a unit or currency ("2,600-km", "$2.5bn"),
    never the counted noun.
    """

    label: NumberLabel = Field(description="The kind in upper case, so labeling tools can colour by it.")
    kind: Kind = Field(
        description="cardinal, ordinal, percent, money, quantity (with a unit), fraction or age (in years)."
    )
    value: Number = Field(
        description="The amount; for ranges and vague amounts the low bound. Percent: 45 for 45%. "
        "Fraction: the ratio (0.5 for 'half', 2 for 'twice'). Money: the full amount (2.5e9 for '$2.5bn')."
    )
    low: Number | None = Field(default=None, description="Lower bound of a range or vague amount.")
    high: Number | None = Field(default=None, description="Upper bound of a range or vague amount.")
    approx: bool = Field(default=False, description="True for 'about', 'nearly', 'some', 'dozens'...")
    qualifier: Qualifier | None = Field(
        default=None,
        description="'>' more than/over, '>=' at least/-plus, '<' fewer than, '<=' up to, '~' about.",
    )
    unit: str | None = Field(default=None, description="Unit symbol as pint writes it, e.g. 'km', 'mi', 'h'.")
    si_value: float | None = Field(default=None, description="The value converted to SI units (12 digits).")
    si_unit: str | None = Field(default=None, description="The SI unit of si_value, e.g. 'm', 's', 'm ** 2'.")
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code of money.")
    counted: str | None = Field(default=None, description="The noun phrase counted ('Pakistani soldiers').")
    counted_start: int | None = Field(
        default=None, ge=0, description="Start offset of counted (code points)."
    )
    counted_end: int | None = Field(default=None, ge=1, description="End offset of counted, exclusive.")
    counted_tokens: list[int] | None = Field(
        default=None, description="[first, last + 1) token indices of counted in the shared spaCy parse."
    )
