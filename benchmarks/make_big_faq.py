"""Writes a large, realistic faq.yaml (the shipped entries, varied) for the search benchmark."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TOPICS = [
    "정산",
    "반품",
    "교환",
    "배송",
    "송장",
    "세금계산서",
    "상품 등록",
    "이미지",
    "로그인",
    "페널티",
    "리뷰",
    "등급",
    "쿠폰",
    "포인트",
    "광고",
    "톡톡",
    "주문 취소",
    "구매 확정",
    "묶음 배송",
    "해외 배송",
]
VERBS = ["안 돼요", "언제 되나요", "오류가 나요", "변경하고 싶어요", "확인하는 방법", "보류됐어요", "지연돼요"]


def write_big_faq(path: Path, count: int) -> None:
    shipped = yaml.safe_load((ROOT / "data" / "faq.yaml").read_text(encoding="utf-8"))
    base = shipped["entries"]
    entries = []
    for i in range(count):
        seed = base[i % len(base)]
        topic, verb = TOPICS[i % len(TOPICS)], VERBS[(i // len(TOPICS)) % len(VERBS)]
        entries.append(
            {
                "id": f"{seed['id']}-{i}",
                "type": seed["type"],
                "question": f"{topic} {verb} ({i}번째 사례)",
                "answer": seed["answer"] * 2,
                "keywords": [topic, *seed.get("keywords", [])],
                "sources": seed["sources"],
                "en": seed["en"],
            }
        )
    doc = {
        "version": 1,
        "synonyms": shipped.get("synonyms", []),
        "off_topic": shipped.get("off_topic", []),
        "entries": entries,
    }
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    write_big_faq(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
