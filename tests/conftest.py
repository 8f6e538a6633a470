import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))  # tests/strategies.py


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once with ``mkdocs build --strict``.

    ``make test`` builds it before pytest starts (so the build's progress shows) and names it in
    ``NT_BUILT_SITE``; otherwise the first test that needs it builds it, once for all workers of
    a parallel run (a lock in the run's shared temporary folder).
    """
    given = os.environ.get("NT_BUILT_SITE")
    if given and (Path(given) / "index.html").exists():
        return Path(given)
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # every worker's base folder lies in the run's folder
    site = shared / "site"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (site / "index.html").exists():
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NT_WIDGET_CACHE": str(shared / "widgets")}
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                cwd=ROOT, capture_output=True, text=True, env=env,
            )
            assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}"
    return site

