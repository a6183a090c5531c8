"""Writes a case journal of many realistic cases (with notes and promises) for the scale benchmark.

    python benchmarks/make_big_journal.py FOLDER [COUNT]

FOLDER becomes the journal's folder (SS_HELP_HOME); COUNT cases (50,000 by default), every third
with two notes and every seventh with a promised reply, written through the journal's own schema.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
TYPES = ("payment", "delivery", "return", "account", "product", "other")
CHANNELS = ("chat", "phone", "email", "faq")


def make(folder: Path, count: int) -> Path:
    os.environ["SS_HELP_HOME"] = str(folder)
    from smartstore_help.store.journal import Journal

    journal = Journal()  # the real schema, migrated to the current version
    start = datetime(2024, 1, 1, 9, 0, tzinfo=KST)
    cases, notes = [], []
    for i in range(1, count + 1):
        made = start + timedelta(minutes=17 * i)
        closed = i % 2 == 0
        cases.append(
            (
                i,
                made.isoformat(timespec="seconds"),
                TYPES[i % len(TYPES)],
                json.dumps({"urgent": i % 3 == 0, "complex": i % 5 == 0, "prefer": "any"}),
                json.dumps(
                    {
                        "description": f"정산이 {i % 9 + 1}일째 보류 상태예요. 주문 {i}건 확인 부탁드립니다.",
                        "order_no": f"2026{i:012d}",
                        "tried": "정산관리 메뉴 확인",
                        "store_id": f"store-{i % 100}",
                    },
                    ensure_ascii=False,
                ),
                CHANNELS[i % len(CHANNELS)],
                CHANNELS[(i + 1) % len(CHANNELS)],
                "안녕하세요. 스마트스토어 판매자입니다. " * 8,
                "closed" if closed else "open",
                (i % 4 != 0) if closed else None,
                i % 5 + 1 if closed else None,
                "친절했어요" if closed else None,
                (made + timedelta(hours=5)).isoformat(timespec="seconds") if closed else None,
            )
        )
        if i % 3 == 0:
            for k in range(2):
                due = (made + timedelta(days=2)).isoformat(timespec="seconds") if i % 7 == 0 and k == 1 else None
                notes.append(
                    (
                        i,
                        (made + timedelta(hours=k + 1)).isoformat(timespec="seconds"),
                        f"상담원 메모 {k}",
                        f"R-{i}-{k}",
                        due,
                        2 if due else None,
                    )
                )
    with journal.transaction() as db:
        db.executemany(
            "INSERT INTO cases (id, created_at, type, answers, details, recommended, chosen, draft, status, resolved,"
            " rating, feedback, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            cases,
        )
        db.executemany(
            "INSERT INTO notes (case_id, created_at, text, ref, reply_due, reply_days) VALUES (?, ?, ?, ?, ?, ?)", notes
        )
    journal.close()
    return journal.path


if __name__ == "__main__":
    print(make(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 50_000))
