"""Whole-process timings of ss-help against a bare `python -c pass`, measured in the same run.

    python benchmarks/bench.py            # every case, 9 runs each
    python benchmarks/bench.py hours -n 15

Each run of a case is paired with a run of the baseline just before it, so both see the same
machine load. Each case reports the median wall time, the baseline's median, their ratio, the
target ratio from the issues, and the peak resident memory of its processes (ru_maxrss). The
cases on a journal of 50,000 cases (made once by make_big_journal.py) are held to an absolute
time (`case list`) or to a peak memory (`case export`, which streams) instead of a ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Case:
    name: str
    argv: list[str]
    target: float | None  # at most this many times the baseline
    env: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[], None] | None = None  # run once before timing (e.g. warm a cache)
    seconds: float | None = None  # at most this long, whatever the baseline
    megabytes: float | None = None  # at most this peak resident memory


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time in seconds and peak resident memory in MiB of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = 0
    return elapsed, usage.ru_maxrss / 1024


def measure(argv: list[str], env: dict[str, str], runs: int, baseline: list[str]) -> tuple[float, float, float]:
    """Median of `runs` timings of `argv`, each paired with a baseline run just before it, so both
    see the same machine load; returns (median, baseline median, peak MiB)."""
    run_once(argv, env)  # warm the OS file cache
    times, bases, peaks = [], [], []
    for _ in range(runs):
        bases.append(run_once(baseline, env)[0])
        elapsed, peak = run_once(argv, env)
        times.append(elapsed)
        peaks.append(peak)
    return statistics.median(times), statistics.median(bases), max(peaks)


def ss_help() -> list[str]:
    exe = shutil.which("ss-help", path=str(Path(sys.executable).parent)) or shutil.which("ss-help")
    return [exe] if exe else [sys.executable, "-m", "smartstore_help"]


def cases(work: Path) -> list[Case]:
    big = work / "big"

    def make_big() -> None:
        # In a child process: a forked child's peak memory counts the parent's, so this one stays small.
        big.mkdir(exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "make_big_faq.py"), str(big / "faq.yaml"), "10000"], check=True)

    journal = work / "journal-50k"

    def make_journal() -> None:
        if not journal.exists():  # in a child process, for the same reason as make_big
            subprocess.run([sys.executable, str(HERE / "make_big_journal.py"), str(journal), "50000"], check=True)

    at_scale = {"SS_HELP_HOME": str(journal)}
    cold_cache = work / "cold-cache"
    return [
        Case("hours", [*ss_help(), "hours"], 8),
        Case("hours --json", [*ss_help(), "hours", "--json"], 10),
        Case("faq search 정산 보류", [*ss_help(), "faq", "search", "정산 보류"], 9),
        Case(
            "faq search, a seller's sentence", [*ss_help(), "faq", "search", "판매한 돈이 아직 통장에 안들어왔어요"], 9
        ),
        Case(
            "faq search, 10k entries, warm",
            [*ss_help(), "faq", "search", "정산 보류", "--data-dir", str(big)],
            15,
            prepare=make_big,
        ),
        Case(
            "faq search, 10k entries, warm, a sentence",
            [*ss_help(), "faq", "search", "구매자가 사이즈가 안맞는다고 다른걸로 바꿔달래요", "--data-dir", str(big)],
            15,
        ),
        Case(
            "faq search, 10k entries, cold",
            [*ss_help(), "faq", "search", "정산 보류", "--data-dir", str(big)],
            None,
            env={"SS_HELP_CACHE_DIR": str(cold_cache)},
        ),
        Case(
            "contact --type payment --no-input --json",
            [*ss_help(), "contact", "--type", "payment", "--no-input", "--json"],
            10,
        ),
        Case(
            "contact DESCRIPTION --no-input --json (type inferred)",
            [*ss_help(), "contact", "정산이 3일째 보류 상태예요", "--no-input", "--json"],
            10,
        ),
        Case("case list, 50k cases", [*ss_help(), "case", "list"], None, at_scale, make_journal, seconds=0.5),
        Case(
            "case list, 50k cases, 20 columns",
            [*ss_help(), "case", "list"],
            None,
            {**at_scale, "COLUMNS": "20"},
            make_journal,
            seconds=0.5,
        ),
        Case(
            "case export --json, 50k cases",
            [*ss_help(), "case", "export", "--json"],
            None,
            at_scale,
            make_journal,
            megabytes=100,
        ),
        Case(
            "case export --csv, 50k cases",
            [*ss_help(), "case", "export", "--csv"],
            None,
            at_scale,
            make_journal,
            megabytes=100,
        ),
    ]


def first_question(runs: int, env: dict[str, str]) -> float:
    """Seconds from starting `ss-help contact` in a pseudo-terminal to its first question on screen."""
    import pexpect

    exe = ss_help()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        child = pexpect.spawn(
            exe[0],
            [*exe[1:], "contact"],
            env={**env, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"},
            encoding="utf-8",
            timeout=10,
            dimensions=(40, 120),
        )
        child.expect("어떤 문제인가요")
        times.append(time.perf_counter() - start)
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        child.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("only", nargs="*", help="run only cases whose name starts with one of these")
    parser.add_argument("-n", "--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "SS_HELP_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
        baseline = [sys.executable, "-c", "pass"]
        print(f"{'case':45s} {'median':>9s}  {'baseline':>8s}  {'ratio':>6s}  {'peak':>9s}")
        for case in cases(work):
            if args.only and not any(case.name.startswith(o) for o in args.only):
                continue
            if case.prepare:
                case.prepare()
            case_env = {**env, **case.env}
            if "cold" in case.name:
                timings, bases = [], []
                for _ in range(3):
                    shutil.rmtree(case.env["SS_HELP_CACHE_DIR"], ignore_errors=True)
                    bases.append(run_once(baseline, env)[0])
                    timings.append(run_once(case.argv, case_env))
                median, base = statistics.median(t for t, _ in timings), statistics.median(bases)
                peak = max(m for _, m in timings)
            else:
                median, base, peak = measure(case.argv, case_env, args.runs, baseline)
            ratio = median / base
            verdict = ""
            if case.target is not None:
                verdict = ("ok" if ratio <= case.target else "SLOW") + f" (≤{case.target:g}×)"
            if case.seconds is not None:
                verdict = ("ok" if median <= case.seconds else "SLOW") + f" (≤{case.seconds:g} s)"
            if case.megabytes is not None:
                verdict = ("ok" if peak <= case.megabytes else "BIG") + f" (≤{case.megabytes:g} MiB)"
            print(
                f"{case.name:45s} {median * 1000:6.1f} ms  {base * 1000:5.1f} ms  {ratio:5.1f}×  "
                f"{peak:5.1f} MiB  {verdict}"
            )
        if not args.only or any("contact (interactive)".startswith(o) for o in args.only):
            seconds = first_question(args.runs, env)
            verdict = ("ok" if seconds <= 0.5 else "SLOW") + " (≤0.5 s)"
            print(f"{'contact (interactive): first question shown':45s} {seconds * 1000:6.1f} ms  {verdict:>24s}")


if __name__ == "__main__":
    main()
