"""The import-layer contract: each module imports only from its own layer or the layers below it,
and no module imports itself back through others (no cycle).

    base -> readers -> structure -> rules -> figures -> analysis -> output -> api -> apps

(readers return a ReadResult; the structure layer builds the Document from it; figures are found with
the rules; relations, the audit, problems and places read figures and structure; the comparison and
the writers read frames; the API edge builds frames; the corpus run, the CLI and the view sit on top).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "summary_mining"

#: layer name -> module prefixes (dotted, relative to the package); order is bottom to top
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("errors", "_version", "datafiles", "normalize", "numerals", "frame")),
    ("readers", ("readers",)),
    ("structure", ("model", "structure", "documents")),
    ("rules", ("rules",)),
    ("figures", ("figures",)),
    ("analysis", ("places", "auditing", "problems", "figure_relations")),
    ("output", ("comparison", "export", "writer", "fonts", "charts")),
    ("api", ("pipeline", "extraction", "auditing.api", "figure_relations.api")),
    ("apps", ("corpus", "cli", "view", "_warm", "__main__", "__init__")),
]


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _layer(module: str) -> int:
    """The layer of the longest prefix naming the module (``auditing.api`` before ``auditing``)."""
    best = (-1, -1)
    for i, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best[1]:
                best = (i, len(p))
    if best[0] < 0:
        raise AssertionError(f"module {module!r} is in no layer: add it to LAYERS")
    return best[0]


def _imports(path: Path) -> set[str]:
    """The package modules ``path`` imports (anywhere in the file, lazy imports included)."""
    me = _module_name(path)
    package = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("summary_mining"):
                target = node.module[len("summary_mining"):].lstrip(".")
            else:
                continue
            for alias in node.names:  # ``from . import x`` imports the module x
                sub = f"{target}.{alias.name}" if target else alias.name
                out.add(sub if (PACKAGE / sub.replace(".", "/")).with_suffix(".py").exists()
                        or (PACKAGE / sub.replace(".", "/")).is_dir() else target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("summary_mining."):
                    out.add(alias.name[len("summary_mining."):])
    out.discard("")
    return {m for m in out if m != me}


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {m: _imports(p) for m, p in MODULES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_imports_only_its_layer_or_below(module):
    mine = _layer(module)
    above = sorted(f"{m} ({LAYERS[_layer(m)][0]})" for m in GRAPH[module] if _layer(m) > mine)
    assert not above, f"{module} ({LAYERS[mine][0]}) imports from layers above it: {above}"


def test_no_import_cycle():
    """Depth-first search over the import graph, package __init__ re-exports included."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH.get(m, ())):
            if n not in GRAPH:
                continue
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m)


def test_the_contract_sees_every_module_and_real_imports():
    """The graph is read from the source, not assumed: known edges are in it."""
    assert "structure" in GRAPH["documents"] and "readers.base" in GRAPH["structure"]
    assert "figures.find" in GRAPH["figures"] and "rules.units" in GRAPH["figures.find"]
    assert all(_layer(m) >= 0 for m in MODULES)
