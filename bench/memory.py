"""Peak memory and CPU time of a process and all its descendants, sampled while it runs."""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass, field

import psutil

SAMPLE_EVERY_S = 0.1


@dataclass
class TreeUsage:
    """What a process tree used: largest single RSS, largest sum of RSS, CPU seconds."""

    peak_process_rss_mb: float = 0.0
    peak_total_rss_mb: float = 0.0
    processes: int = 0
    cpu_s: dict[int, float] = field(default_factory=dict)  # pid -> last seen user+system

    @property
    def total_cpu_s(self) -> float:
        return sum(self.cpu_s.values())


def run_and_watch(command: list[str], env: dict[str, str] | None = None) -> tuple[str, TreeUsage]:
    """Run ``command``; returns its stdout and the usage of it and every process it started.

    The sum of RSS counts pages shared by forked workers once per process: an upper bound.
    """
    usage = TreeUsage()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            total = 0.0
            for process in tree:
                try:
                    rss = process.memory_info().rss / 2**20
                    times = process.cpu_times()
                except psutil.Error:
                    continue
                total += rss
                usage.peak_process_rss_mb = max(usage.peak_process_rss_mb, rss)
                usage.cpu_s[process.pid] = times.user + times.system
            usage.peak_total_rss_mb = max(usage.peak_total_rss_mb, total)
            usage.processes = max(usage.processes, len(tree))
            time.sleep(SAMPLE_EVERY_S)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    stdout, _ = proc.communicate()
    done.set()
    watcher.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode}")
    return stdout, usage
