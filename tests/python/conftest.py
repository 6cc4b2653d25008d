"""Shared fixtures of the Python module's tests (run by CTest with the build tree's module on
PYTHONPATH; see python/CMakeLists.txt)."""

import os
import pathlib

import pytest

import nerkit

SOURCE_DIR = pathlib.Path(os.environ.get("NERKIT_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))

# A short news story the tests' offsets and dates are checked on (written for these tests).
STORY = ("BENGHAZI, Libya (AP) — Fighters loyal to the government entered Sirte on Friday, "
         "a spokesman, Ahmed Hadiya, told Reuters. The United Nations said on Monday that "
         "talks in Geneva would resume next week.\n")


@pytest.fixture(scope="session")
def extractor():
    """One extractor of the default dictionaries for the whole session, as a program would."""
    return nerkit.Extractor()


@pytest.fixture(scope="session")
def tool():
    """The build tree's nerkit-extract, for comparing records."""
    path = os.environ.get("NERKIT_EXTRACT")
    if not path or not os.access(path, os.X_OK):
        pytest.skip("NERKIT_EXTRACT does not name the nerkit-extract binary")
    return path
