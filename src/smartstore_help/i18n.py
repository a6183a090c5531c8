"""Every sentence the program itself says, in Korean and English."""

from __future__ import annotations

from smartstore_help.model import Lang

_MESSAGES: dict[str, tuple[str, str]] = {
    # hours
    "title.hours": ("스마트스토어 판매자 고객센터", "SmartStore seller support"),
    "col.channel": ("채널", "Channel"),
    "col.status": ("상태", "Status"),
    "col.when": ("언제", "When"),
    "col.contact": ("연락 방법", "How to reach"),
    "col.hours": ("운영 시간", "Hours"),
    "col.pros": ("장점", "Pros"),
    "col.cons": ("단점", "Cons"),
    "state.open": ("열림", "open"),
    "state.break": ("휴게 시간", "on break"),
    "state.closed": ("닫힘", "closed"),
    "state.always": ("항상 이용 가능", "always available"),
    "reason.break": ("점심시간", "lunch break"),
    "reason.before_open": ("업무 시작 전", "not open yet"),
    "reason.after_close": ("업무 종료", "closed for the day"),
    "reason.weekend": ("주말", "weekend"),
    "reason.holiday": ("공휴일", "public holiday"),
    "reason.closed_date": ("휴무일", "closed date"),
    "closes_at": ("{when}까지 · {left} 남음", "until {when} · {left} left"),
    "opens_at": ("{when} 열림 · {left}", "opens {when} · {left}"),
    "answered_during": ("접수는 언제든, 답변은 업무 시간에", "send any time; answered in business hours"),
    "answers_from": ("답변은 {when}부터", "answers from {when}"),
    "answered_now": ("지금 업무 시간: 답변이 진행 중", "business hours: answers are going out"),
    "never_opens": ("다시 열리는 날을 찾지 못했습니다", "no upcoming opening found"),
    "checked": ("정보 확인일 {date} · 바뀌었을 수 있으니 공식 고객센터에서 꼭 확인하세요: {url}",
                "Facts checked on {date}; they may have changed, so confirm on the official help center: {url}"),
    "schedule.weekdays": ("{days} {open}–{close}", "{days} {open}-{close}"),
    "schedule.break": ("휴게 {start}–{end}", "break {start}-{end}"),
    "schedule.holidays_closed": ("공휴일 휴무", "closed on public holidays"),
    "schedule.always": ("24시간", "24 hours"),
    "week.title": ("{channel} · {start}부터 7일", "{channel} · 7 days from {start}"),
    "week.legend": ("█ 운영  ▒ 휴게  · 닫힘  ▼ 지금", "█ open  ▒ break  · closed  ▼ now"),
    "check.open": ("{channel}: 지금 열려 있습니다", "{channel}: open now"),
    "check.closed": ("{channel}: 지금 닫혀 있습니다 · {why}", "{channel}: closed now · {why}"),
    "wait.already": ("{channel}: 이미 열려 있습니다", "{channel}: already open"),
    "wait.waiting": ("{channel} 열릴 때까지 기다리는 중 · {when}", "Waiting for {channel} to open · {when}"),
    "wait.done": ("{channel}: 지금 열렸습니다!", "{channel} is open now!"),
    "wait.never": ("{channel}: 다시 열리는 시각이 없습니다", "{channel}: it has no upcoming opening"),
    # faq
    "faq.type.technical": ("기술", "Technical"),
    "faq.type.payment": ("결제·정산", "Payment"),
    "faq.type.return_exchange": ("반품·교환", "Returns"),
    "faq.type.general": ("일반", "General"),
    "faq.results": ("'{query}' 검색 결과 {count}건", "{count} result(s) for '{query}'"),
    "faq.more": ("전체 답변 보기: ss-help faq show {id}", "Full answer: ss-help faq show {id}"),
    "faq.none": ("'{query}'에 맞는 FAQ를 찾지 못했습니다.", "No FAQ entry matches '{query}'."),
    "faq.closest": ("혹시 이 질문인가요?", "Did you mean one of these?"),
    "faq.ask_instead": ("상담으로 물어보세요 (ss-help contact):", "Ask support instead (ss-help contact):"),
    "faq.source": ("출처", "Source"),
    "faq.confirm": ("정책은 바뀔 수 있으니 공식 고객센터에서 확인하세요: {url}",
                    "Policies change; confirm on the official help center: {url}"),
    "faq.count": ("FAQ {count}건", "{count} FAQ entries"),
    "error.empty_query": ("검색어를 입력하세요 (예: ss-help faq search 정산 보류)",
                          "type something to search for (e.g. ss-help faq search settlement hold)"),
    "error.unknown_faq": ("FAQ 항목이 없습니다: {value!r}{hint}", "no FAQ entry {value!r}{hint}"),
    "error.unknown_faq_hint": (" (비슷한 id: {ids})", " (similar ids: {ids})"),
    "error.unknown_type": ("알 수 없는 유형입니다: {value!r} (가능: {known})",
                           "unknown type {value!r} (known: {known})"),
    "error.bad_limit": ("--limit 은 1 이상이어야 합니다", "--limit must be 1 or more"),
    # data check
    "data.valid": ("데이터가 올바릅니다", "The data is valid"),
    "data.invalid": ("문제 {count}개를 찾았습니다", "Found {count} problem(s)"),
    "data.builtin": ("기본 제공", "built-in"),
    "data.user": ("사용자 파일", "your file"),
    # errors
    "error.prefix": ("오류", "error"),
    "error.bad_at": ("--at 시각을 읽을 수 없습니다: {value!r} (예: 2026-02-13T18:00, 2026-02-13 18:00+09:00, 17:59)",
                     "cannot read the --at time {value!r} (e.g. 2026-02-13T18:00, 2026-02-13 18:00+09:00, 17:59)"),
    "error.unknown_channel": ("알 수 없는 채널입니다: {value!r} (가능: {known})",
                              "unknown channel {value!r} (known: {known})"),
    "error.bad_lang": ("알 수 없는 언어입니다: {value!r} (ko 또는 en)", "unknown language {value!r} (ko or en)"),
    "error.wait_at": ("--wait 는 지금 시각에만 쓸 수 있어 --at 과 함께 쓸 수 없습니다",
                      "--wait follows the real clock and cannot be combined with --at"),
    "interrupted": ("중단했습니다. 저장하거나 바꾼 것은 없습니다.", "Stopped. Nothing was saved or changed."),
}


def t(key: str, lang: Lang, **values: object) -> str:
    ko, en = _MESSAGES[key]
    return (ko if lang == "ko" else en).format(**values)
