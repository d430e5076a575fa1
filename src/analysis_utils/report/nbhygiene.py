"""Keep notebooks stored as the project stores them: outputs stripped, except the executed cells nbval checks.

``python -m analysis_utils.report.nbhygiene notebooks/*.ipynb`` runs each notebook on the seeds, keeps the
output and execution count of the cells marked ``# NBVAL_CHECK_OUTPUT`` and strips every other cell.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import nbformat

CHECK = "# NBVAL_CHECK_OUTPUT"


def is_checked(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and cell.source.lstrip().startswith(CHECK)


def problems(path: Path) -> list[str]:
    """What is wrong with how a notebook is stored (empty list when it is right)."""
    nb = nbformat.read(path, as_version=4)
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if is_checked(cell):
            if not isinstance(cell.get("execution_count"), int) or not cell.get("outputs"):
                out.append(f"{path.name} cell {i}: checked cell stored without execution count or output")
        elif cell.get("outputs") or cell.get("execution_count") is not None:
            out.append(f"{path.name} cell {i}: output not stripped")
    if not any(c.get("metadata", {}).get("tags") and "parameters" in c.metadata.tags for c in nb.cells):
        out.append(f"{path.name}: no cell tagged 'parameters'")
    return out


def refresh(path: Path) -> None:
    """Execute ``path`` on the seeds and store it: checked cells with outputs, the rest stripped."""
    import papermill

    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / path.name
        papermill.execute_notebook(str(path), str(executed), cwd=str(path.parent), progress_bar=False, log_output=False)
        done = nbformat.read(executed, as_version=4)
    nb = nbformat.read(path, as_version=4)
    count = 0
    for cell, ran in zip(
        nb.cells, [c for c in done.cells if "injected-parameters" not in c.metadata.get("tags", [])], strict=True
    ):
        if cell.cell_type != "code":
            continue
        if is_checked(cell):
            count += 1
            cell.execution_count = count
            cell.outputs = [o for o in ran.outputs if o.get("output_type") == "stream"]
        else:
            cell.execution_count = None
            cell.outputs = []
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)


def main(argv: list[str] | None = None) -> int:
    for name in argv if argv is not None else sys.argv[1:]:
        refresh(Path(name))
        print(f"refreshed {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
