"""Record the present score of all real pages as the floor tests/test_real_pages.py holds (after a change that gains ground).

.venv/bin/python tests/tools/record_floor.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score  # noqa: E402

FLOOR = score.REAL / "floor.json"


def main() -> int:
    now = next(r for r in score.score_all() if r["batch"] == "real, all")
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    floor["pages"] = now["pages"]
    floor["measured"] = {c: now[c] for c, _ in score.COLUMNS if now[c] is not None}
    FLOOR.write_text(json.dumps(floor, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(floor["measured"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
