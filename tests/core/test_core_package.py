"""``kokoon_desktop.core`` re-exports its names, loading each submodule only when it is used."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from kokoon_desktop import core


@pytest.mark.parametrize("name", core.__all__)
def test_every_exported_name_is_the_one_its_module_defines(name: str) -> None:
    value = getattr(core, name)
    module = importlib.import_module(f"kokoon_desktop.core.{core._MODULE_OF[name]}")
    assert value is getattr(module, name)


def test_every_exported_name_is_listed() -> None:
    assert sorted(core._MODULE_OF) == sorted(core.__all__)
    assert set(core.__all__) <= set(dir(core))


def test_unknown_names_and_submodules() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = core.no_such_name
    from kokoon_desktop.core import human  # a submodule is still imported as one

    assert human.__name__ == "kokoon_desktop.core.human"


def test_one_submodule_does_not_load_the_others() -> None:
    # The history store needs the enums before the window is shown; timecode and task rules
    # (with fractions and decimal) are the form's business.
    code = (
        "import sys, kokoon_desktop.core.enums\n"
        "print(sorted(m for m in sys.modules if m.startswith('kokoon_desktop.core')))\n"
        "print('fractions' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    modules, fractions_loaded = result.stdout.splitlines()
    assert modules == "['kokoon_desktop.core', 'kokoon_desktop.core.enums']"
    assert fractions_loaded == "False"
