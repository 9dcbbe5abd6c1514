"""Wording only the PDF handout needs ("Page 1 of 2", "About this handout", the QR caption).

Everything the HTML pages also say (reviewed, translated from, translated by, reviewed by,
draft translation, machine draft, the partial-translation notice, "Questions? Call") comes
from the shared catalog in ``kit.words.table`` through ``kit.words.lookup``; this table
has only the rest, with the same rules: a locale without a string gets English, marked
``<span lang="en">`` in HTML; in right-to-left text, values (names, URLs, version numbers)
have their left-to-right runs isolated. Written for kit, these strings still need review by
a qualified translator for each language, like any other content.

Placeholders are ``str.format`` fields; every table has exactly the keys of ``EN`` (tested).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from kit.locales import LocaleInfo
from kit.bidi import isolate_ltr

EN = {
    "about": "About this handout",
    "next_review": "Next review: {date}",
    "version": "Version {version}",
    "page": "Page {page} of {pages}",
    "person_role": "{name} ({role})",
    "review_method": "Review method: {method}.",
    "online": "Read this handout online:",
    "qr_alt": "QR code that opens this handout online: {url}",
}

ES = {
    "about": "Sobre esta hoja informativa",
    "next_review": "Próxima revisión: {date}",
    "version": "Versión {version}",
    "page": "Página {page} de {pages}",
    "person_role": "{name} ({role})",
    "review_method": "Método de revisión: {method}.",
    "online": "Lea esta hoja informativa en internet:",
    "qr_alt": "Código QR que abre esta hoja informativa en internet: {url}",
}

ZH_HANS = {
    "about": "关于本资料",
    "next_review": "下次审核：{date}",
    "version": "版本 {version}",
    "page": "第 {page} 页，共 {pages} 页",
    "person_role": "{name}（{role}）",
    "review_method": "审核方式：{method}。",
    "online": "在线阅读本资料：",
    "qr_alt": "二维码，可在线打开本资料：{url}",
}

VI = {
    "about": "Về tài liệu này",
    "next_review": "Lần duyệt tới: {date}",
    "version": "Phiên bản {version}",
    "page": "Trang {page} trên {pages}",
    "person_role": "{name} ({role})",
    "review_method": "Cách duyệt: {method}.",
    "online": "Đọc tài liệu này trên mạng:",
    "qr_alt": "Mã QR mở tài liệu này trên mạng: {url}",
}

AR = {
    "about": "عن هذه النشرة",
    "next_review": "المراجعة القادمة: {date}",
    "version": "الإصدار {version}",
    "page": "صفحة {page} من {pages}",
    "person_role": "{name} ({role})",
    "review_method": "طريقة المراجعة: {method}.",
    "online": "اقرأ هذه النشرة على الإنترنت:",
    "qr_alt": "رمز QR يفتح هذه النشرة على الإنترنت: {url}",
}

KO = {
    "about": "이 안내문에 대하여",
    "next_review": "다음 검토: {date}",
    "version": "버전 {version}",
    "page": "{pages}쪽 중 {page}쪽",
    "person_role": "{name}({role})",
    "review_method": "검토 방법: {method}.",
    "online": "이 안내문을 온라인으로 읽기:",
    "qr_alt": "이 안내문을 온라인으로 여는 QR 코드: {url}",
}

RU = {
    "about": "Об этой памятке",
    "next_review": "Следующая проверка: {date}",
    "version": "Версия {version}",
    "page": "Страница {page} из {pages}",
    "person_role": "{name} ({role})",
    "review_method": "Способ проверки: {method}.",
    "online": "Читайте эту памятку в интернете:",
    "qr_alt": "QR-код, открывающий эту памятку в интернете: {url}",
}

TL = {
    "about": "Tungkol sa babasahing ito",
    "next_review": "Susunod na pagrepaso: {date}",
    "version": "Bersyon {version}",
    "page": "Pahina {page} ng {pages}",
    "person_role": "{name} ({role})",
    "review_method": "Paraan ng pagrepaso: {method}.",
    "online": "Basahin ang babasahing ito online:",
    "qr_alt": "QR code na nagbubukas ng babasahing ito online: {url}",
}

TABLES: dict[str, dict[str, str]] = {
    "en": EN,
    "es": ES,
    "zh_Hans": ZH_HANS,
    "vi": VI,
    "ar": AR,
    "ko": KO,
    "ru": RU,
    "tl": TL,
}
FALLBACK = "en"


def lookup(locale: LocaleInfo, key: str) -> tuple[str, bool]:
    """The string for ``key`` in ``locale`` (or its language) and whether it is English fallback."""
    for code in (locale.code, locale.language):
        if code in TABLES:
            return TABLES[code][key], False
    return EN[key], locale.language != FALLBACK


def pdf_plain(locale: LocaleInfo, key: str, **values: str) -> str:
    """Plain text (CSS footer, alt text): no language can be marked there."""
    return lookup(locale, key)[0].format_map(values)


def pdf_html(locale: LocaleInfo, key: str, **values: str) -> Markup:
    """Safe HTML; English fallback wrapped in ``<span lang="en">``, like ``kit.words.lookup``."""
    text, fallback = lookup(locale, key)
    rtl = locale.is_rtl and not fallback
    safe = {name: Markup(isolate_ltr(v)) if rtl else escape(v) for name, v in values.items()}
    html = Markup(escape(text).format_map(safe))
    if not fallback:
        return html
    direction = ' dir="ltr"' if locale.is_rtl else ""
    return Markup(f'<span lang="{FALLBACK}"{direction}>{html}</span>')
