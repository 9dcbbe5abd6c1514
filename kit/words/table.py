"""kit's own words (not the content's): skip link, notices, labels, "Page X of Y".

The one table for pages and handouts alike, one dict per locale (``kit.words.lookup`` reads
it). A key missing in a locale, or a locale not listed here, falls back to English, which the page marks with ``lang="en"``.
``{language}`` is the source language's name in the page's language (from CLDR, as CLDR
writes it inside a sentence), ``{date}`` a date in the locale's long format.

These translations were written for kit and still need a review by a qualified translator
for each language before a hospital relies on them; hospitals can also edit the templates.
"""

from __future__ import annotations

UI_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "skip_link": "Skip to main content",
        "languages": "Languages",
        "reviewed": "Reviewed: {date}",
        "translated_from": "Translated from the {language} version reviewed on {date}.",
        "translated_by": "Translated by {name}.",
        "reviewed_by": "Translation reviewed by {name} on {date}.",
        "draft": "Draft translation, not yet reviewed by a qualified medical translator.",
        "machine_draft": "This translation began as a machine translation draft.",
        "partial_notice": (
            "Parts of this page are not translated yet. They are shown in {language} "
            "and marked \u201c{label}\u201d."
        ),
        "fallback_label": "Not translated ({language})",
        "banner": (
            "This translation is not complete or not up to date. Some parts are shown in "
            "{language}. Ask your care team if anything is unclear."
        ),
        "read_source": "Read the {language} version",
        "call": "Questions? Call {phone}.",
        "all_pages": "All pages and languages",
        "index_title": "Patient education",
        "index_intro": "Each page is available in the languages listed below it.",
        "no_pages": "No pages are published yet.",
        # handouts
        "about": "About this handout",
        "next_review": "Next review: {date}",
        "version": "Version {version}",
        "page": "Page {page} of {pages}",
        "person_role": "{name} ({role})",
        "review_method": "Review method: {method}.",
        "online": "Read this handout online:",
        "qr_alt": "QR code that opens this handout online: {url}",
        # links from a page to its handouts
        "handouts": "Printable handouts",
        "handout_standard": "Standard print",
        "handout_large_print": "Large print",
        "handout_bilingual": "Bilingual, with {language}",
        "handout_details": "PDF, {language}, pages: {pages}, {size}",
    },
    "es": {
        "skip_link": "Saltar al contenido principal",
        "languages": "Idiomas",
        "reviewed": "Revisado: {date}",
        "translated_from": "Traducido de la versión en {language} revisada el {date}.",
        "translated_by": "Traducido por {name}.",
        "reviewed_by": "Traducción revisada por {name} el {date}.",
        "draft": "Traducción preliminar, aún no revisada por un traductor médico calificado.",
        "machine_draft": "Esta traducción comenzó como un borrador de traducción automática.",
        "partial_notice": (
            "Algunas partes de esta página aún no están traducidas. Se muestran en {language} "
            "y están marcadas con \u00ab{label}\u00bb."
        ),
        "fallback_label": "Sin traducir ({language})",
        "banner": (
            "Esta traducción no está completa o no está actualizada. Algunas partes se muestran "
            "en {language}. Pregunte a su equipo de atención médica si algo no está claro."
        ),
        "read_source": "Leer la versión en {language}",
        "call": "¿Preguntas? Llame al {phone}.",
        "all_pages": "Todas las páginas e idiomas",
        "index_title": "Educación para pacientes",
        "index_intro": "Cada página está disponible en los idiomas que aparecen debajo.",
        "no_pages": "Todavía no hay páginas publicadas.",
        # handouts
        "about": "Sobre esta hoja informativa",
        "next_review": "Próxima revisión: {date}",
        "version": "Versión {version}",
        "page": "Página {page} de {pages}",
        "person_role": "{name} ({role})",
        "review_method": "Método de revisión: {method}.",
        "online": "Lea esta hoja informativa en internet:",
        "qr_alt": "Código QR que abre esta hoja informativa en internet: {url}",
        # links from a page to its handouts
        "handouts": "Hojas informativas para imprimir",
        "handout_standard": "Letra normal",
        "handout_large_print": "Letra grande",
        "handout_bilingual": "Bilingüe, con {language}",
        "handout_details": "PDF, {language}, páginas: {pages}, {size}",
    },
    "zh_Hans": {
        "skip_link": "跳到主要内容",
        "languages": "语言",
        "reviewed": "审核日期：{date}",
        "translated_from": "译自{date}审核的{language}版本。",
        "translated_by": "译者：{name}。",
        "reviewed_by": "译文审核：{name}，{date}。",
        "draft": "翻译草稿，尚未经过合格的医学翻译人员审核。",
        "machine_draft": "本译文最初由机器翻译生成草稿。",
        "partial_notice": "本页部分内容尚未翻译，以{language}显示，并标有\u201c{label}\u201d。",
        "fallback_label": "未翻译（{language}）",
        "banner": (
            "本译文不完整或不是最新版本。部分内容以{language}显示。"
            "如有不清楚的地方，请询问您的医疗团队。"
        ),
        "read_source": "阅读{language}版本",
        "call": "有疑问？请致电 {phone}。",
        "all_pages": "所有页面和语言",
        "index_title": "患者教育",
        "index_intro": "每个页面都提供下方列出的语言版本。",
        "no_pages": "尚未发布任何页面。",
        # handouts
        "about": "关于本资料",
        "next_review": "下次审核：{date}",
        "version": "版本 {version}",
        "page": "第 {page} 页，共 {pages} 页",
        "person_role": "{name}（{role}）",
        "review_method": "审核方式：{method}。",
        "online": "在线阅读本资料：",
        "qr_alt": "二维码，可在线打开本资料：{url}",
        # links from a page to its handouts
        "handouts": "可打印的资料",
        "handout_standard": "标准字号",
        "handout_large_print": "大字版",
        "handout_bilingual": "双语版（附{language}）",
        "handout_details": "PDF，{language}，页数：{pages}，{size}",
    },
    "vi": {
        "skip_link": "Chuyển đến nội dung chính",
        "languages": "Ngôn ngữ",
        "reviewed": "Ngày xem xét: {date}",
        "translated_from": "Được dịch từ bản {language} đã được xem xét vào {date}.",
        "translated_by": "Người dịch: {name}.",
        "reviewed_by": "Bản dịch được {name} xem xét vào {date}.",
        "draft": "Bản dịch nháp, chưa được biên dịch viên y khoa có chuyên môn xem xét.",
        "machine_draft": "Bản dịch này bắt đầu từ một bản nháp dịch máy.",
        "partial_notice": (
            "Một số phần của trang này chưa được dịch. Các phần đó được hiển thị bằng "
            "{language} và được đánh dấu \u201c{label}\u201d."
        ),
        "fallback_label": "Chưa dịch ({language})",
        "banner": (
            "Bản dịch này chưa đầy đủ hoặc chưa được cập nhật. Một số phần được hiển thị bằng "
            "{language}. Hãy hỏi nhóm chăm sóc của quý vị nếu có điều gì chưa rõ."
        ),
        "read_source": "Đọc bản {language}",
        "call": "Có câu hỏi? Hãy gọi {phone}.",
        "all_pages": "Tất cả các trang và ngôn ngữ",
        "index_title": "Giáo dục bệnh nhân",
        "index_intro": "Mỗi trang có sẵn bằng các ngôn ngữ được liệt kê bên dưới.",
        "no_pages": "Chưa có trang nào được đăng.",
        # handouts
        "about": "Về tài liệu này",
        "next_review": "Lần duyệt tới: {date}",
        "version": "Phiên bản {version}",
        "page": "Trang {page} trên {pages}",
        "person_role": "{name} ({role})",
        "review_method": "Cách duyệt: {method}.",
        "online": "Đọc tài liệu này trên mạng:",
        "qr_alt": "Mã QR mở tài liệu này trên mạng: {url}",
        # links from a page to its handouts
        "handouts": "Tài liệu để in",
        "handout_standard": "Chữ thường",
        "handout_large_print": "Chữ lớn",
        "handout_bilingual": "Song ngữ, kèm {language}",
        "handout_details": "PDF, {language}, số trang: {pages}, {size}",
    },
    "ar": {
        "skip_link": "انتقل إلى المحتوى الرئيسي",
        "languages": "اللغات",
        "reviewed": "تاريخ المراجعة: {date}",
        "translated_from": "مترجم من النسخة {language} التي رُوجعت في {date}.",
        "translated_by": "ترجمة: {name}.",
        "reviewed_by": "راجع الترجمة: {name} في {date}.",
        "draft": "ترجمة أولية، لم يراجعها بعد مترجم طبي مؤهل.",
        "machine_draft": "بدأت هذه الترجمة كمسودة ترجمة آلية.",
        "partial_notice": (
            "لم تُترجم بعض أجزاء هذه الصفحة بعد. وهي معروضة باللغة {language} "
            "ومعلَّمة بعبارة \u00ab{label}\u00bb."
        ),
        "fallback_label": "غير مترجم ({language})",
        "banner": (
            "هذه الترجمة غير مكتملة أو غير محدَّثة. بعض الأجزاء معروضة باللغة {language}. "
            "اسأل فريق الرعاية الصحية إذا كان هناك شيء غير واضح."
        ),
        "read_source": "اقرأ النسخة {language}",
        "call": "هل لديك أسئلة؟ اتصل على {phone}.",
        "all_pages": "كل الصفحات واللغات",
        "index_title": "تثقيف المرضى",
        "index_intro": "كل صفحة متاحة باللغات المذكورة تحتها.",
        "no_pages": "لم تُنشر أي صفحات بعد.",
        # handouts
        "about": "عن هذه النشرة",
        "next_review": "المراجعة القادمة: {date}",
        "version": "الإصدار {version}",
        "page": "صفحة {page} من {pages}",
        "person_role": "{name} ({role})",
        "review_method": "طريقة المراجعة: {method}.",
        "online": "اقرأ هذه النشرة على الإنترنت:",
        "qr_alt": "رمز QR يفتح هذه النشرة على الإنترنت: {url}",
        # links from a page to its handouts
        "handouts": "نشرات للطباعة",
        "handout_standard": "خط عادي",
        "handout_large_print": "خط كبير",
        "handout_bilingual": "ثنائية اللغة، مع {language}",
        "handout_details": "PDF، {language}، عدد الصفحات: {pages}، {size}",
    },
    "ko": {
        "skip_link": "본문으로 건너뛰기",
        "languages": "언어",
        "reviewed": "검토일: {date}",
        "translated_from": "{date}에 검토된 {language} 버전을 번역했습니다.",
        "translated_by": "번역: {name}",
        "reviewed_by": "번역 검토: {name}, {date}",
        "draft": "번역 초안이며, 아직 자격을 갖춘 의료 번역가의 검토를 받지 않았습니다.",
        "machine_draft": "이 번역은 기계 번역 초안에서 시작되었습니다.",
        "partial_notice": (
            "이 페이지의 일부는 아직 번역되지 않았습니다. 해당 부분은 {language}로 표시되며 "
            "\u201c{label}\u201d 표시가 있습니다."
        ),
        "fallback_label": "번역 안 됨({language})",
        "banner": (
            "이 번역은 완전하지 않거나 최신이 아닙니다. 일부 내용은 {language}로 표시됩니다. "
            "이해되지 않는 부분이 있으면 의료진에게 문의하세요."
        ),
        "read_source": "{language} 버전 읽기",
        "call": "궁금한 점이 있으면 전화하세요: {phone}",
        "all_pages": "모든 페이지와 언어",
        "index_title": "환자 교육",
        "index_intro": "각 페이지는 아래에 나열된 언어로 볼 수 있습니다.",
        "no_pages": "아직 게시된 페이지가 없습니다.",
        # handouts
        "about": "이 안내문에 대하여",
        "next_review": "다음 검토: {date}",
        "version": "버전 {version}",
        "page": "{pages}쪽 중 {page}쪽",
        "person_role": "{name}({role})",
        "review_method": "검토 방법: {method}.",
        "online": "이 안내문을 온라인으로 읽기:",
        "qr_alt": "이 안내문을 온라인으로 여는 QR 코드: {url}",
        # links from a page to its handouts
        "handouts": "인쇄용 안내문",
        "handout_standard": "보통 글씨",
        "handout_large_print": "큰 글씨",
        "handout_bilingual": "이중 언어, {language} 포함",
        "handout_details": "PDF, {language}, 쪽수: {pages}, {size}",
    },
    "ru": {
        "skip_link": "Перейти к основному содержанию",
        "languages": "Языки",
        "reviewed": "Дата проверки: {date}",
        "translated_from": "Перевод исходной версии (язык: {language}), проверенной {date}.",
        "translated_by": "Переводчик: {name}.",
        "reviewed_by": "Перевод проверен: {name}, {date}.",
        "draft": "Черновой перевод, ещё не проверенный квалифицированным медицинским переводчиком.",
        "machine_draft": "Этот перевод начинался как черновик машинного перевода.",
        "partial_notice": (
            "Некоторые части этой страницы ещё не переведены. Они показаны на исходном языке "
            "({language}) и отмечены \u00ab{label}\u00bb."
        ),
        "fallback_label": "Не переведено ({language})",
        "banner": (
            "Этот перевод неполный или устарел. Некоторые части показаны на исходном языке "
            "({language}). Если что-то непонятно, спросите вашу медицинскую команду."
        ),
        "read_source": "Читать исходную версию ({language})",
        "call": "Есть вопросы? Звоните: {phone}.",
        "all_pages": "Все страницы и языки",
        "index_title": "Информация для пациентов",
        "index_intro": "Каждая страница доступна на языках, перечисленных под ней.",
        "no_pages": "Пока нет опубликованных страниц.",
        # handouts
        "about": "Об этой памятке",
        "next_review": "Следующая проверка: {date}",
        "version": "Версия {version}",
        "page": "Страница {page} из {pages}",
        "person_role": "{name} ({role})",
        "review_method": "Способ проверки: {method}.",
        "online": "Читайте эту памятку в интернете:",
        "qr_alt": "QR-код, открывающий эту памятку в интернете: {url}",
        # links from a page to its handouts
        "handouts": "Памятки для печати",
        "handout_standard": "Обычный шрифт",
        "handout_large_print": "Крупный шрифт",
        "handout_bilingual": "Двуязычная, второй язык — {language}",
        "handout_details": "PDF, {language}, страниц: {pages}, {size}",
    },
    "tl": {
        "skip_link": "Lumaktaw sa pangunahing nilalaman",
        "languages": "Mga wika",
        "reviewed": "Sinuri noong: {date}",
        "translated_from": "Isinalin mula sa bersyong {language} na sinuri noong {date}.",
        "translated_by": "Isinalin ni {name}.",
        "reviewed_by": "Sinuri ni {name} ang salin noong {date}.",
        "draft": "Borador na salin, hindi pa nasusuri ng isang kwalipikadong tagasaling medikal.",
        "machine_draft": "Nagsimula ang salin na ito bilang borador ng machine translation.",
        "partial_notice": (
            "May mga bahagi ng pahinang ito na hindi pa naisasalin. Ipinapakita ang mga ito sa "
            "{language} at may markang \u201c{label}\u201d."
        ),
        "fallback_label": "Hindi pa naisasalin ({language})",
        "banner": (
            "Hindi pa kumpleto o hindi na napapanahon ang salin na ito. Ang ilang bahagi ay "
            "ipinapakita sa {language}. Magtanong sa inyong care team kung may hindi malinaw."
        ),
        "read_source": "Basahin ang bersyong {language}",
        "call": "May tanong? Tumawag sa {phone}.",
        "all_pages": "Lahat ng pahina at wika",
        "index_title": "Edukasyon para sa pasyente",
        "index_intro": "Makukuha ang bawat pahina sa mga wikang nakalista sa ilalim nito.",
        "no_pages": "Wala pang nailalathalang pahina.",
        # handouts
        "about": "Tungkol sa babasahing ito",
        "next_review": "Susunod na pagrepaso: {date}",
        "version": "Bersyon {version}",
        "page": "Pahina {page} ng {pages}",
        "person_role": "{name} ({role})",
        "review_method": "Paraan ng pagrepaso: {method}.",
        "online": "Basahin ang babasahing ito online:",
        "qr_alt": "QR code na nagbubukas ng babasahing ito online: {url}",
        # links from a page to its handouts
        "handouts": "Mga babasahing maipi-print",
        "handout_standard": "Karaniwang letra",
        "handout_large_print": "Malalaking letra",
        "handout_bilingual": "Dalawang wika, kasama ang {language}",
        "handout_details": "PDF, {language}, mga pahina: {pages}, {size}",
    },
}
