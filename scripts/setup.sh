#!/usr/bin/env bash
# Idempotent set-up: QGIS and the system libraries from Debian's packages, then a virtual
# environment made from the system Python (so `qgis` imports) with the dev dependencies.
# numpy and scipy stay the system's: GDAL's and SciPy's bindings are built against them; numba
# (compiled network searches) too, since it is built against that numpy.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium: the headless browser of the web-map tests and benchmark, driven by Playwright
# (requirements/dev.txt) through executable_path; Playwright's own browser download is never used.
# python3-matplotlib: the atlas's charts. libreoffice-calc-nogui: the test that opens the Excel
# dashboard in LibreOffice (soffice --headless --convert-to pdf).
DEB_PACKAGES=(qgis python3-qgis qgis-providers python3-gdal gdal-bin python3-scipy python3-pandas python3-openpyxl python3-venv
              python3-pip python3-numba python3-matplotlib qttools5-dev-tools chromium
              libreoffice-calc-nogui)
missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
    /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
# Pin numpy, scipy and numba to the versions Debian installed.
"$VENV/bin/python" - > "$VENV/constraints.txt" <<'PY'
import numpy, scipy
print(f"numpy=={numpy.__version__}")
print(f"scipy=={scipy.__version__}")
try:  # optional: the searches fall back to SciPy without it
    import numba
    print(f"numba=={numba.__version__}")
except Exception:
    pass
PY
stamp="$VENV/.deps-installed"
if [ ! -f "$stamp" ] || [ requirements/dev.txt -nt "$stamp" ] || [ "$VENV/constraints.txt" -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        -c "$VENV/constraints.txt" -r requirements/dev.txt
    touch "$stamp"
fi
"$VENV/bin/python" -c "import qgis.core, numpy, pandas; print('setup: QGIS', qgis.core.Qgis.QGIS_VERSION, '| numpy', numpy.__version__, '| pandas', pandas.__version__)"
