"""The apps' borders (house style, "Apps have borders"): catalogue depends on
municipalities and on common; municipalities only on common; common on neither app."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What each package may not import: the packages above it.
FORBIDDEN = {
    "municipalities": {"catalogue"},
    "common": {"catalogue", "municipalities"},
}


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports, wherever in the module (functions too)."""
    packages = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            packages.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            packages.add(node.module.split(".")[0])
        elif (  # import_module("catalogue.x") and __import__ name the package as text
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None))
            in ("import_module", "__import__", "import_string")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            packages.add(node.args[0].value.split(".")[0])
    return packages


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_app_imports_nothing_from_the_apps_that_depend_on_it(package):
    modules = sorted((ROOT / package).rglob("*.py"))
    crossings = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in modules
    }
    assert {path: names for path, names in crossings.items() if names} == {}


def test_the_border_check_sees_imports_in_functions_and_from_forms(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "import catalogue.models\n"
        "from municipalities import views\n"
        "def later():\n"
        "    from catalogue.api import api\n"
        "    return import_module('common.links')\n"
    )
    assert imported_packages(module) == {"catalogue", "municipalities", "common"}


def test_the_border_check_reads_every_module_of_the_app():
    assert ROOT / "municipalities" / "views.py" in set((ROOT / "municipalities").rglob("*.py"))
    assert imported_packages(ROOT / "municipalities" / "views.py") >= {"common", "django"}
