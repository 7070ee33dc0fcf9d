"""Package discovery (the rest of the metadata is in pyproject.toml): every package under desk/
is found, and resources/ is installed as desk.resources."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["desk", "desk.*"]), "desk.resources"],
    package_dir={"desk.resources": "resources"},
)
