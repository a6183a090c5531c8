"""Every sentence the program itself says, in Korean and English."""

from __future__ import annotations

from smartstore_help.core.model import Lang, Text
from smartstore_help.core.particles import with_particles

_MESSAGES: dict[str, tuple[str, str]] = {
    # hours
    "title.hours": ("스마트스토어 판매자 고객센터", "SmartStore seller support"),
    "col.channel": ("창구", "Channel"),
    "col.status": ("상태", "Status"),
    "col.when": ("언제", "When"),
    "col.hours": ("운영 시간", "Hours"),
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
    # hours: the date and the reason when the next opening is not today or tomorrow (issue 16)
    "opens_at_because": ("{when} 열림 ({why} 휴무) · {left}", "opens {when} (closed {why}) · {left}"),
    "answers_from_because": ("답변은 {when}부터 ({why} 휴무)", "answers from {when} (closed {why})"),
    "answered_during": ("접수는 언제든, 답변은 업무 시간에", "send any time; answered in business hours"),
    "answers_from": ("답변은 {when}부터", "answers from {when}"),
    "answered_now": ("지금 업무 시간: 답변이 진행 중", "business hours: answers are going out"),
    "never_opens": ("다시 열리는 날을 찾지 못했습니다", "no upcoming opening found"),
    "checked": (
        "정보 확인일 {date} · 바뀌었을 수 있으니 공식 고객센터에서 꼭 확인하세요:\n{url}",
        "Facts checked on {date}; they may have changed, so confirm on the official help center:\n{url}",
    ),
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
    # faq search: an honest "no good match" (issue 8)
    "faq.none": ("'{query}'에 잘 맞는 FAQ 항목이 없습니다.", "Nothing in the FAQ fits '{query}' well."),
    "faq.closest": ("가까운 항목 (답이 아닐 수 있습니다)", "Closest entries (they may not answer it)"),
    "faq.ask_instead": ("상담으로 물어보세요 (ss-help contact):", "Ask support instead (ss-help contact):"),
    "faq.source": ("출처", "Source"),
    "faq.confirm": (
        "정책은 바뀔 수 있으니 공식 고객센터에서 확인하세요: {url}",
        "Policies change; confirm on the official help center: {url}",
    ),
    "faq.count": ("FAQ {count}건", "{count} FAQ entries"),
    # faq: sources and how long ago they were checked
    "faq.sources": ("출처", "Sources"),
    "faq.kind.official": ("공식", "official"),
    "faq.kind.news": ("언론 보도", "news"),
    "faq.kind.third_party": ("제3자 안내", "third party"),
    "faq.checked_on": ("{date} 확인", "checked {date}"),
    "faq.stale": (
        "확인한 지 오래됨 (가장 새 출처 {date}) · 지금도 맞는지 공식 고객센터에서 확인하세요",
        "Checked long ago (newest source {date}); confirm it still holds on the official help center",
    ),
    "faq.stale_short": ("확인한 지 오래됨", "checked long ago"),
    # issue 18: sources dated by their own date, how sure a fact is, `data update` and `data status`
    "faq.kind.staff": ("네이버 담당자 답변", "platform staff answer"),
    "faq.kind.reprint": ("공지 전재", "reprint of a notice"),
    "faq.published_on": ("{date} 게시", "published {date}"),
    "faq.published_unknown": ("게시일 모름", "date unknown"),
    "data.published_after_checked": (
        "게시일({published})이 확인한 날({checked})보다 늦습니다",
        "published ({published}) is after checked ({checked})",
    ),
    "data.unknown_confirmed": (
        "알 수 없는 값입니다: {value!r} (가능: {known})",
        "unknown value {value!r} (known: {known})",
    ),
    "data.warn.third_party_only": (
        "{id} 항목은 제3자 출처에만 기대고 있습니다 (공식·담당자·공지 전재 출처 없음)",
        "entry {id} rests only on third-party sources (no official, staff or reprint page)",
    ),
    "data.warning": ("경고", "warning"),
    "data.warnings": ("경고 {count}개", "{count} warning(s)"),
    "data.update": ("설치한 업데이트", "installed update"),
    "unconfirmed": (
        "{facts}: 공식 페이지에서 확인되지 않은 정보입니다 (제3자 안내, {date} 확인)",
        "{facts}: not confirmed on an official page (third-party pages, checked {date})",
    ),
    "unconfirmed.help_center": ("고객센터 주소", "help center address"),
    "update.no_default": (
        "이 배포판에는 기본 업데이트 주소가 없습니다: --from URL(또는 폴더)로 받을 곳을 지정하세요",
        "this copy has no default update address: name where to get the data with --from URL (or a folder)",
    ),
    "update.failed": (
        "데이터를 업데이트하지 못했습니다 (쓰던 데이터 그대로): {why}",
        "data not updated (the data in use is unchanged): {why}",
    ),
    "update.no_folder": ("번들 폴더나 manifest.json이 없습니다: {path}", "no bundle folder or manifest.json at {path}"),
    "update.not_https": (
        "https:// 주소만 받을 수 있습니다 (http://는 이 컴퓨터 127.0.0.1·localhost·::1 뿐): {url}",
        "only https:// addresses (http:// only on this machine: 127.0.0.1, localhost, ::1): {url}",
    ),
    "update.missing_file": ("{place}에 {name} 파일이 없습니다", "{name} is missing from {place}"),
    "update.read_failed": ("읽을 수 없습니다: {path} ({why})", "cannot read {path} ({why})"),
    "update.too_large": ("{name} 파일이 너무 큽니다 ({limit}바이트 초과)", "{name} is too large (over {limit} bytes)"),
    "update.cut_short": ("받는 중에 연결이 끊겼습니다: {url}", "the connection broke off during the download: {url}"),
    "update.http_status": ("서버가 HTTP {status}로 답했습니다: {url}", "the server answered HTTP {status}: {url}"),
    "update.timeout": ("{seconds}초 동안 응답이 없습니다: {url}", "no answer within {seconds} s: {url}"),
    "update.unreachable": (
        "연결할 수 없습니다 (오프라인인가요?): {url} ({why})",
        "cannot connect (offline?): {url} ({why})",
    ),
    "update.no_key": ("공개 키를 읽을 수 없습니다: {path} ({why})", "cannot read the public key {path} ({why})"),
    "update.bad_key": (
        "Ed25519 공개 키(PEM 또는 16진수 64자)가 아닙니다: {path}",
        "not an Ed25519 public key (PEM, or 64 hex digits): {path}",
    ),
    "update.bad_signature": (
        "서명이 맞지 않습니다: 믿는 키로 서명한 번들이 아니거나 manifest.json이 바뀌었습니다",
        "bad signature: the bundle was not signed by the trusted key, or manifest.json was changed",
    ),
    "update.bad_manifest": ("manifest.json을 읽을 수 없습니다: {why}", "cannot read manifest.json: {why}"),
    "update.hash_mismatch": (
        "{name} 파일이 서명된 manifest의 SHA-256과 다릅니다 (바뀌었거나 덜 받았습니다)",
        "{name} does not match the SHA-256 in the signed manifest (changed or incomplete)",
    ),
    "update.invalid": (
        "번들의 데이터가 올바르지 않습니다: {problem}{more}",
        "the bundle's data is not valid: {problem}{more}",
    ),
    "update.invalid_more": (" (그 밖에 {count}개)", " (and {count} more)"),
    "update.older": (
        "번들(버전 {version}, {date})이 지금 쓰는 데이터({in_use})보다 오래되었습니다",
        "the bundle (version {version}, {date}) is older than the data in use ({in_use})",
    ),
    "update.disk_full": ("디스크에 남은 공간이 없습니다: {path}", "no space left on the disk: {path}"),
    "update.write_failed": ("쓸 수 없습니다: {path} ({why})", "cannot write {path} ({why})"),
    "update.nothing_to_roll_back": (
        "되돌릴 업데이트가 없습니다 (기본 제공 데이터를 쓰는 중)",
        "no update to roll back (the built-in data is in use)",
    ),
    "update.progress": ("데이터 받는 중", "Fetching data"),
    "update.installed": (
        "데이터를 업데이트했습니다: 버전 {version} ({date}) · {origin}",
        "Data updated: version {version} ({date}) from {origin}",
    ),
    "update.already": (
        "이미 설치된 데이터입니다: 버전 {version} ({date})",
        "Already installed: version {version} ({date})",
    ),
    "update.can_roll_back": (
        "이전 데이터로 돌아가려면: ss-help data update --rollback",
        "To go back to the previous data: ss-help data update --rollback",
    ),
    "update.rolled_back": ("되돌렸습니다: 버전 {version} ({date})", "Rolled back to version {version} ({date})"),
    "update.rolled_back_builtin": (
        "되돌렸습니다: 기본 제공 데이터 (버전 {version}, {date})",
        "Rolled back to the built-in data (version {version}, {date})",
    ),
    "status.in_use": (
        "사용 중인 데이터: {origin} · 버전 {version} · {date} ({age}일 전)",
        "Data in use: {origin} · version {version} · {date} ({age} day(s) old)",
    ),
    "status.in_use_dir": ("사용 중인 데이터: {origin} (버전 정보 없음)", "Data in use: {origin} (no version)"),
    "status.file": ("{name}: {path} ({origin})", "{name}: {path} ({origin})"),
    "status.previous": (
        "되돌릴 수 있는 이전 업데이트: 버전 {version} ({date}) · ss-help data update --rollback",
        "Previous update kept: version {version} ({date}) · ss-help data update --rollback",
    ),
    "status.ignored_older": (
        "설치한 업데이트(버전 {version}, {date})는 기본 제공 데이터보다 오래되어 쓰지 않습니다",
        "The installed update (version {version}, {date}) is older than the built-in data and is not used",
    ),
    "status.ignored_invalid": (
        "설치한 업데이트(버전 {version})가 이 ss-help에서 올바르지 않아 쓰지 않습니다: {problem}",
        "The installed update (version {version}) is not valid for this ss-help and is not used: {problem}",
    ),
    "origin.builtin": ("기본 제공 데이터", "built-in data"),
    "origin.update": ("설치한 업데이트", "installed update"),
    "origin.data_dir": ("--data-dir 폴더", "--data-dir folder"),
    "error.empty_query": (
        "검색어를 입력하세요 (예: ss-help faq search 정산 보류)",
        "type something to search for (e.g. ss-help faq search settlement hold)",
    ),
    "error.unknown_faq": ("FAQ 항목이 없습니다: {value!r}{hint}", "no FAQ entry {value!r}{hint}"),
    "error.unknown_faq_hint": (" (비슷한 id: {ids})", " (similar ids: {ids})"),
    "error.unknown_type": (
        "알 수 없는 유형입니다: {value!r} (가능: {known})",
        "unknown type {value!r} (known: {known})",
    ),
    "error.bad_limit": ("--limit은 1 이상이어야 합니다", "--limit must be 1 or more"),
    # contact
    "contact.type": ("어떤 종류의 문제인가요?", "What kind of problem is it?"),
    # contact: describe first, the type inferred (issue 8)
    "contact.problem": (
        "어떤 문제인가요? 한 줄로 적어 주세요 (Enter: 목록에서 고르기)",
        "What is the problem? Describe it in one line (Enter: choose from a list)",
    ),
    "contact.inferred": (
        "'{type}' 유형으로 보여 미리 골라 두었습니다 ({why})",
        "This looks like {type}, so it is preselected ({why})",
    ),
    "contact.inferred_cues": ("근거: {words}", "because of {words}"),
    "contact.inferred_faq": ("근거: 비슷한 FAQ '{question}'", "because of the similar FAQ entry '{question}'"),
    "contact.filter_none": ("맞는 유형이 없습니다 · 지우려면 Backspace", "no type matches · Backspace to erase"),
    "contact.filter_typed": ("검색: {typed}", "Filter: {typed}"),  # under the menu (issue 16)
    "contact.filter_hint": ("(↑↓ 또는 글자를 쳐서 찾기, Enter 선택)", "(↑↓ or type to filter, Enter to choose)"),
    "contact.select_hint": ("(↑↓ 고르고 Enter · Esc 이전 질문)", "(↑↓ then Enter · Esc goes back)"),
    "contact.yes": ("예", "Yes"),
    "contact.no": ("아니요", "No"),
    "contact.back": ("← 이전 질문", "← Back"),
    "contact.description": (
        "문제를 한 줄로 적어 주세요 (없으면 Enter)",
        "Describe the problem in one line (Enter to skip)",
    ),
    "contact.faq_title": ("먼저 FAQ를 확인해 보세요", "Check the FAQ first"),
    "contact.faq_none": (
        "FAQ에는 이 문제에 맞는 답이 없어 바로 추천 창구로 넘어갑니다.",
        "The FAQ has nothing that fits this problem, so on to the recommended channel.",
    ),
    "contact.faq_ask": ("이 중에 답이 있나요?", "Does one of these answer it?"),
    "contact.faq_read": ("읽어 보기: {question}", "Read: {question}"),
    "contact.faq_continue": ("아니요, 상담이 필요해요", "No, I need to contact support"),
    "contact.faq_solved": ("이 답변으로 해결됐나요?", "Did this answer solve it?"),
    "contact.solved": (
        "다행입니다! 해결됐으니 상담은 필요 없습니다.",
        "Glad it is solved: no need to contact support.",
    ),
    # contact: how to reach every channel, and a channel the seller said did not help (issue 16)
    "reach.phone": ("전화 {number}", "Call {number}"),
    "reach.ars": ("ARS: {path}", "Voice menu (ARS): {path}"),
    "contact.excluded": (
        "{channel}: 해결되지 않았다고 하셔서 추천하지 않습니다",
        "{channel}: not recommended, since you said it did not help",
    ),
    "contact.faq_failed": (
        "FAQ로는 해결되지 않았다고 하셔서 FAQ는 추천에서 뺐습니다",
        "You said the FAQ did not solve it, so the FAQ is left out of the recommendation",
    ),
    # contact: the draft in Korean for the help centre, the seller's language beside it (issue 16)
    "contact.draft_send": (
        "보낼 문의 글 ({language}, 복사해서 붙여 넣으세요)",
        "Inquiry to send ({language}; copy and paste this one)",
    ),
    "contact.draft_yours": ("같은 내용 ({language}, 참고용)", "The same in {language} (for you, not to send)"),
    "language.ko": ("한국어", "Korean"),
    "language.en": ("영어", "English"),
    "error.bad_draft_lang": (
        "--draft-lang은 ko 또는 en이어야 합니다: {value!r}",
        "--draft-lang must be ko or en: {value!r}",
    ),
    # contact: the closing summary (issue 16)
    "summary.title": ("요약: 이렇게 하세요", "In short: do this"),
    "summary.channel": ("창구", "Channel"),
    "summary.reach": ("연락", "Reach"),
    "summary.when": ("지금", "Now"),
    "summary.meanwhile": ("그동안", "Meanwhile"),
    "summary.call": ("전화", "Phone"),
    "summary.draft": ("문의 글", "Inquiry"),
    "summary.case": ("기록", "Case"),
    "summary.case_saved": ("#{id} (ss-help case show {id})", "#{id} (ss-help case show {id})"),
    "contact.best": ("추천: {channel}", "Recommended: {channel}"),
    "contact.now_open": ("지금 이용할 수 있습니다", "available now"),
    "contact.now_closed": ("지금은 이용할 수 없습니다", "not available now"),
    "contact.meanwhile": ("그동안 지금 할 수 있는 것: {channel}", "Meanwhile, right now: {channel}"),
    "contact.why": ("이유", "Why"),
    "contact.others": ("다른 방법", "Other ways"),
    "contact.checklist": ("준비할 것 ({type})", "What to prepare ({type})"),
    "contact.draft_title": ("문의 글 (복사해서 붙여 넣으세요)", "Inquiry text (copy and paste it)"),
    "contact.order_no": ("주문번호 (숫자, 없으면 Enter)", "Order number (digits, Enter if none)"),
    "contact.occurred_at": (
        "언제 일어났나요? (예: 어제 15:00, 3시간 전 · Enter: 지금)",
        "When did it happen? (e.g. yesterday 3pm, 2h ago · Enter: now)",
    ),
    "contact.tried": ("이미 해 본 것 (없으면 Enter)", "What have you already tried? (Enter if nothing)"),
    "contact.store_id": ("스토어 ID (없으면 Enter)", "Store ID (Enter to skip)"),
    "contact.written": ("문의 글을 저장했습니다: {path}", "Inquiry text saved to {path}"),
    "contact.copied": ("클립보드에 복사했습니다.", "Copied to the clipboard."),
    "contact.not_copied": (
        "클립보드에 복사하지 못했습니다: {why}. 위의 글을 직접 복사하세요.",
        "Not copied to the clipboard: {why}. Copy the text above by hand.",
    ),
    "clipboard.no_display": ("화면(디스플레이)이 없는 환경입니다", "there is no display here"),
    "clipboard.no_tool": (
        "클립보드 프로그램(wl-copy, xclip 또는 xsel)이 없습니다",
        "no clipboard program (wl-copy, xclip or xsel) is installed",
    ),
    "clipboard.failed": ("클립보드 프로그램이 응답하지 않았습니다", "the clipboard program did not respond"),
    "contact.opened": ("브라우저에서 열었습니다: {url}", "Opened in the browser: {url}"),
    "contact.overwrite": ("{path} 파일이 이미 있습니다. 덮어쓸까요?", "{path} exists. Overwrite it?"),
    # contact: describe first, the type inferred (issue 8)
    "error.two_descriptions": (
        "설명은 한 번만 주세요 (DESCRIPTION 또는 -d)",
        "give the description once (DESCRIPTION or -d)",
    ),
    "error.type_not_inferred": (
        "설명만으로는 문제 유형을 정할 수 없습니다. --type을 주세요 (가장 가까운 유형: {likely})",
        "the description does not settle the problem type; add --type (likeliest: {likely})",
    ),
    "error.bad_order_no": (
        "주문번호는 숫자 8~20자리여야 합니다: {value!r}",
        "an order number is 8-20 digits: {value!r}",
    ),
    "error.unknown_problem_type": (
        "알 수 없는 문제 유형입니다: {value!r} (가능: {known})",
        "unknown problem type {value!r} (known: {known})",
    ),
    "error.bad_answer": ("--answer {value!r}: {why}", "--answer {value!r}: {why}"),
    "error.answer_form": ("ID=값 형태여야 합니다", "expected ID=VALUE"),
    "error.answer_unknown": (
        "이 유형에 없는 질문입니다 (가능: {known})",
        "no such question for this type (known: {known})",
    ),
    "error.answer_value": ("맞지 않는 값입니다 (가능: {known})", "value does not fit (allowed: {known})"),
    "error.missing_flags": (
        "터미널이 없어 질문할 수 없습니다. 다음 옵션을 주세요: {flags}",
        "no terminal to ask questions on; add these options: {flags}",
    ),
    "error.output_exists": (
        "{path} 파일이 이미 있어 덮어쓰지 않았습니다 (--force로 덮어쓰기)",
        "{path} exists; not overwritten (use --force to overwrite)",
    ),
    "error.output_failed": ("{path}에 쓸 수 없습니다: {why}", "cannot write {path}: {why}"),
    # the wizard: going back, what the seller has, spoken times, the output file
    "contact.select_hint_first": ("(↑↓ 고르고 Enter)", "(↑↓ then Enter)"),
    "contact.text_hint": ("(Esc 이전 질문)", "(Esc goes back)"),
    "contact.order_no_again": (
        "주문번호가 있다고 하셨어요. 번호를 적어 주세요 (Enter: 나중에 적기)",
        "You said there is an order number: type it (Enter: fill it in later)",
    ),
    "contact.when_read": ("→ {when}", "→ {when}"),
    "contact.other_path": (
        "다른 파일 이름 (Enter: 파일로 저장하지 않기)",
        "Another file name (Enter: don't write a file)",
    ),
    "contact.not_written": ("문의 글을 파일로 저장하지 않았습니다.", "The inquiry text was not written to a file."),
    "error.when_unreadable": (
        "시각을 읽을 수 없습니다: {value!r} (예: 어제 15:00, 오늘 오후 3시, 지난주 금요일 14:00, 3시간 전, 2026-11-24 14:30)",
        "cannot read the time {value!r} (e.g. yesterday 15:00, today 3pm, last friday 2pm, 3 hours ago, 2026-11-24 14:30)",
    ),
    "error.when_no_time": (
        "날짜만 있고 시각이 없습니다: {value!r} (예: 어제 15:00, 어제 오후 3시)",
        "a date with no time of day: {value!r} (e.g. yesterday 15:00, yesterday 3pm)",
    ),
    "error.when_future": (
        "{value!r} → {when}: 아직 오지 않은 시각입니다 (지금 {now}). 어제라면 '어제 …'로 적어 주세요",
        "{value!r} is {when}, which has not come yet (now {now}); for yesterday, say 'yesterday …'",
    ),
    "error.option": ("{option}: {message}", "{option}: {message}"),
    # case journal
    "case.saved": (
        "상담 기록 #{id:을} 저장했습니다 (ss-help case show {id})",
        "Saved as case #{id} (ss-help case show {id})",
    ),
    "case.offer": (
        "이 상담을 기록해 둘까요? (메모·피드백·재문의에 쓰입니다)",
        "Save this case? (for notes, feedback and follow-ups)",
    ),
    "case.chosen": ("어느 창구로 문의하시겠어요?", "Which channel will you use?"),
    "case.none": (
        "저장된 상담 기록이 없습니다. ss-help contact 끝에서 저장할 수 있습니다.",
        "No saved cases yet. Save one at the end of ss-help contact.",
    ),
    "case.col.id": ("#", "#"),
    "case.col.created": ("만든 때", "Created"),
    "case.col.type": ("유형", "Type"),
    "case.col.channel": ("창구", "Channel"),
    "case.col.status": ("상태", "Status"),
    "case.col.notes": ("메모", "Notes"),
    "case.status.open": ("진행 중", "open"),
    "case.status.closed": ("종료", "closed"),
    "case.resolved": ("해결됨", "resolved"),
    "case.unresolved": ("해결 안 됨", "not resolved"),
    "case.recommended": ("추천 창구", "Recommended"),
    "case.chosen_label": ("선택한 창구", "Chosen"),
    "case.answers": ("답변", "Answers"),
    "case.details": ("문의 내용", "Details"),
    "case.draft": ("문의 글", "Inquiry text"),
    "case.notes": ("메모", "Notes"),
    "case.outcome": ("결과", "Outcome"),
    "case.rating": ("평점 {rating}/5", "rated {rating}/5"),
    "case.follow_up_of": ("#{id}의 재문의", "follow-up of #{id}"),
    "case.noted": ("#{id}에 메모를 남겼습니다", "Note added to #{id}"),
    "case.note_prompt": (
        "메모 (여러 줄 가능, 끝내려면 Esc 다음 Enter)",
        "Note (several lines allowed; Esc then Enter to finish)",
    ),
    "case.closed": ("#{id:을} 종료했습니다: {outcome}", "Closed #{id}: {outcome}"),
    "case.deleted": ("#{id:을} 삭제했습니다", "Deleted #{id}"),
    "case.delete_confirm": ("#{id} 상담 기록과 메모를 모두 삭제할까요?", "Delete case #{id} and all its notes?"),
    # case journal: a story that is kept (issue 16)
    "case.closed_again": (
        "#{id}의 이전 결과는 기록에 남겨 두었습니다: {before} (ss-help case show {id})",
        "The earlier outcome of #{id} stays in its history: {before} (ss-help case show {id})",
    ),
    "case.outcome_earlier": ("이전 결과", "earlier outcome"),
    "case.ask_outcome": ("상담으로 해결됐나요?", "Did contacting support solve it?"),
    "case.ask_rating": ("상담은 몇 점인가요?", "How would you rate the support?"),
    "case.ask_rating_skip": ("평점 없이 넘어가기", "Skip the rating"),
    "case.ask_feedback": ("남길 말 (없으면 Enter)", "Any feedback? (Enter to skip)"),
    "case.delete_confirm_named": (
        "#{id} ({what}): 메모와 함께 삭제할까요?",
        "Delete case #{id} ({what}) and its notes?",
    ),
    "case.col.description": ("내용", "Description"),
    "usage.use_instead": (
        "알 수 없는 명령입니다: {name} · {what}: {command}",
        "no such command: {name} · {what}: {command}",
    ),
    "usage.feedback": (
        "피드백과 평점은 상담을 종료할 때 남깁니다",
        "feedback and ratings are given when closing a case",
    ),
    "case.kept": ("삭제하지 않았습니다", "Not deleted"),
    "case.follow_up_title": ("재문의 글", "Follow-up inquiry"),
    "error.unknown_case": ("상담 기록 #{id:이} 없습니다 (ss-help case list)", "no case #{id} (see ss-help case list)"),
    "error.empty_note": ("빈 메모는 남길 수 없습니다", "a note cannot be empty"),
    "error.rating": ("--rating은 1~5 사이여야 합니다", "--rating must be between 1 and 5"),
    "error.resolved_flag": ("--resolved 또는 --unresolved 중 하나를 주세요", "give --resolved or --unresolved"),
    "error.delete_needs_yes": (
        "터미널이 없어 확인할 수 없습니다. 지우려면 --yes를 주세요",
        "no terminal to confirm on; add --yes to delete",
    ),
    "error.journal.corrupt": (
        "상담 기록 파일이 손상되었거나 SQLite 파일이 아닙니다: {path} ({detail}). 파일은 그대로 두었습니다.",
        "the case journal is damaged or not an SQLite file: {path} ({detail}). The file was left as it is.",
    ),
    "error.journal.foreign": (
        "ss-help의 상담 기록 파일이 아닙니다: {path}. 파일은 그대로 두었습니다 (SS_HELP_HOME으로 다른 폴더 지정 가능).",
        "not an ss-help case journal: {path}. The file was left as it is (set SS_HELP_HOME to use another folder).",
    ),
    "error.journal.newer": (
        "더 새 버전의 ss-help가 만든 상담 기록입니다: {path}. 쓰지 않았습니다 — ss-help를 업그레이드하세요.",
        "the case journal was written by a newer ss-help: {path}. Nothing was written; upgrade ss-help.",
    ),
    # case journal: its file and folder (each names the real cause; the file is never changed)
    "error.journal.permission": (
        "상담 기록 파일을 열 권한이 없습니다: {path} ({detail}). 파일은 그대로 두었습니다.",
        "permission denied on the case journal: {path} ({detail}). The file was left as it is.",
    ),
    "error.journal.read_only": (
        "읽기 전용이라 상담 기록을 쓸 수 없습니다: {path}. 기록은 바뀌지 않았습니다.",
        "the case journal cannot be written, it is read-only: {path}. Nothing was changed.",
    ),
    "error.journal.not_a_folder": (
        "상담 기록 폴더 자리에 같은 이름의 파일이 있습니다: {path}. SS_HELP_HOME에 폴더를 지정하세요.",
        "the case journal's folder is a file, not a folder: {path}. Point SS_HELP_HOME at a folder.",
    ),
    "error.journal.not_a_file": (
        "상담 기록 파일 자리에 폴더나 특수 파일이 있습니다: {path}. 그대로 두었습니다.",
        "a folder or special file stands where the case journal should be: {path}. Left as it is.",
    ),
    "error.journal.disk_full": (
        "디스크 공간이 부족해 상담 기록을 쓰지 못했습니다: {path}. 기록은 바뀌지 않았습니다.",
        "the disk is full, the case journal was not written: {path}. Nothing was changed.",
    ),
    "error.journal.file_limit": (
        "파일 크기 제한(ulimit -f)에 걸려 상담 기록을 쓰지 못했습니다: {path}. 기록은 바뀌지 않았습니다.",
        "the file size limit (ulimit -f) stopped the write to the case journal: {path}. Nothing was changed.",
    ),
    "error.journal.busy": (
        "다른 프로그램이 상담 기록을 쓰고 있습니다: {path}. 잠시 뒤에 다시 해 보세요.",
        "another program is writing the case journal: {path}. Try again in a moment.",
    ),
    "error.journal.insecure": (
        "상담 기록 파일을 소유자만 읽도록(0600) 바꿀 수 없어 쓰지 않았습니다: {path} ({detail})",
        "the case journal cannot be made owner-only (0600), so nothing was written: {path} ({detail})",
    ),
    "error.journal.io": (
        "상담 기록 파일을 읽거나 쓰지 못했습니다: {path} ({detail}). 기록은 바뀌지 않았습니다.",
        "the case journal could not be read or written: {path} ({detail}). Nothing was changed.",
    ),
    # case journal, second hardening round: a newer file is not read either; damaged promises; paging
    "error.journal.newer_read": (
        "더 새 버전의 ss-help가 만든 상담 기록이라 읽을 수 없습니다 (형식 {detail}): {path}. ss-help를 업그레이드하세요. contact, hours, faq는 기록 없이 그대로 쓸 수 있습니다",
        "the case journal was written by a newer ss-help (format {detail}) and cannot be read: {path}. Upgrade ss-help; contact, hours and faq work without it",
    ),
    "case.skipped_promises": (
        "회신 약속의 시각이 손상되어 건너뛰었습니다: {ids}",
        "skipped promised replies whose stored time is damaged: {ids}",
    ),
    "case.page": (
        "최근 {shown}건 / 전체 {total}건 · 더 보기: --limit N 또는 --all",
        "the latest {shown} of {total} cases · more: --limit N or --all",
    ),
    "error.note_too_long": (
        "메모가 너무 깁니다 (최대 {limit}). 파일의 일부만 붙여 넣으세요",
        "the note is too long (at most {limit}); paste only the part that matters",
    ),
    "error.damaged_case": (
        "#{id} 상담 기록은 저장된 내용이 손상되어 읽을 수 없습니다 (다른 기록은 그대로입니다)",
        "case #{id} is damaged and cannot be read (the other cases are fine)",
    ),
    "case.skipped_damaged": (
        "손상되어 읽을 수 없는 상담 기록을 건너뛰었습니다: {ids}",
        "skipped damaged cases that cannot be read: {ids}",
    ),
    # case journal: promised replies (case note --reply-within / --reply-by, case due)
    "promise.within": ("{days}영업일 내 회신 약속", "reply promised within {days} business day(s)"),
    "promise.by": ("{date}까지 회신 약속", "reply promised by {date}"),
    "promise.noted": ("회신 기한: {due}", "Reply due: {due}"),
    "error.reply_days": (
        "--reply-within은 1~{max} 영업일이어야 합니다",
        "--reply-within must be 1 to {max} business days",
    ),
    "error.reply_by": (
        "--reply-by 날짜를 읽을 수 없습니다: {value!r} (예: 2026-12-03, 2026-12-03 15:00)",
        "cannot read the --reply-by date {value!r} (e.g. 2026-12-03, 2026-12-03 15:00)",
    ),
    "error.reply_past": (
        "--reply-by 기한이 메모 시각({now})보다 앞섭니다: {value}",
        "--reply-by is earlier than the note ({now}): {value}",
    ),
    "error.promise_range": (
        "그 날짜로는 회신 기한을 셀 수 없습니다 (달력이 끝나는 9999년을 넘습니다)",
        "cannot count a reply's due date from there (it runs past the year 9999)",
    ),
    "error.no_business_day": (
        "{schedule} 일정에 영업일이 없어 기한을 셀 수 없습니다",
        "the {schedule} schedule has no business days to count",
    ),
    "due.none": (
        "회신을 기다리는 상담이 없습니다 (약속은 ss-help case note ID --reply-within N으로 기록합니다)",
        "No case is waiting for a promised reply (record one with ss-help case note ID --reply-within N)",
    ),
    "due.title": ("회신 약속 · {now} 기준", "Promised replies · as of {now}"),
    "due.overdue": ("{late} 지남", "{late} overdue"),
    "due.left": ("{left} 남음", "{left} left"),
    "due.follow_up": ("재문의 글: ss-help case follow-up {id}", "Follow-up text: ss-help case follow-up {id}"),
    # case due --ics: promised replies in a calendar (issue 16)
    "ics.name": ("ss-help 회신 약속", "ss-help promised replies"),
    "ics.summary": ("#{id} 회신 기한 · {channel}", "Reply due for case #{id} · {channel}"),
    "ics.description": ("{promise}\n답이 없으면: {command}", "{promise}\nNo answer? {command}"),
    "reminder.overdue": (
        "회신 기한이 지난 상담 {count}건 ({ids}) · ss-help case due",
        "{count} case(s) past a promised reply ({ids}) · ss-help case due",
    ),
    # case journal: what worked before (case stats, history in contact)
    "stats.none": ("통계를 낼 상담 기록이 없습니다.", "No saved cases to count yet."),
    "stats.by_channel": ("선택한 창구별", "By the channel chosen"),
    "stats.by_type": ("문제 유형별", "By problem type"),
    "stats.col.channel": ("창구", "Channel"),
    "stats.col.type": ("유형", "Type"),
    "stats.col.cases": ("상담", "Cases"),
    "stats.col.closed": ("종료", "Closed"),
    "stats.col.resolved": ("해결", "Resolved"),
    "stats.col.rating": ("평균 평점", "Avg rating"),
    "stats.col.hours": ("종료까지 (중앙값)", "To close (median)"),
    "stats.hours": ("{hours}시간", "{hours} h"),
    "history.reason": (
        "지난 {type} 상담: {channel} {cases}건 중 {resolved}건 해결",
        "Earlier {type} cases: {channel} solved {resolved} of {cases}",
    ),
    # case journal: labels for what the seller typed (case show, the CSV export)
    "detail.description": ("문의 내용", "Description"),
    "detail.order_no": ("주문번호", "Order number"),
    "detail.occurred_at": ("발생 시각", "When it happened"),
    "detail.tried": ("이미 해 본 것", "Already tried"),
    "detail.store_id": ("스토어 ID", "Store ID"),
    "case.reply_due": ("회신 기한 {due}", "reply due {due}"),
    "export.col.id": ("번호", "Case"),
    "export.col.created_at": ("만든 때", "Created"),
    "export.col.type": ("유형", "Type"),
    "export.col.status": ("상태", "Status"),
    "export.col.resolved": ("해결", "Resolved"),
    "export.col.rating": ("평점", "Rating"),
    "export.col.feedback": ("피드백", "Feedback"),
    "export.col.closed_at": ("종료한 때", "Closed"),
    "export.col.recommended": ("추천 창구", "Recommended"),
    "export.col.chosen": ("선택한 창구", "Chosen"),
    "export.col.follow_up_of": ("재문의 대상", "Follow-up of"),
    "export.col.notes": ("메모", "Notes"),
    "export.col.refs": ("접수번호", "References"),
    "export.col.reply_due": ("회신 기한", "Reply due"),
    "export.col.draft": ("문의 글", "Inquiry text"),
    # data check
    "data.valid": ("데이터가 올바릅니다", "The data is valid"),
    "data.invalid": ("문제 {count}개를 찾았습니다", "Found {count} problem(s)"),
    "data.builtin": ("기본 제공", "built-in"),
    "data.user": ("사용자 파일", "your file"),
    # data files: what the validator reports, each at its file:line and field
    "data.no_folder": ("데이터 폴더가 없습니다", "the data directory does not exist"),
    "data.no_file": ("파일이 없습니다", "file not found"),
    "data.unreadable": ("읽을 수 없습니다 ({why})", "cannot be read ({why})"),
    "data.not_utf8": ("UTF-8 텍스트가 아닙니다", "not UTF-8 text"),
    "data.duplicate_key": ("같은 키가 두 번 있습니다", "duplicate key"),
    "data.yaml_too_large": (
        "별칭(*)을 펼치면 값이 {limit}개를 넘습니다. 별칭 안의 별칭을 줄이세요",
        "aliases (*) expand to more than {limit} values; use fewer aliases of aliases",
    ),
    "data.yaml_syntax": ("YAML 문법 오류: {detail}", "YAML syntax error: {detail}"),
    # data files, second hardening round: tags, nesting, long numbers, size, bounds on rule values
    "data.yaml_tag": (
        "YAML 태그({tag})는 쓸 수 없습니다. 값만 쓰고, 글자로 읽혀야 하면 따옴표로 감싸세요",
        "YAML tags ({tag}) are not allowed; write the value alone, in quotes if it is text",
    ),
    "data.yaml_too_deep": (
        "목록과 항목이 {limit}단계보다 깊게 겹쳐 있습니다",
        "lists and mappings are nested more than {limit} levels deep",
    ),
    "data.yaml_long_number": (
        "숫자가 {limit}자리보다 깁니다. 글자라면 따옴표로 감싸세요",
        "a number of more than {limit} digits; put it in quotes if it is text",
    ),
    "data.file_too_big": (
        "파일이 너무 큽니다 (최대 {limit})",
        "the file is too large (at most {limit})",
    ),
    "data.out_of_range": (
        "{low}부터 {high}까지만 쓸 수 있습니다: {value}",
        "must be from {low} to {high}: {value}",
    ),
    "data.not_mapping": ("키: 값 형태의 항목이어야 합니다", "expected a mapping (key: value)"),
    "data.unknown_key": ("알 수 없는 키입니다 (가능한 키: {known})", "unknown key (allowed: {known})"),
    "data.required": ("필수 항목이 없습니다", "required field is missing"),
    "data.expected": ("{what}이어야 합니다 (받은 값: {value!r})", "expected {what}, got {value!r}"),
    "data.expect.text": ("텍스트", "text"),
    "data.expect.bool": ("true 또는 false", "true or false"),
    "data.expect.integer": ("정수", "an integer"),
    "data.expect.list": ("목록", "a list"),
    "data.expect.schedules": ("일정 id: 일정 형태", "a mapping of schedule id: schedule"),
    "data.expect.conditions": ("키: 값 형태의 조건", "a mapping of conditions"),
    "data.expect.case_count": ("건수(정수)", "a number of cases (an integer)"),
    "data.expect.channel_flags": ("{{창구 id: true/false}}", "{{channel id: true/false}}"),
    "data.expect.minutes": ("분(정수)", "minutes (an integer)"),
    "data.empty": ("비어 있습니다", "is empty"),
    "data.bad_id": ("id는 영문 소문자, 숫자, -, _ 만 쓸 수 있습니다", "an id may use only a-z, 0-9, - and _"),
    "data.bad_date": ("날짜(YYYY-MM-DD)가 아닙니다: {value!r}", "not a date (YYYY-MM-DD): {value!r}"),
    "data.bad_time": (
        "시각(HH:MM, 00:00–23:59)이 아닙니다: {value!r}",
        "not a time of day (HH:MM, 00:00-23:59): {value!r}",
    ),
    "data.duplicate_id": ("{what} id가 중복됩니다: {value}", "duplicate {what} id: {value}"),
    "data.id_of.channel": ("창구", "channel"),
    "data.id_of.problem_type": ("문제 유형", "problem type"),
    "data.id_of.question": ("질문", "question"),
    "data.id_of.faq": ("FAQ", "FAQ"),
    "data.version": ("이 버전의 ss-help는 version: 1 만 읽습니다", "this ss-help reads version: 1 only"),
    "data.unknown_timezone": ("알 수 없는 시간대입니다: {value!r}", "unknown time zone: {value!r}"),
    "data.same_as_common": ("공통 질문과 같은 id입니다: {id}", "same id as a common question: {id}"),
    "data.not_in_type": ("이 유형에 없는 질문입니다: {id}", "no such question for this type: {id}"),
    "data.not_https": ("https:// 로 시작하는 주소여야 합니다", "expected an https:// address"),
    "data.required_or_always_open": (
        "필수 항목이 없습니다 (항상 열린 창구이면 always_open: true)",
        "required field is missing (or always_open: true)",
    ),
    "data.unknown_weekday": ("알 수 없는 요일입니다: {value!r} (mon…sun)", "unknown weekday: {value!r} (mon..sun)"),
    "data.closes_before_opens": (
        "문 닫는 시각({closes})이 여는 시각({opens})보다 빠르거나 같습니다",
        "closes ({closes}) at or before it opens ({opens})",
    ),
    "data.break_backwards": ("휴게 시간이 시작보다 먼저 끝납니다", "the break ends before it starts"),
    "data.break_outside": ("휴게 시간이 운영 시간 밖에 있습니다", "the break lies outside the opening hours"),
    "data.break_overlap": ("다른 휴게 시간({start}–{end})과 겹칩니다", "overlaps another break ({start}-{end})"),
    "data.holiday_policy": ("closed 또는 open 이어야 합니다", "expected closed or open"),
    "data.unknown_schedule": (
        "알 수 없는 일정입니다: {value!r} (schedules에 정의하세요)",
        "unknown schedule: {value!r} (define it under schedules)",
    ),
    "data.bad_phone": ("전화번호 형식이 아닙니다: {value!r}", "not a phone number: {value!r}"),
    "data.question_kind": ("confirm 또는 select 이어야 합니다", "expected confirm or select"),
    "data.no_choices": ("select 질문에는 선택지가 필요합니다", "a select question needs choices"),
    "data.bad_default": (
        "이 질문에 맞지 않는 기본값입니다: {value!r}",
        "default does not fit this question: {value!r}",
    ),
    "data.unknown_faq_type": ("알 수 없는 FAQ 유형입니다: {value!r}", "unknown FAQ type: {value!r}"),
    "data.template_braces": (
        "템플릿의 중괄호가 맞지 않습니다 ({{이름}} 형태만 쓸 수 있습니다)",
        "unbalanced braces in the template (only {{name}} placeholders are allowed)",
    ),
    "data.unknown_placeholder": (
        "알 수 없는 자리표시자입니다: {{{name}}} (가능: {known})",
        "unknown placeholder {{{name}}} (allowed: {known})",
    ),
    "data.no_channel": ("창구가 하나 이상 있어야 합니다", "name at least one channel"),
    "data.unknown_rule_channel": (
        "알 수 없는 창구입니다: {value!r} (가능: {known})",
        "unknown channel: {value!r} (known: {known})",
    ),
    "data.at_least_one": ("1 이상이어야 합니다", "must be 1 or more"),
    "data.unknown_condition": (
        "알 수 없는 조건입니다 (질문 id 또는 {names})",
        "unknown condition (a question id, or {names})",
    ),
    "data.unknown_channel": ("알 수 없는 창구입니다: {value!r}", "unknown channel: {value!r}"),
    "data.always_open_never": (
        "항상 열려 있는 창구라 절대 맞지 않는 조건입니다",
        "this channel is always open, so the condition can never hold",
    ),
    "data.two_times": ('["HH:MM", "HH:MM"] 두 시각이어야 합니다', 'expected two times ["HH:MM", "HH:MM"]'),
    "data.end_not_after_start": (
        "끝 시각이 시작 시각보다 빠르거나 같아 절대 맞지 않는 조건입니다",
        "the end is not after the start, so the condition can never hold",
    ),
    "data.minutes_positive": ("0보다 큰 분이어야 합니다", "must be more than 0 minutes"),
    "data.not_a_choice": (
        "이 질문의 선택지가 아닙니다: {value!r} (가능: {known})",
        "not a choice of this question: {value!r} (choices: {known})",
    ),
    "data.impossible": ("절대 맞을 수 없는 조건입니다: {why}", "impossible conditions: {why}"),
    "data.impossible.open_and_break": ("open_now와 break_now가 동시에 true", "open_now and break_now both true"),
    "data.impossible.closes_when_closed": ("open_now: false 인데 closes_within", "closes_within with open_now: false"),
    "data.impossible.always_open": (
        "항상 열려 있는 창구에 닫힘/휴게 조건",
        "a closed or break condition on an always-open channel",
    ),
    "data.impossible.other_type": (
        "{question} 질문은 {types} 유형에만 있습니다",
        "question {question} belongs to type {types} only",
    ),
    # phrasings of an FAQ entry
    "data.phrasings_count": (
        "표현(phrasings)이 {count}개입니다: 기본 FAQ의 항목마다 {fewest}~{most}개가 필요합니다",
        "{count} phrasings: each entry of the shipped FAQ needs {fewest} to {most}",
    ),
    "data.empty_phrasing": ("내용이 없는 표현입니다", "a phrasing with nothing in it"),
    "data.phrasing_twice": (
        "'{value}' 표현이 '{other}' 항목에도 있습니다: 한 표현은 한 항목에만 둡니다",
        "the phrasing '{value}' is also under '{other}': a phrasing belongs to one entry",
    ),
    "data.off_topic_answered": (
        "'{value}' 문장은 '{other}'에도 있습니다: 답하지 않을 문장(off_topic)은 어느 항목의 질문이나 표현과도 달라야 합니다",
        "'{value}' is also under '{other}': an off_topic sentence must differ from every question and phrasing",
    ),
    "data.synonyms": ("동의어 묶음에는 낱말이 둘 이상 필요합니다", "a synonym group needs two or more words"),
    "data.single_source": (
        "한 줄짜리 source: 대신 sources: 목록(url, title, kind, published, checked)을 쓰세요",
        "use a sources: list (url, title, kind, published, checked) instead of the single source: text",
    ),
    "data.unknown_entry_type": (
        "알 수 없는 유형입니다: {value!r} (가능: {known})",
        "unknown type: {value!r} (known: {known})",
    ),
    "data.no_sources": ("출처가 하나 이상 있어야 합니다", "needs at least one source"),
    "data.control_chars": ("줄바꿈이나 제어 문자는 쓸 수 없습니다", "may not hold line breaks or control characters"),
    "data.unknown_source_kind": (
        "알 수 없는 출처 종류입니다: {value!r} (가능: {known})",
        "unknown kind of source: {value!r} (known: {known})",
    ),
    # errors
    "error.prefix": ("오류", "error"),
    "error.bad_at": (
        "--at 시각을 읽을 수 없습니다: {value!r} (예: 2026-02-13 18:00, 17:59, 내일 10:00, 금요일 오후 2시)",
        "cannot read the --at time {value!r} (e.g. 2026-02-13 18:00, 17:59, tomorrow 10:00, friday 2pm)",
    ),
    "error.unknown_channel": (
        "알 수 없는 창구입니다: {value!r} (가능: {known})",
        "unknown channel {value!r} (known: {known})",
    ),
    "error.bad_lang": ("알 수 없는 언어입니다: {value!r} (ko 또는 en)", "unknown language {value!r} (ko or en)"),
    "error.wait_at": (
        "--wait는 지금 시각에만 쓸 수 있어 --at과 함께 쓸 수 없습니다",
        "--wait follows the real clock and cannot be combined with --at",
    ),
    # hardening: times outside what the calendar and the clock can say, output onto what is not a file
    "error.time_range": (
        "{first}년부터 {last}년까지(KST)의 시각만 쓸 수 있습니다: {value!r}",
        "only times from {first} to {last} (KST) can be used: {value!r}",
    ),
    "error.output_not_file": (
        "일반 파일이 아니어서 쓰지 않았습니다: {path} ({kind}). 새 파일 이름이나 일반 파일을 주세요",
        "{path} is not a regular file ({kind}); nothing was written. Give a new file name or a regular file",
    ),
    "error.output_dangling": (
        "없는 곳을 가리키는 심볼릭 링크라서 쓰지 않았습니다: {path}",
        "{path} is a symbolic link to nothing; nothing was written",
    ),
    "file.directory": ("폴더", "a folder"),
    "file.fifo": ("이름 있는 파이프(FIFO)", "a named pipe (FIFO)"),
    "file.device": ("장치 파일", "a device"),
    "file.socket": ("소켓", "a socket"),
    "interrupted": ("중단했습니다. 저장하거나 바꾼 것은 없습니다.", "Stopped. Nothing was saved or changed."),
    # hardening, second round: the last-resort boundary, closed streams, memory
    "error.unexpected": (
        "예상하지 못한 오류가 났습니다 (ss-help의 결함). 자세한 내용을 {path}에 남겼습니다. 알려 주실 때 이 파일을 함께 보내 주세요",
        "Unexpected error (a fault in ss-help). The details are in {path}; please include that file when reporting it",
    ),
    "error.unexpected_no_file": (
        "예상하지 못한 오류가 났습니다 (ss-help의 결함). 자세한 내용을 남길 수 없었습니다. SS_HELP_DEBUG=1로 다시 실행하면 화면에 보입니다",
        "Unexpected error (a fault in ss-help). The details could not be saved; run again with SS_HELP_DEBUG=1 to see them",
    ),
    "error.memory": (
        "메모리가 부족해 끝까지 하지 못했습니다. 데이터 파일이 너무 크지 않은지 확인하세요",
        "not enough memory to finish; check that the data files are not too large",
    ),
    "error.no_home": (
        "홈 폴더를 찾을 수 없습니다 (HOME이 없고 계정 정보에도 없음). HOME이나 SS_HELP_HOME으로 상담 기록을 둘 폴더를 정해 주세요",
        "cannot find your home folder (no HOME and no account entry); set HOME or SS_HELP_HOME to the folder for the case journal",
    ),
    "error.stream_closed": (
        "표준 스트림이 닫혀 있습니다: {stream}",
        "the standard stream {stream} is closed",
    ),
    # front door: usage errors, output, conflicting flags, paths
    "error.no_folder": ("폴더가 없습니다", "no such folder"),
    "error.output": ("출력을 쓸 수 없습니다: {why}", "cannot write the output: {why}"),
    "error.conflict": ("함께 쓸 수 없는 옵션입니다: {flags}", "these options cannot be used together: {flags}"),
    "error.unknown_shell": (
        "지원하지 않는 셸입니다: {value!r} (가능: {known})",
        "unsupported shell {value!r} (known: {known})",
    ),
    "usage.help": ("(도움말: {command} -h)", "(help: {command} -h)"),
    "usage.did_you_mean": (" · 혹시 {value}?", " · did you mean {value}?"),
    "usage.commands": (" · 명령: {names}", " · commands: {names}"),
    "usage.no_such_option": ("알 수 없는 옵션입니다: {option}{hint}", "no such option: {option}{hint}"),
    "usage.no_such_command": ("알 수 없는 명령입니다: {name}{hint}", "no such command: {name}{hint}"),
    "usage.needs_value": ("{option} 옵션에 값이 필요합니다", "option {option} needs a value"),
    "usage.needs_one_of": ("{option} 옵션에 값이 필요합니다: {values}", "option {option} needs one of: {values}"),
    "usage.takes_no_value": ("{option} 옵션은 값을 받지 않습니다", "option {option} takes no value"),
    "usage.missing": ("빠진 값이 있습니다: {param}", "missing {param}"),
    "usage.not_a_number": ("{param}: 숫자가 아닙니다: {value}", "{param}: not a number: {value}"),
    "usage.bad_value": ("{param}: 올바르지 않은 값입니다 ({value})", "{param}: invalid value ({value})"),
    "usage.extra": ("필요 없는 값이 더 있습니다: {args}", "unexpected extra arguments: {args}"),
    "paths.journal": ("상담 기록", "Case journal"),
    "paths.cache": ("캐시 폴더", "Cache folder"),
    "paths.channels": ("창구 데이터", "Channel data"),
    "paths.faq": ("FAQ 데이터", "FAQ data"),
}


def t(key: str, lang: Lang, **values: object) -> str:
    ko, en = _MESSAGES[key]
    if lang == "ko" and ":" in ko:
        ko = with_particles(ko, values)
    return (ko if lang == "ko" else en).format(**values)


def both(key: str, /, **values: object) -> Text:
    """The message in both languages, for what is said later in a language not known yet (a data
    file's problems). A value that is itself a `Text` is put in each language's own words."""

    def said(lang: Lang) -> str:
        return t(key, lang, **{k: v(lang) if isinstance(v, Text) else v for k, v in values.items()})

    return Text(said("ko"), said("en"))
