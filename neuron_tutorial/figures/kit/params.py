"""One table of a figure's reader-facing settings: name, label, range, step, default.

The table feeds everything that used to repeat a setting: the registry's defaults, the
builder's values (checked), the controls (a Slider or RadioButtonGroup named after the
setting) and the browser, where nt/state.js round-trips the settings through the widget
page's URL hash (``regions_2d.html#seed=3&m=12``), so a reader can link to what they see.
"""

from __future__ import annotations

from dataclasses import dataclass

from bokeh.models import RadioButtonGroup, Slider


@dataclass(frozen=True)
class Param:
    """One setting: a slider over ``[start, end]`` by ``step``, or a choice among ``choices``.

    For a choice, ``default`` and every value are indices into ``choices``.
    """

    name: str
    label: str
    default: float
    start: float = 0.0
    end: float = 1.0
    step: float = 1.0
    choices: tuple[str, ...] = ()

    def check(self, value) -> float:
        """``value`` if it is a valid setting, else a ValueError naming the setting."""
        if self.choices:
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(self.choices):
                raise ValueError(f"{self.name} must be an index into {list(self.choices)}, got {value!r}")
            return value
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not self.start <= value <= self.end:
            raise ValueError(f"{self.name} must be a number in [{self.start}, {self.end}], got {value!r}")
        return value

    def control(self, value=None, **options):
        """The Bokeh control for this setting, at ``value`` (the default if None)."""
        value = self.default if value is None else self.check(value)
        if self.choices:
            return RadioButtonGroup(labels=list(self.choices), active=value, name=self.name, **options)
        options.setdefault("sizing_mode", "stretch_width")
        return Slider(title=self.label, start=self.start, end=self.end, step=self.step, value=value,
                      name=self.name, **options)

    def spec(self) -> dict:
        """What the browser needs to read and write the setting in the URL hash."""
        if self.choices:
            return {"name": self.name, "property": "active", "start": 0, "end": len(self.choices) - 1,
                    "step": 1}
        return {"name": self.name, "property": "value", "start": self.start, "end": self.end,
                "step": self.step}


class Params:
    """A figure's settings, in the order its controls appear."""

    def __init__(self, *params: Param):
        self._params = {p.name: p for p in params}

    def __getitem__(self, name: str) -> Param:
        return self._params[name]

    def __iter__(self):
        return iter(self._params.values())

    def defaults(self) -> dict:
        """Every setting at its default: the registry's parameters."""
        return {p.name: p.default for p in self}

    def values(self, given: dict) -> dict:
        """The defaults updated by ``given``, each checked; an unknown name is a ValueError."""
        unknown = set(given) - set(self._params)
        if unknown:
            raise ValueError(f"settings must be among {sorted(self._params)}, got unknown {sorted(unknown)}")
        return {p.name: p.check(given.get(p.name, p.default)) for p in self}

    def spec(self) -> list[dict]:
        return [p.spec() for p in self]
