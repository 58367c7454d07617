"""Start-up stays cheap: what a command imports, and the shipped tables that replace slow imports hold the same values.

Not timed (the machine is shared): the tests check *what* is imported, in a
fresh interpreter, which is what the seconds come from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np

from aspects.measure import filterbanks
from registries import naming
from tests.media import REPO

# Each takes from a tenth of a second to seconds to import.
HEAVY = ("numpy", "scipy", "librosa", "numba", "pyloudnorm", "prefect", "matplotlib", "skimage", "duckdb", "cv2", "av", "pandas", "pydantic", "httpx", "tqdm")

PROBE = """
import json, sys
from aspects.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in {heavy})), file=sys.stderr)
"""


def imported_by(args: list[str], data_dir) -> list[str]:
    """Heavy top-level packages in ``sys.modules`` after ``aspects ARGS`` ran in a fresh interpreter."""
    code = PROBE.format(heavy=set(HEAVY))
    env = dict(os.environ, ASPECTS_DATA_DIR=str(data_dir), PREFECT_HOME=str(data_dir / "prefect"))
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO, env=env, timeout=300)
    return sorted({name.split(".")[0] for name in json.loads(out.stderr.strip().splitlines()[-1])})


def test_help_imports_no_heavy_library(data_dir):
    assert imported_by(["--help"], data_dir) == []
    assert imported_by(["analyze", "--help"], data_dir) == []


def test_analyze_imports_only_what_measuring_needs(videos, data_dir):
    """No pyloudnorm, matplotlib, Prefect, pandas, DuckDB (no store yet), httpx, for a video with sound.

    (librosa, with numba, comes with the dynamic stage's tempo estimator when it looks for a tempo.)
    """
    modules = imported_by(["analyze", str(videos["red"]), "--json", str(data_dir / "red.json")], data_dir)
    assert json.loads((data_dir / "red.json").read_text())["frames"]
    assert set(modules) & {"pyloudnorm", "matplotlib", "prefect", "pandas", "duckdb", "httpx"} == set()


def test_the_decode_stage_leaves_the_sound_libraries_to_the_sound_process(videos, data_dir):
    """The picture's side of the decode pass imports none of librosa (numba), pyloudnorm, matplotlib: the sound process does."""
    code = (
        "import sys; from aspects.measure import sound_process; sound_process.MIN_DURATION_S = 0.0; "
        "from aspects.pipeline import measure_video; from aspects.settings import get_settings; "
        f"measure_video({str(videos['red'])!r}, get_settings()); "
        "print(sorted(m for m in ('numba', 'pyloudnorm', 'matplotlib', 'onnxruntime', 'soxr') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr


def test_shipped_filter_tables_equal_librosa_and_pyloudnorm():
    computed = filterbanks.compute(filterbanks.SHIPPED_SR)
    shipped = filterbanks.tables(filterbanks.SHIPPED_SR)
    assert sorted(shipped) == sorted(computed)
    for name, table in computed.items():
        assert shipped[name].dtype == table.dtype and np.array_equal(shipped[name], table), name
    import librosa

    assert np.array_equal(filterbanks.fft_frequencies(22050, 2048), librosa.fft_frequencies(sr=22050, n_fft=2048))
    other = filterbanks.tables(16000)  # any other rate is computed
    assert np.array_equal(other["mel"], librosa.filters.mel(sr=16000, n_fft=filterbanks.MEL_N_FFT, n_mels=filterbanks.MEL_BANDS))


def test_shipped_public_colours_equal_matplotlib():
    assert naming.public_color_table() == json.loads(json.dumps(naming.public_color_table_from_matplotlib()))
    names, lab = naming.public_colors()
    assert len(names) == len(set(names)) > 900 and lab.shape == (len(names), 3)
