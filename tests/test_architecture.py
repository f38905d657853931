"""The core is usable without Django: the web side calls it, never the other way round."""

import subprocess
import sys

CORE_MODULES = [
    "kinerja",
    "kinerja.ahp",
    "kinerja.scoring",
    "kinerja.sizing",
    "kinerja.compare",
    "kinerja.cli",
]


def test_core_imports_with_django_blocked():
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('django', 'rest_framework', 'kinerja_web'):\n"
        "            raise ImportError('core imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for module in {CORE_MODULES!r}:\n"
        "    __import__(module)\n"
    )
    completed = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
