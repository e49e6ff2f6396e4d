"""How fast is load + validate, compared with a bare parse by libyaml?

Not a test: `python3 benchmarks/load_validate.py [--repeats N]` prints a table.
For a synthetic 500-node scenario (benchmarks/synthetic.py, written to a
temporary file) and for every file under scenarios/, it times, best of N:

- ours: `read_scenario` + `check_scenario`, i.e. what `validate` does for a file;
- bare: reading the file and `yaml.load(text, Loader=yaml.CSafeLoader)`, the
  fastest way PyYAML has to turn the file into Python data, with no checks.

Both include reading the file. A breakdown then shows where our time goes:
read + compose (libyaml builds located nodes), model build (typing and checking
every value), and validate, split into the exploration of every reachable state
and the other whole-story checks. The parts are timed separately, each best of
N, so they add up to about, not exactly, the total.

Goals: the 500-node scenario loads and validates in under 0.5 s, and within 3x
of the bare C-loader parse.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import SCENARIO_ID, synthetic_scenario

from game.story import check_scenario, read_scenario
from game.story.explore import explore
from game.story.validate import scenario_files
from game.story.yaml_source import read_yaml

GOAL_SECONDS = 0.5
GOAL_RATIO = 3.0


def best_of(repeats: int, work: Callable[[], object]) -> float:
    """The fastest of `repeats` runs of `work`, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def ours(path: Path) -> None:
    loaded = read_scenario(path)
    if loaded.scenario is not None:
        check_scenario(loaded.scenario)


def bare(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def bare_compose(path: Path) -> None:
    yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@dataclass
class Timing:
    name: str
    size: int
    nodes: str
    states: str
    ours: float
    bare: float
    bare_compose: float
    compose: float
    build: float
    checks: float
    explore: float

    @property
    def ratio(self) -> float:
        return self.ours / self.bare


def measure(path: Path, name: str, repeats: int) -> Timing:
    loaded = read_scenario(path)
    errors = [d for d in loaded.diagnostics if d.is_error]
    if errors:
        print(f"note: {name} has load errors; timings still include them: {errors[0]}")
    scenario = loaded.scenario
    total = best_of(repeats, lambda: ours(path))
    compose = best_of(repeats, lambda: read_yaml(path))
    load = best_of(repeats, lambda: read_scenario(path))
    if scenario is not None:
        check = best_of(repeats, lambda: check_scenario(scenario))
        exploring = best_of(repeats, lambda: explore(scenario))
        nodes, states = str(len(scenario.nodes)), f"{len(explore(scenario).states):,}"
    else:  # a guide (kind: guide): loading is all there is
        check = exploring = 0.0
        nodes, states = "guide", "-"
    return Timing(name, path.stat().st_size, nodes, states, total,
                  best_of(repeats, lambda: bare(path)), best_of(repeats, lambda: bare_compose(path)),
                  compose, max(load - compose, 0.0), max(check - exploring, 0.0), exploring)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def print_tables(timings: list[Timing]) -> None:
    width = max(len("file"), *(len(t.name) for t in timings))
    print(f"{'file':<{width}}  {'bytes':>8}  {'nodes':>5}  {'ours (ms)':>9}  {'bare C loader (ms)':>18}  {'ratio':>6}")
    for t in timings:
        print(f"{t.name:<{width}}  {t.size:>8,}  {t.nodes:>5}  {ms(t.ours):>9}  {ms(t.bare):>18}  {t.ratio:>5.1f}x")
    print()
    print("Where our time goes (ms, each part best of N on its own):")
    print(f"{'file':<{width}}  {'read+compose':>12}  {'(C compose only)':>16}  {'model build':>11}  "
          f"{'other checks':>12}  {'explore':>7}  {'states':>7}")
    for t in timings:
        print(f"{t.name:<{width}}  {ms(t.compose):>12}  {ms(t.bare_compose):>16}  {ms(t.build):>11}  "
              f"{ms(t.checks):>12}  {ms(t.explore):>7}  {t.states:>7}")


def print_verdicts(big: Timing) -> None:
    fast = big.ours < GOAL_SECONDS
    close = big.ratio <= GOAL_RATIO
    print()
    print(f"goal: 500-node load+validate under {GOAL_SECONDS} s: {'MET' if fast else 'MISSED'} "
          f"({big.ours:.3f} s)")
    print(f"goal: within {GOAL_RATIO:g}x of the bare C-loader parse: {'MET' if close else 'MISSED'} "
          f"({big.ratio:.1f}x; without exploring every state, {(big.ours - big.explore) / big.bare:.1f}x)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs per measurement; the best counts (default 7)")
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__} (libyaml {yaml.__with_libyaml__}), "
          f"best of {args.repeats}")
    print()
    with tempfile.TemporaryDirectory() as folder:
        synthetic = Path(folder) / f"{SCENARIO_ID}.yaml"
        synthetic.write_text(synthetic_scenario(500), encoding="utf-8")
        timings = [measure(synthetic, f"{SCENARIO_ID} (synthetic)", args.repeats)]
        scenarios = ROOT / "scenarios"
        files = scenario_files([scenarios]) if scenarios.is_dir() else []
        for path in files:
            timings.append(measure(path, str(path.relative_to(ROOT)), args.repeats))
        print_tables(timings)
        if not files:
            print("(no files under scenarios/)")
        print_verdicts(timings[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
