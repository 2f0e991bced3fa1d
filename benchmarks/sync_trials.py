"""1 000 randomised two-agent synchronisation trials: edits made, edits lost, conflicts
reported, and the time they take.

Each trial (sample_territory.sync_trials, seeded by its number) prepares two overlapping
field packages of a small territory, plays random edits on both as QField would (field
updates, new premises, deletions of a premise with its observation; in a quarter of the
trials one edit breaks a rule of the forms), synchronises A then B, and judges the shared
file against an oracle replaying the stated rules. Edits lost (target 0): an agent's edit
neither in the final file nor in its report. Every final file is checked with GDAL's
validate_gpkg (in-process) unless --no-validate.

Usage: .venv/bin/python benchmarks/sync_trials.py [trials] [--first SEED] [--no-validate]
"""

import _bootstrap  # noqa: F401, I001  (must come first: registers the package)

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from observatoire_commerce.sample_territory import sync_trials


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trials", nargs="?", type=int, default=1000)
    parser.add_argument("--first", type=int, default=0, help="first seed")
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args()
    validate = None
    if not args.no_validate:
        try:
            from osgeo_utils.samples.validate_gpkg import check as validate
        except ImportError:
            print("GDAL's validate_gpkg is not importable: files not validated")
    totals = {"edits": 0, "lost": 0, "conflicts": 0, "refused": 0, "mismatches": 0,
              "unreported": 0, "unexpected": 0, "invalid files": 0}
    failed = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sync-trials-") as tmp:
        tmp = Path(tmp)
        template = tmp / "template.gpkg"
        sync_trials.build_territory(template)
        for seed in range(args.first, args.first + args.trials):
            folder = tmp / f"trial-{seed}"
            result = sync_trials.run_trial(seed, folder, template)
            totals["edits"] += result.edits
            totals["lost"] += len(result.lost)
            totals["conflicts"] += result.conflicts
            totals["refused"] += result.refused
            totals["mismatches"] += len(result.mismatches)
            totals["unreported"] += len(result.unreported)
            totals["unexpected"] += len(result.unexpected)
            if validate is not None:
                try:
                    validate(str(result.shared))
                except Exception as exc:  # noqa: BLE001 - GPKGCheckException and friends
                    totals["invalid files"] += 1
                    print(f"seed {seed}: validate_gpkg: {exc}")
            if not result.ok:
                failed.append(seed)
                print(f"seed {seed}: lost {result.lost} mismatches {result.mismatches} "
                      f"unreported {result.unreported} unexpected {result.unexpected}")
            shutil.rmtree(folder, ignore_errors=True)
            done = seed - args.first + 1
            if done % 100 == 0:
                print(f"  {done} trials, {time.perf_counter() - started:.0f} s", flush=True)
    seconds = time.perf_counter() - started
    print(f"trials: {args.trials} (seeds {args.first}..{args.first + args.trials - 1})")
    print(f"edits made: {totals['edits']}")
    print(f"edits lost: {totals['lost']} (target 0)")
    print(f"conflicts reported: {totals['conflicts']} (every one the oracle expects: "
          f"{totals['unreported']} unreported, {totals['unexpected']} unexpected)")
    print(f"rows refused by the form rules (reported fields): {totals['refused']}")
    print(f"fields differing from the oracle: {totals['mismatches']}")
    print("files failing validate_gpkg: "
          + ("not checked" if validate is None else str(totals["invalid files"])))
    print(f"time: {seconds:.1f} s ({seconds / max(args.trials, 1) * 1000:.0f} ms per trial)")
    if failed:
        print(f"failed seeds: {failed}")
    return 1 if failed or totals["invalid files"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
