"""The build's one step beyond pyproject.toml: the pipeline's two hot stages compiled with mypyc.

geo/matching.py and geo/resolution.py are plain, type-checked Python; mypyc compiles them to C
extension modules beside the source (the same output, faster). The source stays the reference:
``GEO_PURE_PYTHON=1`` at install compiles nothing, and at run time imports the source instead
(see geo/compiled.py, which also falls back to the source when it has changed since it was compiled).
"""
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))   # (the build runs from the source tree)
from geo.compiled import COMPILED, pure_python_wanted, record_build  # noqa: E402


class BuildAndRecord(build_ext):
    """Builds the extension modules, then records what they were compiled from (only once they are built)."""

    def run(self):
        super().run()
        target = Path("geo") if self.inplace else Path(self.build_lib) / "geo"
        record_build(source_dir=Path("geo"), target_dir=target)


def ext_modules():
    if pure_python_wanted():
        return []
    from mypyc.build import mypycify

    # The modules they import are read for their types, not checked: they are not compiled. The
    # build runs in pip's isolated environment, without the runtime dependencies (wordfreq,
    # rapidfuzz): their values are typed Any, as mypyc treats any untyped library.
    options = ["--follow-imports=silent", "--ignore-missing-imports"]
    return mypycify([*options, *(f"geo/{name}.py" for name in COMPILED)], opt_level="3")


setup(ext_modules=ext_modules(), cmdclass={"build_ext": BuildAndRecord})
