"""Every help text of the command tree, in Korean and English, and Click's own fixed words.

Command help by command path ("faq search"), with ":short" for the one-line summary shown in
lists; option help by "path --option", falling back to "--option" for the options many
commands share. Lines that start with spaces (examples) are shown as written.
"""

from __future__ import annotations

from smartstore_help.core.model import Lang

HELP: dict[str, tuple[str, str]] = {
    "": (
        "스마트스토어 판매자 고객센터 도우미: 지금 맞는 상담 창구, 준비물, 문의 글, FAQ.\n\n"
        '예시:\n  $ ss-help contact "정산금이 아직 안 들어왔어요"\n  $ ss-help hours\n'
        "  $ ss-help faq search 반품 배송비",
        "SmartStore seller support helper: the right channel now, what to prepare, the inquiry text, the FAQ.\n\n"
        'Examples:\n  $ ss-help contact "my settlement has not arrived"\n  $ ss-help hours\n'
        "  $ ss-help faq search return shipping fee",
    ),
    ":short": ("스마트스토어 판매자 고객센터 도우미", "SmartStore seller support helper"),
    "--lang": (
        "화면 언어: ko(기본) 또는 en. SS_HELP_LANG 환경 변수로도 정합니다.",
        "Language of every screen: ko (the default) or en. Also SS_HELP_LANG.",
    ),
    "--data-dir": (
        "channels.yaml이나 faq.yaml을 대신할 파일이 있는 폴더. SS_HELP_DATA_DIR로도 정합니다.",
        "Folder whose channels.yaml or faq.yaml replace the built-in ones. Also SS_HELP_DATA_DIR.",
    ),
    "--ascii": (
        "기호와 테두리를 ASCII로 그립니다 (Windows에서는 기본). SS_HELP_ASCII=1로도 켭니다.",
        "Draw symbols and borders in ASCII (the default on Windows). Also SS_HELP_ASCII=1.",
    ),
    "--version": ("버전을 보여 줍니다.", "Show the version."),
    "--help": ("이 도움말을 보여 줍니다.", "Show this help."),
    "--json": ("스크립트용 JSON으로 출력합니다.", "Print JSON for scripts."),
    "--at": (
        "지금 대신 이 시각을 기준으로 합니다. 한국 시간(KST), 예: 2026-02-13 18:00, 17:59.",
        "Plan for this moment instead of now. KST, e.g. 2026-02-13 18:00 or 17:59.",
    ),
    "hours": (
        "지금 상담 창구가 열려 있는지, 닫혀 있으면 언제 열리는지 한국 시간(KST)으로 알려 줍니다. 주말, "
        "공휴일(설날·추석·대체공휴일·임시공휴일), 점심시간을 계산합니다.\n\n"
        '예시:\n  $ ss-help hours\n  $ ss-help hours --at "2026-09-25 11:00" --channel phone\n'
        "  $ ss-help hours --week\n  $ ss-help hours --check phone && echo 열림",
        "Whether each support channel is open now and, if not, when it opens, in Korean time (KST), "
        "with weekends, public holidays and the lunch break.\n\n"
        'Examples:\n  $ ss-help hours\n  $ ss-help hours --at "2026-09-25 11:00" --channel phone\n'
        "  $ ss-help hours --week\n  $ ss-help hours --check phone && echo open",
    ),
    "hours:short": ("지금 열려 있는지, 언제 열리는지", "Open now? If not, when?"),
    "hours --channel": ("한 창구만: chat, phone, faq, email.", "One channel only: chat, phone, faq or email."),
    "hours --week": ("7일 운영 시간표 (기본: 전화 상담).", "A 7-day picture of the hours (phone by default)."),
    "hours --wait": (
        "창구(기본: phone)가 열릴 때까지 카운트다운하고 열리면 알립니다.",
        "Count down until the channel (phone by default) opens, then ring.",
    ),
    "hours --check": (
        "그 창구가 지금 열려 있으면 종료 코드 0, 아니면 1.",
        "Exit 0 if that channel is open now, 1 if not.",
    ),
    "channels": (
        "창구별 연락 방법, 운영 시간, 장단점과 정보 확인일을 나란히 보여 줍니다.\n\n"
        "예시:\n  $ ss-help channels\n  $ ss-help channels --json",
        "The channels side by side: how to reach them, hours, pros and cons, and when the facts were "
        "checked.\n\nExamples:\n  $ ss-help channels\n  $ ss-help channels --json",
    ),
    "channels:short": ("창구 비교: 연락처, 운영 시간, 장단점", "The channels side by side"),
    "data": (
        "데이터 파일(channels.yaml, faq.yaml)을 검사하고, 서명된 새 데이터로 업데이트합니다.\n\n"
        "예시:\n  $ ss-help data check --data-dir ./mydata\n  $ ss-help data update\n  $ ss-help data status",
        "The data files (channels.yaml, faq.yaml): validate them, update them from a signed bundle.\n\n"
        "Examples:\n  $ ss-help data check --data-dir ./mydata\n  $ ss-help data update\n  $ ss-help data status",
    ),
    "data:short": ("데이터 파일 검사·업데이트", "Validate and update the data files"),
    "data update": (
        "서명된 새 데이터 번들(channels.yaml, faq.yaml)을 받아 서명, SHA-256, 내용을 검사한 뒤 설치합니다. "
        "실패하면 쓰던 데이터를 그대로 두고 종료 코드 2. 바로 전 데이터는 --rollback으로 되돌립니다.\n\n"
        "예시:\n  $ ss-help data update\n  $ ss-help data update --from ./bundle --key ./team.pem\n"
        "  $ ss-help data update --rollback",
        "Fetch a signed data bundle (channels.yaml, faq.yaml), check its signature, its SHA-256 sums and its "
        "contents, then install it. On any failure the data in use stays and the exit code is 2; "
        "--rollback goes back to the data before.\n\nExamples:\n  $ ss-help data update\n"
        "  $ ss-help data update --from ./bundle --key ./team.pem\n  $ ss-help data update --rollback",
    ),
    "data update:short": ("서명된 새 데이터 설치", "Install newer signed data"),
    "data update --from": (
        "번들 위치: https:// 주소, 폴더, 또는 그 안의 manifest.json. 없으면 기본 주소.",
        "Where the bundle is: an https:// address, a folder, or its manifest.json. Default: the project's address.",
    ),
    "data update --key": (
        "패키지에 든 키 대신 믿을 Ed25519 공개 키 파일(PEM).",
        "Trust this Ed25519 public key file (PEM) instead of the one shipped with ss-help.",
    ),
    "data update --rollback": (
        "바로 전 데이터(이전 업데이트나 기본 제공 데이터)로 되돌립니다.",
        "Go back to the data before (the previous update, or the built-in data).",
    ),
    "data status": (
        "지금 쓰는 데이터가 어디 것인지(기본 제공, 설치한 업데이트, --data-dir), 버전, 날짜, 며칠 되었는지 보여 줍니다.\n\n"
        "예시:\n  $ ss-help data status\n  $ ss-help data status --json",
        "Which data is in use (built-in, an installed update, --data-dir), its version, its date and its age.\n\n"
        "Examples:\n  $ ss-help data status\n  $ ss-help data status --json",
    ),
    "data status:short": ("쓰는 데이터의 버전과 날짜", "Version and age of the data in use"),
    "data check": (
        "데이터 파일을 검사해 모든 문제를 파일:줄: 항목: 내용으로 보여 줍니다. 문제가 있으면 종료 코드 2.\n\n"
        "예시:\n  $ ss-help data check\n  $ ss-help data check --data-dir ./mydata --json",
        "Validate the data files and list every problem as file:line: field: what is wrong; exit 2 "
        "when there is one.\n\nExamples:\n  $ ss-help data check\n"
        "  $ ss-help data check --data-dir ./mydata --json",
    ),
    "data check:short": ("모든 문제를 파일:줄과 함께", "Every problem, with file:line"),
    "faq": (
        "판매자 FAQ를 검색하고 읽습니다. 띄어쓰기, 초성, 오타, 문장으로 찾아도 됩니다.\n\n"
        "예시:\n  $ ss-help faq search 판매한 돈이 아직 안 들어왔어요\n  $ ss-help faq show settlement-hold\n"
        "  $ ss-help faq list --type payment",
        "Search and read the seller FAQ: spacing, initial consonants, typos and whole sentences all work.\n\n"
        "Examples:\n  $ ss-help faq search settlement on hold\n  $ ss-help faq show settlement-hold\n"
        "  $ ss-help faq list --type payment",
    ),
    "faq:short": ("판매자 FAQ 검색", "Search the seller FAQ"),
    "faq search": (
        "FAQ를 검색합니다. 문장 그대로, 띄어쓰기 없이, 초성(ㅈㅅ ㅂㄹ)이나 오타가 있어도 찾습니다.\n\n"
        "예시:\n  $ ss-help faq search 정산 보류\n  $ ss-help faq search 구매자가 사이즈 안맞는다고 "
        "바꿔달래요\n  $ ss-help faq search ㅈㅅ ㅂㄹ --json",
        "Search the FAQ: whole sentences, missing spaces, Korean initial consonants and typos "
        "all work.\n\nExamples:\n  $ ss-help faq search settlement on hold\n"
        "  $ ss-help faq search settlement hold --json",
    ),
    "faq search:short": ("문장, 초성, 오타로 FAQ 찾기", "Find entries by sentence, initials or typo"),
    "faq search query": ("검색어 또는 문장.", "Search words or a sentence."),
    "faq search --type": (
        "이 유형만: technical, payment, return_exchange, general.",
        "Only this type: technical, payment, return_exchange or general.",
    ),
    "faq search --limit": ("최대 결과 수 (기본 5).", "At most this many results (5 by default)."),
    "faq show": (
        "FAQ 한 항목의 전체 답변과 출처를 보여 줍니다.\n\n예시:\n  $ ss-help faq show settlement-hold",
        "One entry's whole answer with its sources.\n\nExample:\n  $ ss-help faq show settlement-hold",
    ),
    "faq show:short": ("한 항목의 전체 답변과 출처", "One entry's whole answer and sources"),
    "faq show entry_id": (
        "FAQ 항목 id (faq search나 faq list에 나옵니다).",
        "The entry's id (shown by faq search and faq list).",
    ),
    "faq list": (
        "FAQ 전체를 유형별로 보여 줍니다.\n\n예시:\n  $ ss-help faq list --type return_exchange",
        "Every entry, grouped by type.\n\nExample:\n  $ ss-help faq list --type return_exchange",
    ),
    "faq list:short": ("유형별 FAQ 목록", "Every entry, by type"),
    "faq list --type": (
        "이 유형만: technical, payment, return_exchange, general.",
        "Only this type: technical, payment, return_exchange or general.",
    ),
    "contact": (
        "문제를 듣고, 지금(KST) 맞는 상담 창구와 이유, 준비할 것, 붙여 넣을 문의 글, 먼저 볼 FAQ를 "
        "알려 줍니다. 터미널이 없거나 --no-input이면 묻지 않고 옵션만 씁니다.\n\n"
        '예시:\n  $ ss-help contact\n  $ ss-help contact "정산이 3일째 보류 상태예요" --no-input\n'
        "  $ ss-help contact --type payment --urgent --no-input\n"
        "  $ ss-help contact --type technical --simple --no-input --json",
        "Hears the problem and gives the right channel now (KST) with the reasons, what to prepare, an "
        "inquiry text to paste and the FAQ entries to read first. Without a terminal, or with "
        "--no-input, it never asks: the flags answer.\n\n"
        'Examples:\n  $ ss-help contact\n  $ ss-help contact "my settlement is on hold" --no-input\n'
        "  $ ss-help contact --type payment --urgent --no-input\n"
        "  $ ss-help contact --type technical --simple --no-input --json",
    ),
    "contact:short": ("지금 맞는 창구, 준비물, 문의 글", "The right channel now, what to prepare, the text"),
    "contact --type": (
        "문제 유형: technical, payment, return_exchange, other.",
        "Problem type: technical, payment, return_exchange or other.",
    ),
    "contact --urgent": ("급한 문제인지 (--not-urgent: 아님).", "Whether it is urgent (--not-urgent: it is not)."),
    "contact --complex": ("복잡한 문제인지 (--simple: 간단함).", "Whether it is complex (--simple: it is simple)."),
    "contact --prefer": ("선호하는 창구: any, chat, phone, email.", "Preferred channel: any, chat, phone or email."),
    "contact --answer": (
        "그 밖의 질문에 답하기 (여러 번 가능), 예: -a topic=settlement.",
        "Answer any other question (repeatable), e.g. -a topic=settlement.",
    ),
    "contact described": (
        "문제를 내 말로 한 줄 (--description과 같음). --type이 없으면 이 말로 유형을 짐작합니다.",
        "The problem in your own words (the same as --description); without --type, the type is inferred from it.",
    ),
    "contact --description": (
        "문제를 한 줄로 (DESCRIPTION과 같음).",
        "The problem in one line (the same as DESCRIPTION).",
    ),
    "contact --order-no": ("주문번호 (숫자 8~20자리).", "Order number (8 to 20 digits)."),
    "contact --occurred-at": (
        "문제가 생긴 시각 (KST), 예: 2026-11-24 14:30.",
        "When it happened (KST), e.g. 2026-11-24 14:30.",
    ),
    "contact --tried": ("이미 해 본 것.", "What you already tried."),
    "contact --store-id": ("스토어 ID (판매자 아이디).", "Your store ID (seller ID)."),
    "contact --no-input": ("아무것도 묻지 않고 옵션만 씁니다.", "Never ask; use the flags only."),
    "contact --output": (
        "문의 글을 이 파일로 저장합니다 (있는 파일은 덮어쓰지 않음). -는 표준 출력.",
        "Write the inquiry text to FILE (never over an existing file); - is standard output.",
    ),
    "contact --force": ("--output 파일이 있어도 덮어씁니다.", "Overwrite the --output file if it exists."),
    "contact --copy": (
        "문의 글을 클립보드에 복사 (대화형에서는 기본).",
        "Copy the inquiry text (the default when interactive).",
    ),
    "contact --open": ("추천 창구의 주소를 브라우저로 엽니다.", "Open the recommended channel's page in the browser."),
    "contact --save": (
        "상담 기록으로 저장 (대화형에서는 물어봄).",
        "Save the case in the journal (asked when interactive).",
    ),
    "contact --chosen": (
        "실제로 쓸 창구 (기본: 추천 창구). id 또는 이름: phone, 전화, 채팅, 톡톡, 1:1.",
        "The channel you will use (the recommended one by default): an id or a word of its name.",
    ),
    "contact --draft-lang": (
        "보낼 문의 글의 언어 (기본: ko, 고객센터가 읽는 한국어). --lang en이면 영어 글을 옆에 함께 보여 줍니다.",
        "Language of the inquiry to send (default ko: the help centre reads Korean); with --lang en the "
        "English version is shown beside it.",
    ),
    "case": (
        "이 컴퓨터에만 남는 상담 기록: 메모, 종료와 피드백, 재문의 글.\n\n"
        '예시:\n  $ ss-help case list\n  $ ss-help case note 1 "상담사: 2영업일 내 회신" --reply-within 2\n'
        "  $ ss-help case due\n"
        "  $ ss-help case close 1 --resolved --rating 5",
        "The case journal, kept on this computer only: notes, outcomes and feedback, follow-ups.\n\n"
        'Examples:\n  $ ss-help case list\n  $ ss-help case note 1 "agent: reply in 2 business days" '
        "--reply-within 2\n  $ ss-help case due\n"
        "  $ ss-help case close 1 --resolved --rating 5",
    ),
    "case:short": ("상담 기록: 메모, 피드백, 재문의", "The case journal"),
    "case_id": ("상담 기록 번호.", "The case number."),
    "case list": (
        "상담 기록 목록, 최근 것부터 한 쪽(20건)씩.\n\n예시:\n  $ ss-help case list --status open\n  $ ss-help case list --limit 100",
        "The cases, newest first, a page (20) at a time.\n\nExamples:\n  $ ss-help case list --status open\n"
        "  $ ss-help case list --limit 100",
    ),
    "case list:short": ("상담 기록 목록", "The cases, newest first"),
    "case list --status": ("open(진행 중) 또는 closed(종료)만.", "Only open or only closed cases."),
    "case list --limit": ("최근 것부터 이만큼 (기본 20).", "This many of the most recent (20 by default)."),
    "case list --all": ("모든 상담 기록.", "Every case."),
    "case show": (
        "한 상담의 전체 기록: 답변, 문의 글, 메모, 결과.\n\n예시:\n  $ ss-help case show 1",
        "One case, the whole story: answers, inquiry text, notes, outcome.\n\nExample:\n  $ ss-help case show 1",
    ),
    "case show:short": ("한 상담의 전체 기록", "One case, the whole story"),
    "case note": (
        "메모를 남깁니다 (시각 자동 기록). 메모를 주지 않으면 표준 입력(1 MB까지)이나 입력 창에서 받습니다.\n\n"
        '예시:\n  $ ss-help case note 1 "상담사: 보류 사유 확인 후 연락" --ref T-20260928',
        "Add a timestamped note; without TEXT it is read from standard input (up to 1 MB) or an editor field.\n\n"
        'Example:\n  $ ss-help case note 1 "agent will call back" --ref T-20260928',
    ),
    "case note:short": ("메모 남기기", "Add a timestamped note"),
    "case note text": ("메모 내용.", "The note."),
    "case note --ref": ("상담사가 준 접수·참고번호.", "The agent's ticket or reference number."),
    "case note --reply-within": (
        "상담사가 N영업일 안에 회신하기로 약속했습니다 (1~60). 기한은 N번째 영업일의 업무 종료 "
        "시각입니다 (주말·공휴일·대체공휴일 제외, 메모한 날은 세지 않음).",
        "The agent promised a reply within N business days (1-60): due at closing time on "
        "the Nth business day, weekends and public holidays skipped, the note's day not "
        "counted.",
    ),
    "case note --reply-by": (
        "상담사가 이 날짜(그날 업무 종료 시각)나 시각까지 회신하기로 약속했습니다.",
        "The agent promised a reply by this date (its closing time) or this time.",
    ),
    "case note --at": ("메모를 남긴 시각 (기본: 지금, KST).", "When the note was taken (default: now, KST)."),
    "case close --at": ("종료한 시각 (기본: 지금, KST).", "When the case was closed (default: now, KST)."),
    "case due": (
        "회신 약속이 있는 진행 중 상담을 기한이 가까운 것부터 보여 줍니다: 기한, 지났는지, 재문의 명령.\n\n"
        "예시:\n  $ ss-help case due\n  $ ss-help case due --json",
        "Open cases with a promised reply, soonest first: when it is due, whether it is overdue, "
        "and the command that drafts the follow-up.\n\nExamples:\n  $ ss-help case due\n"
        "  $ ss-help case due --json",
    ),
    "case due:short": ("회신 기한이 있는 상담, 기한 순", "Promised replies, soonest first"),
    "--no-pager": (
        "긴 출력을 페이저(SS_HELP_PAGER, PAGER, less -FRX)로 보여 주지 않습니다.",
        "Do not page long output (SS_HELP_PAGER, PAGER, else less -FRX).",
    ),
    "case due --ics": (
        "iCalendar(.ics) 문서로: 네이버·구글 캘린더로 가져올 수 있습니다 (ss-help case due --ics > 약속.ics).",
        "As an iCalendar (.ics) document to import into Naver or Google Calendar (ss-help case due --ics > due.ics).",
    ),
    "case due --at": ("이 시각 기준으로 (KST).", "As of this moment (KST)."),
    "case stats": (
        "선택한 창구별·문제 유형별로 무엇이 통했는지: 상담 수, 종료, 해결, 평균 평점, 종료까지 걸린 "
        "시간(중앙값).\n\n예시:\n  $ ss-help case stats",
        "What worked before, per channel chosen and per problem type: cases, closed, resolved, "
        "average rating, median time to close.\n\nExample:\n  $ ss-help case stats",
    ),
    "case stats:short": ("창구별·유형별 결과 통계", "What worked, per channel and type"),
    "case close": (
        "상담을 종료하고 결과를 남깁니다.\n\n예시:\n  $ ss-help case close 1 --resolved --rating 4 "
        '--feedback "빨리 해결됨"',
        "Close a case with its outcome.\n\nExample:\n  $ ss-help case close 1 --resolved --rating 4",
    ),
    "case close:short": ("종료: 해결 여부, 평점, 피드백", "Close with the outcome"),
    "case close --resolved": (
        "해결됐는지 (--unresolved: 해결 안 됨).",
        "Whether it was solved (--unresolved: it was not).",
    ),
    "case close --rating": ("상담 만족도 1~5.", "How the support was, 1 to 5."),
    "case close --feedback": ("피드백 한 줄.", "One line of feedback."),
    "case follow-up": (
        "같은 문제가 다시 생겼을 때, 이전 상담을 인용한 재문의 글과 지금 맞는 창구.\n\n"
        "예시:\n  $ ss-help case follow-up 1 --save",
        "When the problem comes back: a new inquiry citing the earlier contact, and the channel "
        "for now.\n\nExample:\n  $ ss-help case follow-up 1 --save",
    ),
    "case follow-up:short": ("이전 상담을 인용한 재문의 글", "A follow-up citing the first contact"),
    "case follow-up --save": ("새 상담 기록으로 저장합니다.", "Save it as a new case."),
    "case export": (
        "모든 상담 기록을 JSON(기본)이나 CSV(엑셀용)로 내보냅니다.\n\n"
        "예시:\n  $ ss-help case export --csv > 상담기록.csv",
        "Export every case as JSON (the default) or CSV for Excel.\n\n"
        "Example:\n  $ ss-help case export --csv > cases.csv",
    ),
    "case export:short": ("모두 내보내기 (JSON, CSV)", "Export every case (JSON, CSV)"),
    "case export --csv": ("엑셀에서 열 수 있는 CSV로.", "As CSV that Excel opens."),
    "case delete": (
        "상담 기록과 메모를 삭제합니다 (먼저 묻습니다).\n\n예시:\n  $ ss-help case delete 1",
        "Delete a case and its notes (asks first).\n\nExample:\n  $ ss-help case delete 1",
    ),
    "case delete:short": ("상담 기록 삭제", "Delete a case"),
    "case delete --yes": ("묻지 않고 삭제합니다.", "Delete without asking."),
    "completion": (
        "셸 자동 완성 스크립트를 출력합니다.\n\n예시:\n  $ ss-help completion bash >> ~/.bashrc\n"
        "  $ ss-help completion powershell >> $PROFILE",
        "Print a shell completion script.\n\nExamples:\n  $ ss-help completion bash >> ~/.bashrc\n"
        "  $ ss-help completion powershell >> $PROFILE",
    ),
    "completion:short": ("셸 자동 완성 스크립트", "Shell completion script"),
    "completion shell": ("bash, zsh, fish 또는 powershell.", "bash, zsh, fish or powershell."),
    "paths": (
        "상담 기록, 캐시, 데이터 파일이 있는 곳을 보여 줍니다.\n\n예시:\n  $ ss-help paths",
        "Where the case journal, the cache and the data files are.\n\nExample:\n  $ ss-help paths",
    ),
    "paths:short": ("기록·캐시·데이터 파일 위치", "Where the journal, cache and data live"),
}

# Click's and typer's own fixed words, for the help screens.
CLICK_WORDS: dict[str, tuple[str, str]] = {
    "Usage": ("사용법", "Usage"),
    "Options": ("옵션", "Options"),
    "Commands": ("명령", "Commands"),
    "Arguments": ("인자", "Arguments"),
    "Show this message and exit.": ("이 도움말을 보여 줍니다.", "Show this help."),
    "required": ("필수", "required"),
}


def help_text(path: str, lang: Lang, *, short: bool = False, param: str | None = None) -> str:
    """The help for a command path (or one of its options); "" when none is written."""
    if param is not None:
        pair = HELP.get(f"{path} {param}".strip()) or HELP.get(param)
    else:
        pair = HELP.get(f"{path}:short" if short else path)
    if pair is None:
        return ""
    return pair[0] if lang == "ko" else pair[1]
